import { createHmac } from 'node:crypto';
import type { Actor } from '../actor.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { canonicalJson } from './canonical-json.ts';
import * as repo from './audit.repo.ts';
import { createGroupCommit } from './group-commit.ts';

export type AuditOutcome = 'success' | 'denied' | 'error';

/** One audited event (AUD-1, AUD-2). Values in `details` must already be masked. */
export type AuditEvent = {
  action: string;
  resourceType: string;
  resourceIds?: readonly string[];
  outcome?: AuditOutcome;
  reason?: string;
  details?: Record<string, unknown>;
  /** County code of the record: the hash chain it joins (scale.md §5). */
  chain?: string;
  elderBlindIndex?: string;
};

export const GLOBAL_CHAIN = '000000';
const GENESIS = 'kangyang-audit-genesis-v1';
const SEAL_BATCH = 5000;

export type AuditVerification =
  | { ok: true; rows: number; heads: { chain: string; seq: number; hash: string }[] }
  | { ok: false; rows: number; chain: string; firstBadSeq: number; problem: string };

// eslint-disable-next-line max-lines-per-function -- a service factory: each method is short; the closure holds the shared dependencies
export function createAuditService(deps: { db: Db; clock: Clock; chainKey: Buffer }) {
  const { db, clock, chainKey } = deps;
  const genesisHash = createHmac('sha256', chainKey).update(GENESIS).digest('hex');
  const groupCommit = createGroupCommit<repo.AuditInsert>((rows) => repo.insertAuditRows(db, rows));

  const toRow = (actor: Actor, event: AuditEvent, at: Date): repo.AuditInsert => ({
    chain: event.chain ?? GLOBAL_CHAIN,
    at,
    actorId: actor.userId,
    actorName: actor.username,
    role: actor.roles.join(','),
    organisationId: actor.organisationId,
    scope: actor.grants.map((grant) => grant.regionCode).join(','),
    action: event.action,
    resourceType: event.resourceType,
    resourceIds: [...(event.resourceIds ?? [])],
    outcome: event.outcome ?? 'success',
    reason: event.reason ?? null,
    details: event.details ?? null,
    requestId: actor.request.requestId,
    ip: actor.request.ip,
    userAgent: actor.request.userAgent.slice(0, 300),
    elderBlindIndex: event.elderBlindIndex ?? null,
  });

  const hashOf = (previous: string, row: repo.AuditRow, chainSeq: number): string => {
    const content = { ...row, at: row.at.toISOString(), chainSeq, prevHash: undefined, hash: undefined };
    return createHmac('sha256', chainKey).update(previous).update(canonicalJson(content)).digest('hex');
  };

  return {
    /**
     * Writes audit rows in the caller's transaction (`tx`), or, when none is given, by group commit
     * with other callers' rows (group-commit.ts); resolves only once they are committed; fails closed.
     */
    async record(actor: Actor, events: AuditEvent | readonly AuditEvent[], tx?: Db): Promise<void> {
      const list = Array.isArray(events) ? (events as readonly AuditEvent[]) : [events as AuditEvent];
      const at = clock.now();
      const rows = list.map((event) => toRow(actor, event, at));
      await (tx ? repo.insertAuditRows(tx, rows) : groupCommit.add(rows));
    },

    /** Seals unsealed rows of every chain in commit order (AUD-3, AUD-4). Returns how many it sealed. */
    async seal(): Promise<number> {
      let sealed = 0;
      for (const chain of await repo.chainsWithUnsealed(db)) {
        for (;;) {
          const count = await db.transaction(async (tx) => {
            const head = await repo.lockHead(tx, chain, genesisHash, clock.now());
            const pending = await repo.unsealedRows(tx, chain, SEAL_BATCH);
            let { seq, hash } = head;
            const seals = pending.map((row) => {
              seq += 1;
              const next = hashOf(hash, row, seq);
              const seal = { id: row.id, chainSeq: seq, prevHash: hash, hash: next };
              hash = next;
              return seal;
            });
            await repo.sealRows(tx, chain, seals, clock.now());
            return seals.length;
          });
          sealed += count;
          if (count < SEAL_BATCH) break;
        }
      }
      return sealed;
    },

    /** Recomputes every chain (AUD-6): names the first bad sequence number, or returns the heads. */
    async verify(maxUnsealedSeconds = 60): Promise<AuditVerification> {
      let total = 0;
      const heads = await repo.allHeads(db);
      for (const head of heads) {
        let expectedSeq = 1;
        let previous = genesisHash;
        for (;;) {
          const page = await repo.sealedPage(db, head.chain, expectedSeq - 1, 5000);
          for (const row of page) {
            total += 1;
            if (row.chainSeq !== expectedSeq)
              return {
                ok: false,
                rows: total,
                chain: head.chain,
                firstBadSeq: expectedSeq,
                problem: 'missing or reordered row',
              };
            if (row.prevHash !== previous || row.hash !== hashOf(previous, row, expectedSeq)) {
              return { ok: false, rows: total, chain: head.chain, firstBadSeq: expectedSeq, problem: 'altered row' };
            }
            previous = row.hash;
            expectedSeq += 1;
          }
          if (page.length < 5000) break;
        }
        if (expectedSeq - 1 !== head.seq || previous !== head.hash) {
          return {
            ok: false,
            rows: total,
            chain: head.chain,
            firstBadSeq: Math.min(expectedSeq, head.seq),
            problem: 'chain does not reach its head (truncated)',
          };
        }
      }
      const stale = await repo.oldestUnsealed(db);
      if (stale && clock.now().getTime() - stale.at.getTime() > maxUnsealedSeconds * 1000) {
        return {
          ok: false,
          rows: total,
          chain: stale.chain,
          firstBadSeq: -1,
          problem: `row id ${stale.id} unsealed for over ${maxUnsealedSeconds} s`,
        };
      }
      return { ok: true, rows: total, heads };
    },

    search: (filter: repo.AuditFilter, limit: number, offset: number) => repo.searchAudit(db, filter, limit, offset),
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
