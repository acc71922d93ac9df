import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { createApiClient, type ApiClient } from './api-client.ts';

const ApiContext = createContext<ApiClient | null>(null);

/** Provides the API client of the chosen locale (its Accept-Language) to every feature. */
export function ApiProvider({ locale, children }: { locale: string; children: ReactNode }) {
  const client = useMemo(() => createApiClient(locale), [locale]);
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi outside ApiProvider');
  return client;
}
