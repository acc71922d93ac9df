import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

/** The region chosen in the top bar; undefined means the user's whole scope (POR-1). */
export type RegionScope = {
  regionCode: string | undefined;
  regionName: string | undefined;
  setRegion: (region: { code: string; name: string } | undefined) => void;
};

const RegionScopeContext = createContext<RegionScope | null>(null);
const STORAGE_KEY = 'kangyang.region';

function stored(userId: string): { code: string; name: string } | undefined {
  try {
    const text = window.sessionStorage.getItem(STORAGE_KEY);
    if (!text) return undefined;
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && 'code' in value && 'name' in value && 'userId' in value) {
      const { code, name } = value;
      const valid = typeof code === 'string' && typeof name === 'string' && /^\d{2,12}$/.test(code);
      if (valid && value.userId === userId) return { code, name };
    }
  } catch {
    // ignore a broken or unavailable store
  }
  return undefined;
}

/** Keeps the user's region choice for this browser tab, so a reload stays where the user was. */
export function RegionScopeProvider({ userId, children }: { userId: string; children: ReactNode }) {
  const [region, setRegionState] = useState(() => stored(userId));
  const value = useMemo<RegionScope>(
    () => ({
      regionCode: region?.code,
      regionName: region?.name,
      setRegion: (next) => {
        setRegionState(next);
        try {
          if (next) window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ ...next, userId }));
          else window.sessionStorage.removeItem(STORAGE_KEY);
        } catch {
          // not remembered across reloads
        }
      },
    }),
    [region, userId],
  );
  return <RegionScopeContext.Provider value={value}>{children}</RegionScopeContext.Provider>;
}

export function useRegionScope(): RegionScope {
  const value = useContext(RegionScopeContext);
  if (!value) throw new Error('useRegionScope outside RegionScopeProvider');
  return value;
}
