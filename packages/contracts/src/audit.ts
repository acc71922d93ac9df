import { z } from 'zod';
import { PageQuery, page } from './common.ts';

export const AuditQuery = z.object({
  ...PageQuery.shape,
  actorId: z.uuid().optional(),
  /** AUD-8: the auditor types a login name; it is resolved to the account's id on the server. */
  actorName: z.string().trim().min(1).max(64).optional(),
  action: z.string().max(64).optional(),
  outcome: z.enum(['success', 'denied', 'error']).optional(),
  resourceType: z.string().max(64).optional(),
  resourceId: z.string().max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

/** AUD-8: search by elder goes through the blind index; the ID number travels in a POST body. */
export const AuditSearchBody = z.strictObject({ ...AuditQuery.shape, elderIdNumber: z.string().max(40).optional() });
export type AuditSearchBody = z.infer<typeof AuditSearchBody>;

export const AuditEntryDto = z.object({
  chain: z.string(),
  id: z.number().int(),
  chainSeq: z.number().int().nullable(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  role: z.string().nullable(),
  action: z.string(),
  resourceType: z.string(),
  resourceIds: z.array(z.string()),
  outcome: z.enum(['success', 'denied', 'error']),
  reason: z.string().nullable(),
  details: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  sealed: z.boolean(),
});
export type AuditEntryDto = z.infer<typeof AuditEntryDto>;
export const AuditPage = page(AuditEntryDto);
