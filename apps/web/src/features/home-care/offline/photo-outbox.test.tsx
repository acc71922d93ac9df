import { beforeEach, describe, expect, it } from 'vitest';
import { OfflineQueue, type ItemOutcome, type Queued } from './offline-queue.ts';
import { bytesOf, forgetPhotos, localPhotoId, preparePhotos, stashPhoto, type PhotoUpload } from './photo-outbox.ts';

type Action =
  | { kind: 'checkIn'; visitId: string }
  | { kind: 'photo'; visitId: string; photoRef: string }
  | { kind: 'checkOut'; visitId: string };

const JPEG = `data:image/jpeg;base64,${btoa(String.fromCharCode(0xff, 0xd8, 0xff, 0xe0, 1, 2, 3))}`;
const failure = (status: number) => Object.assign(new Error(`status ${status}`), { status });

/** A server that keeps one photo per photo id (PUT) and knows the visits checked in so far. */
function photoServer() {
  const photos = new Map<string, number[]>();
  const visits = new Set<string>();
  const actions = new Map<string, Action>();
  let down = false;
  const upload: PhotoUpload = async ({ visitId, photoId, bytes }) => {
    if (down) throw failure(0);
    if (!visits.has(visitId)) throw failure(404);
    if (bytes[0] !== 0xff) throw failure(400);
    photos.set(photoId, [...bytes]);
    return `/api/home-care/visits/${visitId}/photos/${photoId}`;
  };
  const sync = async (batch: Queued<Action>[]): Promise<ItemOutcome[]> =>
    batch.map((item) => {
      if (item.action.kind === 'checkIn') visits.add(item.action.visitId);
      const status = actions.has(item.clientId) ? 'duplicate' : 'applied';
      actions.set(item.clientId, item.action);
      return { clientId: item.clientId, status };
    });
  const setDown = (value: boolean) => {
    down = value;
  };
  return { photos, visits, actions, upload, sync, setDown };
}

describe('caregiver outbox photos (HCS-6): upload before the photo action, retries safe', () => {
  const storage = window.localStorage;
  const newQueue = () => new OfflineQueue<Action>(storage, 'test.photo-outbox');
  let server: ReturnType<typeof photoServer>;
  const flush = (queue: OfflineQueue<Action>) => {
    let stopped = false;
    const result = queue.flush(async (batch) => {
      const prepared = await preparePhotos(storage, batch, server.upload);
      stopped = prepared.stopped;
      const outcomes = [...prepared.refused, ...(await server.sync(prepared.send))];
      forgetPhotos(storage, batch, outcomes);
      return outcomes;
    });
    return result.then((value) => ({ result: value, stopped }));
  };

  beforeEach(() => {
    storage.clear();
    server = photoServer();
  });

  it('keeps the photo on the phone, uploads it once over failed tries, and syncs the server ref', async () => {
    server.visits.add('v1');
    const queue = newQueue();
    const local = stashPhoto(storage, JPEG) ?? '';
    const photoId = localPhotoId(local);
    queue.enqueue({ kind: 'photo', visitId: 'v1', photoRef: local });
    server.setDown(true);
    expect((await flush(queue)).result).toBe('failed');
    expect(queue.getState().pending).toBe(1);
    server.setDown(false);
    expect((await flush(queue)).result).toBe('synced');
    expect([...server.photos.keys()]).toEqual([photoId]);
    expect([...server.actions.values()]).toEqual([
      { kind: 'photo', visitId: 'v1', photoRef: `/api/home-care/visits/v1/photos/${photoId}` },
    ]);
    expect(storage.getItem(`kangyang.care.photo.${photoId}`)).toBeNull();
    expect(queue.getState().pending).toBe(0);
  });

  it('sends the check-in first when the photo waits for it, then the photo and check-out in order', async () => {
    const queue = newQueue();
    queue.enqueue({ kind: 'checkIn', visitId: 'v2' });
    queue.enqueue({ kind: 'photo', visitId: 'v2', photoRef: stashPhoto(storage, JPEG) ?? '' });
    queue.enqueue({ kind: 'checkOut', visitId: 'v2' });
    expect(await flush(queue)).toEqual({ result: 'synced', stopped: true });
    expect(queue.items().map((item) => item.action.kind)).toEqual(['photo', 'checkOut']);
    expect(await flush(queue)).toEqual({ result: 'synced', stopped: false });
    expect([...server.actions.values()].map((action) => action.kind)).toEqual(['checkIn', 'photo', 'checkOut']);
    expect(server.photos.size).toBe(1);
  });

  it('moves a photo the server refuses for good aside and sends the rest', async () => {
    server.visits.add('v3');
    const queue = newQueue();
    const bad = `data:image/jpeg;base64,${btoa('not a jpeg')}`;
    const refused = queue.enqueue({ kind: 'photo', visitId: 'v3', photoRef: stashPhoto(storage, bad) ?? '' });
    queue.enqueue({ kind: 'checkOut', visitId: 'v3' });
    expect((await flush(queue)).result).toBe('synced');
    expect(queue.getState()).toMatchObject({ pending: 0, rejected: [{ clientId: refused }] });
    expect([...server.actions.values()].map((action) => action.kind)).toEqual(['checkOut']);
    expect(bytesOf(JPEG)?.type).toBe('image/jpeg');
  });
});
