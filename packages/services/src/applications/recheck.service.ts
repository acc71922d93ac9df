import type { IsoDate } from '@kangyang/domain/units';
import { systemActor, type Actor } from '../actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { ElderRow } from '../elders/elder.repo.ts';
import { uuidv7 } from '../ids.ts';
import { enqueueLedgerStop } from '../ledger/stop-recovery.ts';
import { decisionRowOf } from './application-steps.ts';
import { loadElderUnscoped } from './elder-scope.ts';
import type { EligibilityService, Evaluation } from './eligibility.service.ts';
import * as repo from './entitlement.repo.ts';
import { parseRecheckPayload, type RecheckTrigger } from './recheck-job.ts';

export type RecheckOutcome = { readonly ended: readonly string[]; readonly flagged: readonly string[] };

type Deps = { db: Db; clock: Clock; audit: AuditService; eligibility: EligibilityService };

const NOTHING: RecheckOutcome = { ended: [], flagged: [] };

/** Ends every entitlement still running after the status date (death, move-out) on that date. */
async function endAll(deps: Deps, elder: ElderRow, statusDate: string, trigger: RecheckTrigger, actor: Actor) {
  const { db, clock, audit } = deps;
  return db.transaction(async (tx) => {
    const now = clock.now();
    const rows = await repo.entitlementsInForce(tx, elder.id, statusDate, { lock: true });
    const ended: string[] = [];
    for (const row of rows.filter((candidate) => candidate.endDate === null || candidate.endDate > statusDate)) {
      if (!(await repo.endEntitlement(tx, row, statusDate, elder.status, now))) continue;
      ended.push(row.id);
      await repo.insertReview(tx, {
        countyCode: row.countyCode,
        id: uuidv7(now.getTime()),
        entitlementId: row.id,
        elderId: elder.id,
        trigger,
        action: 'ended',
        decisionId: null,
        endDate: statusDate,
        details: { status: elder.status, statusDate, previousEndDate: row.endDate },
        state: 'open',
        createdAt: now,
      });
    }
    // SUB-3: the ledger stops and recovers what was paid for months after the status date (its own job)
    const status = elder.status === 'movedOut' ? 'movedOut' : 'deceased';
    const reason = status === 'movedOut' ? `迁出 moved out ${statusDate}` : `死亡 deceased ${statusDate}`;
    const stop = { elderId: elder.id, stopDate: statusDate, status, reason } as const;
    await enqueueLedgerStop(tx, { ...stop, dedupeKey: `${elder.id}:${status}:${statusDate}`, now });
    if (ended.length > 0) {
      const event = { action: 'entitlement.end', resourceType: 'entitlement', resourceIds: [elder.id, ...ended] };
      const details = { trigger, status: elder.status, statusDate };
      await audit.record(actor, { ...event, chain: elder.countyCode, details }, tx);
    }
    return { ended, flagged: [] };
  });
}

/** Flags each active entitlement the elder no longer qualifies for on the evaluation date. */
async function flagIneligible(
  deps: Deps,
  elder: ElderRow,
  evaluation: Evaluation,
  trigger: RecheckTrigger,
  actor: Actor,
) {
  const { db, clock, audit } = deps;
  const { resolved } = evaluation;
  return db.transaction(async (tx) => {
    const now = clock.now();
    const rows = await repo.entitlementsInForce(tx, elder.id, evaluation.date, { lock: true });
    const flagged: string[] = [];
    for (const row of rows.filter((candidate) => candidate.state === 'active')) {
      const decision = evaluation.decisions.find((candidate) => candidate.programme === row.programme);
      if (decision?.eligible) continue;
      const decisionRow =
        resolved && decision
          ? decisionRowOf(elder, resolved, decision, { date: evaluation.date, purpose: 'recheck', actor, now })
          : undefined;
      if (decisionRow) await repo.insertDecision(tx, decisionRow);
      if (!(await repo.flagEntitlement(tx, row, now))) continue;
      flagged.push(row.id);
      await repo.insertReview(tx, {
        countyCode: row.countyCode,
        id: uuidv7(now.getTime()),
        entitlementId: row.id,
        elderId: elder.id,
        trigger,
        action: 'flagged',
        decisionId: decisionRow?.id ?? null,
        endDate: null,
        details: decision ? { reasons: decision.reasons } : { reason: 'programmeNoLongerOffered' },
        state: 'open',
        createdAt: now,
      });
    }
    if (flagged.length > 0) {
      const event = { action: 'entitlement.flag', resourceType: 'entitlement', resourceIds: [elder.id, ...flagged] };
      await audit.record(actor, { ...event, chain: elder.countyCode, details: { trigger } }, tx);
    }
    return { ended: [], flagged };
  });
}

/**
 * POL-6 re-check on change: a deceased or moved-out elder's entitlements end on the status date;
 * otherwise each active entitlement is decided again today and, when no longer eligible, flagged
 * (it stays in force until a person decides). Every change leaves an open review item and an audit row.
 */
export function createRecheckService(deps: Deps) {
  const { db, clock, eligibility } = deps;

  async function recheckElder(elderId: string, trigger: RecheckTrigger): Promise<RecheckOutcome> {
    const elder = await loadElderUnscoped(db, elderId);
    if (!elder) return NOTHING;
    const actor = systemActor({ requestId: `recheck:${elderId}` });
    if (elder.status !== 'active' && elder.statusDate !== null)
      return endAll(deps, elder, elder.statusDate, trigger, actor);
    const evaluation = await eligibility.evaluate(elder, clock.today() satisfies IsoDate);
    return flagIneligible(deps, elder, evaluation, trigger, actor);
  }

  return {
    recheckElder,
    /** The job handler of `entitlement.recheck` (recheck-job.ts). */
    handleJob: async (payload: unknown): Promise<void> => {
      const { elderId, trigger } = parseRecheckPayload(payload);
      await recheckElder(elderId, trigger);
    },
  };
}

export type RecheckService = ReturnType<typeof createRecheckService>;
