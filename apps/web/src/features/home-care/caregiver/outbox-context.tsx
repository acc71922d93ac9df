import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { SyncAction } from '@kangyang/contracts/home-care';
import { useApi } from '../../../shared/api/api-context.tsx';
import { deviceId, OfflineQueue, type SyncState } from '../offline/offline-queue.ts';
import { forgetPhotos, preparePhotos } from '../offline/photo-outbox.ts';
import { photoUploader, sendOutbox, useStoreTasks, type OutboxAction } from '../api/care-api.ts';

type Outbox = {
  queue: OfflineQueue<OutboxAction>;
  state: SyncState;
  online: boolean;
  /** Stores the actions on the phone, in order, and tries to send them at once. */
  record: (...actions: OutboxAction[]) => void;
  syncNow: () => void;
  dismissRejected: () => void;
};

const OutboxContext = createContext<Outbox | null>(null);

/** Tries again this often while actions wait, on top of the browser's `online` event. */
const RETRY_MS = 30_000;

function useOnline(): boolean {
  return useSyncExternalStore(
    (listener) => {
      window.addEventListener('online', listener);
      window.addEventListener('offline', listener);
      return () => {
        window.removeEventListener('online', listener);
        window.removeEventListener('offline', listener);
      };
    },
    () => navigator.onLine,
  );
}

/** One outbox per signed-in user on this phone, kept in localStorage so it survives a restart. */
export function OutboxProvider({ userId, children }: { userId: string; children: ReactNode }) {
  const api = useApi();
  const storeTasks = useStoreTasks(userId);
  const [queue] = useState(() => new OfflineQueue<OutboxAction>(window.localStorage, `kangyang.care.outbox.${userId}`));
  const state = useSyncExternalStore(queue.subscribe, queue.getState);
  const online = useOnline();

  const syncNow = useCallback(() => {
    const device = deviceId(window.localStorage);
    const upload = photoUploader(api);
    // photos are uploaded first; a batch cut short before a photo goes on at once with the rest
    const run = async (): Promise<void> => {
      let stopped = false;
      const result = await queue.flush(async (batch) => {
        const prepared = await preparePhotos(window.localStorage, batch, upload);
        stopped = prepared.stopped;
        const reply = prepared.send.length > 0 ? await sendOutbox(api, prepared.send, device) : null;
        if (reply) storeTasks(reply.tasks);
        const outcomes = [...prepared.refused, ...(reply?.outcomes ?? [])];
        forgetPhotos(window.localStorage, batch, outcomes);
        return outcomes;
      });
      if (result === 'synced' && stopped) await run();
    };
    void run();
  }, [api, queue, storeTasks]);

  useEffect(() => {
    if (online && queue.getState().pending > 0) syncNow();
  }, [online, queue, syncNow]);
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (queue.getState().pending > 0) syncNow();
    }, RETRY_MS);
    const onStorage = () => queue.refresh();
    window.addEventListener('storage', onStorage);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('storage', onStorage);
    };
  }, [queue, syncNow]);

  const value = useMemo<Outbox>(
    () => ({
      queue,
      state,
      online,
      record: (...actions) => {
        // a malformed action would make the server refuse every batch it is in: never store one
        const checked = actions.filter((action) => SyncAction.safeParse(action).success);
        if (checked.length !== actions.length) console.error('care: refused to queue a malformed action');
        for (const action of checked) queue.enqueue(action);
        syncNow();
      },
      syncNow,
      dismissRejected: () => queue.dismissRejected(),
    }),
    [queue, state, online, syncNow],
  );
  return <OutboxContext.Provider value={value}>{children}</OutboxContext.Provider>;
}

export function useOutbox(): Outbox {
  const outbox = useContext(OutboxContext);
  if (!outbox) throw new Error('useOutbox outside OutboxProvider');
  return outbox;
}
