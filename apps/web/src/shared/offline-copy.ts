// What the service worker (src/service-worker/sw.ts) says about the caregiver's saved answers:
// which API paths were last answered from the copy saved on this phone, and when it was saved.
// Sign-out removes that copy (security.md PRV-4, MLP-13: minimal personal data, gone at logout).
import { useSyncExternalStore } from 'react';

/** Same name as DATA in src/service-worker/sw.ts. */
export const CARE_DATA_CACHE = 'kangyang-care-data-v1';

type WorkerMessage = { source: 'kangyang-sw'; kind: 'saved' | 'fresh'; path: string; savedAt?: string };

let savedAnswers: ReadonlyMap<string, string> = new Map();
const listeners = new Set<() => void>();

const isWorkerMessage = (data: unknown): data is WorkerMessage =>
  typeof data === 'object' &&
  data !== null &&
  (data as { source?: unknown }).source === 'kangyang-sw' &&
  typeof (data as { path?: unknown }).path === 'string';

/** Notes one message of the service worker: a path answered from the saved copy, or fresh again. */
export function noteWorkerMessage(data: unknown): void {
  if (!isWorkerMessage(data)) return;
  const next = new Map(savedAnswers);
  if (data.kind === 'saved' && data.savedAt) next.set(data.path, data.savedAt);
  else next.delete(data.path);
  savedAnswers = next;
  listeners.forEach((listener) => listener());
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

/** When the answer shown for `path` was saved, if it came from this phone's copy (no signal); else null. */
export function useSavedAnswerTime(path: string): string | null {
  return useSyncExternalStore(
    subscribe,
    () => savedAnswers.get(path) ?? null,
    () => null,
  );
}

/** At sign-out: the saved task list and account leave the phone. */
export async function forgetOfflineCopy(): Promise<void> {
  savedAnswers = new Map();
  listeners.forEach((listener) => listener());
  if (typeof caches === 'undefined') return;
  await caches.delete(CARE_DATA_CACHE).catch(() => false);
}
