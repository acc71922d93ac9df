import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../shared/api/api-client.ts';
import { ME_KEY } from '../features/auth/api/auth-api.ts';

/** One client per app: an expired session anywhere (401) signs the user out, back to the login page. */
export function createQueryClient(): QueryClient {
  const signOutOn401 = (error: unknown) => {
    if (isApiError(error) && error.status === 401) client.setQueryData(ME_KEY, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.queryKey[0] !== ME_KEY[0]) signOutOn401(error);
      },
    }),
    mutationCache: new MutationCache({ onError: signOutOn401 }),
    defaultOptions: {
      queries: {
        retry: (count, error) => !(isApiError(error) && error.status > 0 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
    },
  });
  return client;
}
