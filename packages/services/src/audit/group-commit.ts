type Waiting<T> = { rows: readonly T[]; resolve: () => void; reject: (error: unknown) => void };

/**
 * Group commit for audit rows written outside a caller's transaction (AUD-1, AUD-4): rows of
 * concurrent callers share one multi-row INSERT, and each caller's promise settles only once the
 * statement holding its rows has committed, so a response still waits for its audit row. The first
 * rows are written at once; rows arriving while a write is in flight go into the next one, so a lone
 * request waits no longer than before. One caller's rows are never split. A failed batch is retried
 * caller by caller, so only a caller whose own rows fail gets the error (fail closed).
 */
export function createGroupCommit<T>(write: (rows: readonly T[]) => Promise<void>, maxRows = 1000) {
  const queue: Waiting<T>[] = [];
  let draining = false;

  async function writeBatch(batch: readonly Waiting<T>[]): Promise<void> {
    try {
      await write(batch.flatMap((waiting) => waiting.rows));
      for (const waiting of batch) waiting.resolve();
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      for (const waiting of batch) await writeBatch([waiting]);
    }
  }

  async function drain(): Promise<void> {
    draining = true;
    while (queue.length > 0) {
      let rows = 0;
      let count = 0;
      while (count < queue.length && (count === 0 || rows + (queue[count]?.rows.length ?? 0) <= maxRows)) {
        rows += queue[count]?.rows.length ?? 0;
        count += 1;
      }
      await writeBatch(queue.splice(0, count));
    }
    draining = false;
  }

  return {
    /** Resolves when `rows` are committed; rejects when they could not be written. */
    add(rows: readonly T[]): Promise<void> {
      if (rows.length === 0) return Promise.resolve();
      const written = new Promise<void>((resolve, reject) => queue.push({ rows, resolve, reject }));
      if (!draining) void drain();
      return written;
    },
  };
}
