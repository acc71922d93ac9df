import type { AuditEntryDto, AuditSearchBody } from '@kangyang/contracts/audit';
import { normaliseIdNumber } from '@kangyang/domain/identity';
import type { Actor } from '../actor.ts';
import { findUserByUsername } from '../auth/auth.repo.ts';
import type { Db } from '../db/database.ts';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import type { AuditService } from './audit.service.ts';
import type { AuditRow } from './audit.repo.ts';

const toDto = (row: AuditRow): AuditEntryDto => ({
  chain: row.chain,
  id: row.id,
  chainSeq: row.chainSeq,
  at: row.at.toISOString(),
  actorId: row.actorId,
  actorName: row.actorName,
  role: row.role,
  action: row.action,
  resourceType: row.resourceType,
  resourceIds: row.resourceIds,
  outcome: row.outcome as AuditEntryDto['outcome'],
  reason: row.reason,
  details: row.details,
  requestId: row.requestId,
  ip: row.ip,
  sealed: row.hash !== null,
});

/** The auditor's view of the log (AUD-8); the search itself is audited too. */
/**
 * The account a login name names, combined with an actor id when both are given: `null` when the two
 * disagree or the name is unknown (the search then finds nothing, and still says so in its own row).
 */
async function actorFilter(db: Db, actorId: string | undefined, actorName: string | undefined) {
  if (actorName === undefined) return actorId;
  const user = await findUserByUsername(db, actorName);
  if (!user || (actorId !== undefined && actorId !== user.id)) return null;
  return user.id;
}

export function createAuditLogService(deps: { db: Db; audit: AuditService; cipher: FieldCipher }) {
  const { db, audit, cipher } = deps;
  return {
    async search(
      actor: Actor,
      query: Omit<AuditSearchBody, 'elderIdNumber'> & { elderIdNumber?: string | undefined },
    ): Promise<{ items: AuditEntryDto[]; total: number }> {
      const elderBlindIndex = query.elderIdNumber
        ? cipher.blindIndex('idNumber', normaliseIdNumber(query.elderIdNumber))
        : undefined;
      const actorId = await actorFilter(db, query.actorId, query.actorName);
      const found =
        actorId === null
          ? { items: [], total: 0 }
          : await audit.search(
              {
                actorId,
                action: query.action,
                outcome: query.outcome,
                resourceType: query.resourceType,
                resourceId: query.resourceId,
                elderBlindIndex,
                from: query.from ? new Date(query.from) : undefined,
                to: query.to ? new Date(query.to) : undefined,
              },
              query.limit,
              query.offset,
            );
      const { elderIdNumber: _omitted, ...filters } = query;
      await audit.record(actor, {
        action: 'audit.search',
        resourceType: 'audit',
        details: { filters, byElder: elderBlindIndex !== undefined, total: found.total },
      });
      return { items: found.items.map(toDto), total: found.total };
    },
  };
}
