import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { LoginResponse, MeResponse, type LoginBody } from '@kangyang/contracts/auth';
import { isApiError, type ApiClient } from '../../../shared/api/api-client.ts';
import { useApi } from '../../../shared/api/api-context.tsx';
import { forgetOfflineCopy } from '../../../shared/offline-copy.ts';

export const ME_KEY = ['auth', 'me'] as const;

/** The signed-in user, or null when the session cookie is missing or expired. */
export async function fetchMe(api: ApiClient): Promise<MeResponse | null> {
  try {
    return await api.get('/api/auth/me', MeResponse);
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

/** The server sets the httpOnly session cookie; the web app never keeps the token (API-7). */
export const login = (api: ApiClient, body: LoginBody) => api.send('POST', '/api/auth/login', LoginResponse, body);

export const logout = (api: ApiClient) => api.send('POST', '/api/auth/logout', z.null());

export function useMe() {
  const api = useApi();
  return useQuery({ queryKey: ME_KEY, queryFn: () => fetchMe(api), retry: false, staleTime: 5 * 60_000 });
}

export function useLogin() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => login(api, body),
    onSuccess: (response) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      queryClient.setQueryData(ME_KEY, response.user);
    },
  });
}

export function useLogout() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      logout(api).catch((error: unknown) => (isApiError(error) && error.status === 401 ? null : Promise.reject(error))),
    onSettled: () => {
      // the caregiver's task list and account saved for offline use leave the phone
      void forgetOfflineCopy();
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, null);
    },
  });
}
