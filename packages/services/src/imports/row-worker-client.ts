import { statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { isErrorCode } from '@kangyang/contracts/errors';
import { AppError } from '../app-error.ts';
import type { FieldCipher, Keyring } from '../crypto/field-cipher.ts';
import { produceBatches, type SourceBatch, type SourceOptions } from './row-source.ts';
import type { RowWorkerInput, RowWorkerMessage } from './row-worker.ts';

/** Whether worker threads can load our TypeScript here; learnt on first use, per service instance. */
export type WorkerState = { usable: boolean | undefined };

/**
 * `auto`: a worker for files of 4 MiB and more (starting one, loading our TypeScript, costs about a
 * second) while a core is spare (1-minute load average ≤ cores − 1: on a busy machine a second
 * thread only adds copying); `always` and `never` for tests and benchmarks.
 */
export type WorkerPolicy = 'auto' | 'always' | 'never';

export type RowSourceDeps = {
  cipher: FieldCipher;
  keyring: Keyring | undefined;
  worker: WorkerState;
  policy: WorkerPolicy;
  log: (message: string) => void;
};

const WORKER_MIN_BYTES = 4 * 1024 * 1024;

function wantsWorker(deps: RowSourceDeps, path: string): boolean {
  if (!deps.keyring || deps.policy === 'never' || deps.worker.usable === false) return false;
  if (deps.policy === 'always') return true;
  return (
    statSync(path).size >= WORKER_MIN_BYTES &&
    availableParallelism() >= 2 &&
    (loadavg()[0] ?? 0) <= availableParallelism() - 1
  );
}

function plainKeyring(keyring: Keyring): RowWorkerInput['keyring'] {
  return {
    dataKeys: [...keyring.dataKeys],
    activeKeyId: keyring.activeKeyId,
    blindIndexKey: keyring.blindIndexKey,
    auditChainKey: keyring.auditChainKey,
  };
}

function errorOf(message: Extract<RowWorkerMessage, { type: 'error' }>): Error {
  return message.code && isErrorCode(message.code)
    ? new AppError(message.code, message.params ?? {}, message.field)
    : new Error(message.message);
}

async function* viaWorker(options: SourceOptions, keyring: Keyring): AsyncGenerator<SourceBatch> {
  const input: RowWorkerInput = { options, keyring: plainKeyring(keyring) };
  const worker = new Worker(new URL('./row-worker.mjs', import.meta.url), { workerData: input });
  const inbox: RowWorkerMessage[] = [];
  let failure: Error | undefined;
  let exited = false;
  let wake: (() => void) | undefined;
  worker.on('message', (message: RowWorkerMessage) => {
    inbox.push(message);
    wake?.();
  });
  worker.on('error', (error) => {
    failure = error;
    wake?.();
  });
  worker.on('exit', () => {
    exited = true;
    wake?.();
  });
  try {
    for (;;) {
      while (inbox.length === 0 && !failure && !exited) await new Promise<void>((resolve) => (wake = resolve));
      const message = inbox.shift();
      if (!message) throw failure ?? new Error('the row worker stopped');
      if (message.type === 'done') return;
      if (message.type === 'error') throw errorOf(message);
      worker.postMessage('more');
      yield message.batch;
    }
  } finally {
    await worker.terminate();
  }
}

/**
 * The rows of a pass, checked and prepared in a worker thread when one starts (encryption and
 * parsing then run beside the database work), or in-process otherwise (e.g. without tsx).
 */
export async function* openRowSource(options: SourceOptions, deps: RowSourceDeps): AsyncGenerator<SourceBatch> {
  if (deps.keyring && wantsWorker(deps, options.path)) {
    let started = false;
    try {
      for await (const batch of viaWorker(options, deps.keyring)) {
        started = true;
        deps.worker.usable = true;
        yield { ...batch, viaWorker: true };
      }
      return;
    } catch (error) {
      if (started || error instanceof AppError || deps.worker.usable === true) throw error;
      deps.worker.usable = false;
      deps.log(
        `import rows are checked in-process (no worker thread: ${error instanceof Error ? error.message : String(error)})`,
      );
    }
  }
  yield* produceBatches(options, deps.cipher);
}
