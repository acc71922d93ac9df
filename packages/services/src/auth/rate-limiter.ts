/** Fixed-window counters in memory (per process), bounded in size; used for login and reveal limits. */
export function createRateLimiter(options: { limit: number; windowMs: number; maxKeys?: number }) {
  const windows = new Map<string, { start: number; count: number }>();
  const maxKeys = options.maxKeys ?? 100_000;
  return {
    /** Counts a hit; returns seconds to wait when over the limit, else 0. */
    hit(key: string, now: number): number {
      const window = windows.get(key);
      if (!window || now - window.start >= options.windowMs) {
        if (windows.size >= maxKeys) windows.clear();
        windows.set(key, { start: now, count: 1 });
        return 0;
      }
      window.count += 1;
      return window.count > options.limit ? Math.ceil((window.start + options.windowMs - now) / 1000) : 0;
    },
  };
}
