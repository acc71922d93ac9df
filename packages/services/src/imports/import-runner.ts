/**
 * Runs import work in the background of the process, one job at a time: PGlite has one
 * connection, so imports queue behind each other and yield between batches to requests.
 */
export type ImportRunner = {
  /** Queues `work` for a job unless it is queued or running already; resolves when it ends (never rejects). */
  schedule(jobId: string, work: () => Promise<void>): Promise<void>;
  isActive(jobId: string): boolean;
  /** True once stop() was called: work ends after its current batch, leaving the job resumable. */
  isStopping(): boolean;
  /** Resolves when every queued job has ended. */
  idle(): Promise<void>;
  stop(): Promise<void>;
};

export function createImportRunner(log: (message: string) => void): ImportRunner {
  let tail: Promise<void> = Promise.resolve();
  const active = new Set<string>();
  let stopping = false;
  return {
    schedule(jobId, work) {
      if (stopping || active.has(jobId)) return tail;
      active.add(jobId);
      const run = tail
        .then(() => (stopping ? undefined : work()))
        .catch((error: unknown) =>
          log(`import ${jobId} stopped: ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() => {
          active.delete(jobId);
        });
      tail = run;
      return run;
    },
    isActive: (jobId) => active.has(jobId),
    isStopping: () => stopping,
    idle: async () => {
      for (let seen: Promise<void> | undefined; seen !== tail;) {
        seen = tail;
        await seen;
      }
    },
    async stop() {
      stopping = true;
      await tail;
    },
  };
}
