import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { isErrorCode } from '@kangyang/contracts/errors';
import { AppError } from '../app-error.ts';
import type { FieldCipher, Keyring } from '../crypto/field-cipher.ts';
import { produceBatches, type SourceBatch, type SourceOptions } from './row-source.ts';
import type { RowWorkerInput, RowWorkerMessage } from './row-worker.ts';

/** Whether worker threads can load our TypeScript here; learnt on first use, per service instance. */
export type WorkerState = { usable: boolean | undefined };

export type RowSourceDeps = {
  cipher: FieldCipher;
  keyring: Keyring | undefined;
  worker: WorkerState;
  /** Smaller files are checked in-process: starting a worker (loading our TypeScript) costs about a second. */
  workerMinBytes: number;
  log: (message: string) => void;
};

function plainKeyring(keyring: Keyring): RowWorkerInput['keyring'] {
  return { dataKeys: [...keyring.dataKeys], activeKeyId: keyring.activeKeyId, blindIndexKey: keyring.blindIndexKey, auditChainKey: keyring.auditChainKey };
}

function errorOf(message: Extract<RowWorkerMessage, { type: 'error' }>): Error {
  return message.code && isErrorCode(message.code) ? new AppError(message.code, message.params ?? {}, message.field) : new Error(message.message);
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
  if (deps.keyring && deps.worker.usable !== false && statSync(options.path).size >= deps.workerMinBytes) {
    let started = false;
    try {
      for await (const batch of viaWorker(options, deps.keyring)) {
        started = true;
        deps.worker.usable = true;
        yield batch;
      }
      return;
    } catch (error) {
      if (started || error instanceof AppError || deps.worker.usable === true) throw error;
      deps.worker.usable = false;
      deps.log(`import rows are checked in-process (no worker thread: ${error instanceof Error ? error.message : String(error)})`);
    }
  }
  yield* produceBatches(options, deps.cipher);
}
