import { useCallback } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { SyncReply, TaskList, type SyncAction, type SyncBatch } from '@kangyang/contracts/home-care';
import { ApiError, CSRF_HEADER, type ApiClient } from '../../../shared/api/api-client.ts';
import { useApi } from '../../../shared/api/api-context.tsx';
import { newIdempotencyKey } from '../../../shared/api/idempotency-key.ts';
import type { ItemOutcome, Queued } from '../offline/offline-queue.ts';
import type { PhotoUpload } from '../offline/photo-outbox.ts';

export type OutboxAction = SyncAction;
export const CARE_TASKS = 'care-tasks';
/** The server takes at most this many actions per batch; the rest go in the next one. */
export const SYNC_BATCH_MAX = 200;

/** The last downloaded task list, so the list still opens with no signal (REL-6 pre-loading). */
const cacheKey = (userId: string) => `kangyang.care.tasks.${userId}`;

export function readCachedTasks(userId: string): TaskList | undefined {
  try {
    const text = window.localStorage.getItem(cacheKey(userId));
    if (!text) return undefined;
    const parsed = TaskList.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** On sign-out: the task list (names, addresses) leaves the phone; unsent actions stay for the next sign-in. */
export function forgetCachedTasks(userId: string): void {
  try {
    window.localStorage.removeItem(cacheKey(userId));
  } catch {
    // nothing stored
  }
}

function writeCachedTasks(userId: string, tasks: TaskList): void {
  try {
    window.localStorage.setItem(cacheKey(userId), JSON.stringify(tasks));
  } catch {
    // storage full: the list is only kept in memory
  }
}

/** The caregiver's own task list; the service worker keeps its last answer (src/service-worker/sw.ts). */
export const MY_TASKS_PATH = '/api/home-care/my/tasks';
export const fetchMyTasks = (api: ApiClient) => api.get(MY_TASKS_PATH, TaskList);

/** Today's tasks of the signed-in caregiver; the last copy is kept on the phone for offline use. */
export function useCareTasks(userId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [CARE_TASKS, userId],
    queryFn: async () => {
      const tasks = await fetchMyTasks(api);
      writeCachedTasks(userId, tasks);
      return tasks;
    },
    initialData: () => readCachedTasks(userId),
    initialDataUpdatedAt: 0,
    networkMode: 'offlineFirst',
    refetchInterval: 60_000,
  });
}

/** Keeps the task list of a sync reply (one round trip refreshes the phone). */
export function useStoreTasks(userId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    (tasks: TaskList) => {
      writeCachedTasks(userId, tasks);
      queryClient.setQueryData([CARE_TASKS, userId], tasks);
    },
    [queryClient, userId],
  );
}

/**
 * Sends the oldest actions as one sync batch (REL-6). A fresh Idempotency-Key per send: the server
 * dedupes each action by its client id, so a resend after a lost answer records nothing twice.
 */
export async function sendOutbox(
  api: ApiClient,
  batch: readonly Queued<SyncAction>[],
  deviceId: string,
): Promise<{ outcomes: ItemOutcome[]; tasks: TaskList }> {
  const body: SyncBatch = {
    deviceId,
    items: batch.slice(0, SYNC_BATCH_MAX).map((item) => ({
      clientId: item.clientId,
      sequence: item.sequence,
      queuedAt: item.queuedAt,
      attempts: item.attempts,
      action: item.action,
    })),
  };
  const reply = await api.send('POST', '/api/home-care/my/sync', SyncReply, body, {
    'Idempotency-Key': newIdempotencyKey(),
  });
  const outcomes = reply.items.map((item) => ({
    clientId: item.clientId,
    status: item.status,
    ...(item.message === undefined ? {} : { message: item.message }),
  }));
  return { outcomes, tasks: reply.tasks };
}

/**
 * Uploads one visit photo as raw bytes under its client photo id (PUT: a retry stores nothing new);
 * answers the photoRef the `photo` sync action carries. Failures are ApiErrors with the HTTP status.
 */
export function photoUploader(api: ApiClient): PhotoUpload {
  return async ({ visitId, photoId, type, bytes }) => {
    let response: Response;
    try {
      response = await fetch(`/api/home-care/my/visits/${visitId}/photos/${photoId}`, {
        method: 'PUT',
        headers: { 'Content-Type': type, 'Accept-Language': api.locale, [CSRF_HEADER]: '1' },
        body: new Blob([bytes as Uint8Array<ArrayBuffer>], { type }),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      throw new ApiError({ status: 0, code: 'NETWORK', message: '' });
    }
    const body = (await response.json().catch(() => undefined)) as
      { photoRef?: string; error?: { code?: string; message?: string } } | undefined;
    if (!response.ok || typeof body?.photoRef !== 'string')
      throw new ApiError({
        status: response.ok ? 200 : response.status,
        code: body?.error?.code ?? 'BAD_RESPONSE',
        message: body?.error?.message ?? '',
      });
    return body.photoRef;
  };
}
