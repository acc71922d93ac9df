/**
 * A small in-process cache for dashboard reads of data that changes rarely (plan profiles, region
 * names, the last refresh): entries live `ttlMs`, concurrent loads of one key share one promise,
 * and a failed load is forgotten at once.
 */
export function ttlCache<V>(ttlMs: number, now: () => number) {
  const entries = new Map<string, { at: number; value: Promise<V> }>();
  return {
    get(key: string, load: () => Promise<V>): Promise<V> {
      const hit = entries.get(key);
      if (hit && now() - hit.at < ttlMs) return hit.value;
      const value = load();
      entries.set(key, { at: now(), value });
      value.catch(() => entries.delete(key));
      if (entries.size > 5000) entries.delete(entries.keys().next().value ?? '');
      return value;
    },
    clear(): void {
      entries.clear();
    },
  };
}
