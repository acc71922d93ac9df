/**
 * Visit photos in the caregiver's outbox (HCS-6). A photo is kept on the phone under a client photo
 * id and its `photo` action is queued with a local ref; before a batch is sent, each such photo is
 * uploaded (PUT under the same id, so a retry never stores it twice) and the action carries the
 * server's photoRef instead. Actions are sent in order: the batch stops before a photo that cannot
 * be uploaded yet (no signal, or its check-in is still in the same outbox).
 */
import { newClientId, type ItemOutcome, type QueueStorage, type Queued } from './offline-queue.ts';

const LOCAL_PREFIX = 'local-photo:';
const photoKey = (photoId: string) => `kangyang.care.photo.${photoId}`;

type PhotoLike = { kind: string; visitId?: string; photoRef?: string };

/** Stores a compressed photo (a data URL) on the phone; returns the local ref its action carries. */
export function stashPhoto(storage: QueueStorage, dataUrl: string, photoId: string = newClientId()): string | null {
  try {
    storage.setItem(photoKey(photoId), dataUrl);
    return `${LOCAL_PREFIX}${photoId}`;
  } catch {
    return null; // storage full: the visit is recorded without this photo
  }
}

/** The photo id of a local ref, or null for a ref the server already gave. */
export const localPhotoId = (ref: string | undefined): string | null =>
  ref?.startsWith(LOCAL_PREFIX) ? ref.slice(LOCAL_PREFIX.length) : null;

/** The bytes and type of a data URL. */
export function bytesOf(dataUrl: string): { type: string; bytes: Uint8Array } | null {
  const match = /^data:([\w/+.-]+);base64,(.*)$/s.exec(dataUrl);
  if (!match?.[1] || match[2] === undefined) return null;
  const binary = atob(match[2]);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return { type: match[1], bytes };
}

export type PhotoUpload = (target: {
  visitId: string;
  photoId: string;
  type: string;
  bytes: Uint8Array;
}) => Promise<string>;

/** What to send now: the actions (photo refs resolved), refusals decided on the phone, and whether it stopped early. */
export type PreparedBatch<T> = { send: Queued<T>[]; refused: ItemOutcome[]; stopped: boolean };

const statusOf = (error: unknown): number =>
  typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number'
    ? (error as { status: number }).status
    : 0;

/**
 * Uploads the photos of the batch in order. A network or server failure, or a visit the server does
 * not know yet while earlier actions are still unsent, stops the batch there (the rest waits for the
 * next sync; a failure on the first item is rethrown so the outbox counts the attempt). A photo the
 * server refuses for good (not an image, too large, not this caregiver's visit) is refused here.
 */
export async function preparePhotos<T extends PhotoLike>(
  storage: QueueStorage,
  batch: readonly Queued<T>[],
  upload: PhotoUpload,
): Promise<PreparedBatch<T>> {
  const send: Queued<T>[] = [];
  const refused: ItemOutcome[] = [];
  for (const item of batch) {
    const photoId = item.action.kind === 'photo' ? localPhotoId(item.action.photoRef) : null;
    if (photoId === null) {
      send.push(item);
      continue;
    }
    const data = bytesOf(storage.getItem(photoKey(photoId)) ?? '');
    if (!data) {
      refused.push({ clientId: item.clientId, status: 'rejected', message: 'photo missing on this phone' });
      continue;
    }
    try {
      const photoRef = await upload({ visitId: item.action.visitId ?? '', photoId, ...data });
      send.push({ ...item, action: { ...item.action, photoRef } });
    } catch (error) {
      const status = statusOf(error);
      const waitForEarlier = status === 404 && send.length + refused.length > 0;
      if (status === 0 || status >= 500 || status === 429 || waitForEarlier) {
        if (send.length + refused.length === 0) throw error;
        return { send, refused, stopped: true };
      }
      refused.push({
        clientId: item.clientId,
        status: 'rejected',
        message: (error as Error).message || String(status),
      });
    }
  }
  return { send, refused, stopped: false };
}

/** Frees the phone's copy of photos whose actions the server has settled. */
export function forgetPhotos<T extends PhotoLike>(
  storage: QueueStorage & { removeItem(key: string): void },
  batch: readonly Queued<T>[],
  outcomes: readonly ItemOutcome[],
): void {
  const settled = new Set(outcomes.map((outcome) => outcome.clientId));
  for (const item of batch) {
    const photoId = item.action.kind === 'photo' ? localPhotoId(item.action.photoRef) : null;
    if (photoId !== null && settled.has(item.clientId)) storage.removeItem(photoKey(photoId));
  }
}
