import type { PhotoUploadDto } from '@kangyang/contracts/home-care';
import { sql } from 'drizzle-orm';
import { AppError } from '../app-error.ts';
import type { Actor } from '../actor.ts';
import { caregiverOf } from './caregiver.ts';
import type { HomeCareDeps } from './home-care-deps.ts';
import { findPhotoInScope, insertPhoto } from './visit-photo.repo.ts';
import { findVisit } from './visit.repo.ts';

/** The largest visit photo the server keeps (the phone compresses to well under this). */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0): boolean =>
  prefix.every((value, index) => bytes[at + index] === value);

/** The image type the bytes really are (magic bytes), or null for anything else. */
export function photoTypeOf(bytes: Uint8Array): PhotoType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return 'image/webp';
  return null;
}

/** The photoRef the `photo` sync action carries: the path officials read the photo from. */
export const photoRefOf = (visitId: string, photoId: string): string =>
  `/api/home-care/visits/${visitId}/photos/${photoId}`;

/**
 * HCS-6: the caregiver of the visit uploads a photo under its client-generated id. The same id again
 * (a retry after a lost answer) stores nothing new and answers the same photoRef; 404 for a visit
 * that is not the caregiver's own.
 */
export async function uploadPhoto(
  deps: HomeCareDeps,
  actor: Actor,
  target: { visitId: string; photoId: string; contentType: string },
  bytes: Buffer,
): Promise<PhotoUploadDto> {
  if (bytes.length > MAX_PHOTO_BYTES) throw new AppError('HC_PHOTO_TOO_LARGE', { maxMb: 2 }, 'photo');
  const type = photoTypeOf(bytes);
  if (type === null || type !== target.contentType.split(';')[0]?.trim().toLowerCase())
    throw new AppError('HC_PHOTO_TYPE', {}, 'photo');
  const worker = await caregiverOf(deps, actor);
  const visit = await findVisit(deps.db, target.visitId, sql`v.worker_id = ${worker.workerId}`);
  if (!visit) {
    await deps.audit.record(actor, {
      action: 'homeCare.photo.upload',
      resourceType: 'visit',
      resourceIds: [target.visitId],
      outcome: 'denied',
      reason: 'notFound',
    });
    throw new AppError('HC_VISIT_UNKNOWN', {}, 'visitId');
  }
  const { row, created } = await insertPhoto(deps.db, {
    countyCode: visit.countyCode,
    id: target.photoId,
    visitId: visit.id,
    workerId: worker.workerId,
    contentType: type,
    sizeBytes: bytes.length,
    data: bytes,
    createdAt: deps.clock.now(),
  });
  if (row.visitId !== visit.id) throw new AppError('HC_PHOTO_CONFLICT', {}, 'photoId');
  await deps.audit.record(actor, {
    action: 'homeCare.photo.upload',
    resourceType: 'visit',
    resourceIds: [visit.id, visit.elderId, row.id],
    chain: visit.countyCode,
    details: { created, sizeBytes: row.sizeBytes },
  });
  return {
    photoId: row.id,
    visitId: visit.id,
    photoRef: photoRefOf(visit.id, row.id),
    contentType: row.contentType as PhotoType,
    sizeBytes: row.sizeBytes,
    duplicate: !created,
  };
}

/** Officials and provider staff of the visit's region read a photo; 404 across scope; audited. */
export async function readPhoto(
  deps: HomeCareDeps,
  actor: Actor,
  visitId: string,
  photoId: string,
): Promise<{ contentType: string; data: Buffer }> {
  const row = await findPhotoInScope(deps.db, actor, visitId, photoId);
  if (!row) {
    await deps.audit.record(actor, {
      action: 'homeCare.photo.read',
      resourceType: 'visit',
      resourceIds: [visitId, photoId],
      outcome: 'denied',
      reason: 'notFound',
    });
    throw new AppError('NOT_FOUND');
  }
  await deps.audit.record(actor, {
    action: 'homeCare.photo.read',
    resourceType: 'visit',
    resourceIds: [row.visitId, row.elderId, row.id],
    chain: row.countyCode,
  });
  return { contentType: row.contentType, data: Buffer.from(row.base64, 'base64') };
}
