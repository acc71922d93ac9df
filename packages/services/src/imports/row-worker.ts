import { parentPort, workerData } from 'node:worker_threads';
import { createFieldCipher, type Keyring } from '../crypto/field-cipher.ts';
import { isAppError } from '../app-error.ts';
import { produceBatches, type SourceBatch, type SourceOptions } from './row-source.ts';

/**
 * Worker thread of an import pass (row-worker-client.ts): reads, checks and encrypts rows while the
 * main thread writes the previous batch, so the two cores work at once. At most two batches wait
 * for the main thread; each `more` message lets one more through.
 */
export type RowWorkerInput = {
  options: SourceOptions;
  keyring: {
    dataKeys: [string, Uint8Array][];
    activeKeyId: string;
    blindIndexKey: Uint8Array;
    auditChainKey: Uint8Array;
  };
};

export type RowWorkerMessage =
  | { type: 'batch'; batch: SourceBatch }
  | { type: 'done' }
  | { type: 'error'; code?: string; params?: Record<string, string | number>; field?: string; message: string };

const buffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('row-worker.ts runs as a worker thread');
  const input = workerData as RowWorkerInput; // our own message from row-worker-client.ts, not outside data
  const keyring: Keyring = {
    dataKeys: new Map(input.keyring.dataKeys.map(([id, key]) => [id, buffer(key)])),
    activeKeyId: input.keyring.activeKeyId,
    blindIndexKey: buffer(input.keyring.blindIndexKey),
    auditChainKey: buffer(input.keyring.auditChainKey),
  };
  let credits = 2;
  let wake: (() => void) | undefined;
  port.on('message', () => {
    credits += 1;
    wake?.();
  });
  try {
    for await (const batch of produceBatches(input.options, createFieldCipher(keyring))) {
      while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
      credits -= 1;
      port.postMessage({ type: 'batch', batch } satisfies RowWorkerMessage);
    }
    port.postMessage({ type: 'done' } satisfies RowWorkerMessage);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const coded = isAppError(error)
      ? { code: error.code, params: { ...error.params }, ...(error.field ? { field: error.field } : {}) }
      : {};
    port.postMessage({ type: 'error', message, ...coded } satisfies RowWorkerMessage);
  }
}

void main();
