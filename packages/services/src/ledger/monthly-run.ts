import type { RunBody, RunDto } from '@kangyang/contracts/ledger';
import { inAnyScope } from '@kangyang/domain/access';
import type { Programme } from '@kangyang/domain/eligibility';
import { cadenceOf, period, periodStart, previousPeriod } from '@kangyang/domain/ledger';
import type { PaymentLine } from '@kangyang/domain/ledger';
import { AppError } from '../app-error.ts';
import { scopesOf, type Actor } from '../actor.ts';
import type { Db } from '../db/database.ts';
import { existingRegionCodes } from '../elders/elder.repo.ts';
import { uuidv7 } from '../ids.ts';
import { complete, isUniqueViolation, type Claim, type LedgerDeps } from './ledger-deps.ts';
import { insertEntries, lockForRun, type EntryInsert } from './ledger.repo.ts';
import { storedSummary, toRunDto } from './ledger-mapper.ts';
import { computeRun, type RunComputation, type RunRequest } from './run-computation.ts';
import * as runs from './run.repo.ts';

/** The first changes shown with a run (the counts cover all of them). */
export const CHANGES_SHOWN = 200;

export async function loadRunDto(db: Db, run: runs.RunRow, created: boolean): Promise<RunDto> {
  const batch = await runs.findBatchOfRun(db, run.id);
  const changes = await runs.firstChanges(db, run.id, CHANGES_SHOWN);
  return toRunDto(run, created, { batch, changes, progress: await runs.runProgress(db, run.id) });
}

function toEntries(lines: readonly PaymentLine[], runId: string, actor: Actor, now: Date): EntryInsert[] {
  const groups = new Map<string, string>();
  return lines.map((line) => {
    if (line.regionCode.length < 6)
      throw new Error(`a ledger line needs a region at county level or below: ${line.regionCode}`);
    const groupId = groups.get(line.groupKey) ?? uuidv7();
    groups.set(line.groupKey, groupId);
    return {
      countyCode: line.regionCode.slice(0, 6),
      id: uuidv7(),
      regionCode: line.regionCode,
      programme: line.programme,
      payeeKind: line.payee.kind,
      payeeId: line.payee.id,
      elderId: line.elderId,
      period: line.period,
      payer: line.payer,
      basisPoints: line.basisPoints,
      amountFen: line.amount,
      kind: 'payment',
      groupId,
      entitlementId: line.entitlementId,
      runId,
      clause: line.clause,
      reason: line.reason,
      createdBy: actor.userId,
      createdAt: now,
    };
  });
}

async function persist(tx: Db, runId: string, computation: RunComputation, entries: EntryInsert[], previous: string) {
  try {
    await insertEntries(tx, entries);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('LEDGER_SLOT_TAKEN');
    throw error;
  }
  await runs.insertChanges(
    tx,
    computation.changes.map((change, index) => ({
      runId,
      seq: index + 1,
      change: change.change,
      payeeKind: change.payee.kind,
      payeeId: change.payee.id,
      elderId: change.elderId,
      regionCode: change.regionCode,
      previousFen: change.previous,
      currentFen: change.current,
      code: change.code,
    })),
  );
  const { totals } = computation;
  await runs.saveRunSummary(tx, runId, {
    entryCount: totals.lines,
    totalFen: totals.amount,
    totals: {
      lines: totals.lines,
      amountFen: totals.amount,
      byPayer: totals.byPayer.map((row) => ({ payer: row.payer, lines: row.lines, amountFen: row.amount })),
      byRegion: totals.byRegion.map((row) => ({ regionCode: row.regionCode, lines: row.lines, amountFen: row.amount })),
    },
    changeSummary: storedSummary(previous, computation.summary),
  });
}

async function checkRequest(deps: LedgerDeps, actor: Actor, body: RunBody): Promise<RunRequest> {
  if (!inAnyScope(body.regionCode, scopesOf(actor, 'ledger:run')))
    throw new AppError('REGION_OUT_OF_SCOPE', {}, 'regionCode');
  if (!(await existingRegionCodes(deps.db, [body.regionCode])).has(body.regionCode))
    throw new AppError('REGION_UNKNOWN', { code: body.regionCode }, 'regionCode');
  const programme: Programme = body.programme;
  if (cadenceOf(programme) === undefined)
    throw new AppError('VALIDATION_FAILED', { field: 'programme', detail: '' }, 'programme');
  const month = period(body.month);
  if (programme !== 'caregiverPostAllowance') return { regionCode: body.regionCode, programme, period: month };
  const date = periodStart(month);
  const lookup = await deps.caregiverRule(body.regionCode, date);
  if (!lookup.found) throw new AppError('PROFILE_NOT_BOUND', { regionCode: body.regionCode, date }, 'regionCode');
  if (!lookup.rule)
    throw new AppError('PROGRAMME_NOT_OFFERED', { profileId: lookup.profileId, programme }, 'programme');
  return { regionCode: body.regionCode, programme, period: month, caregiverRule: lookup.rule };
}

/**
 * SUB-2, REL-4: runs one month of one programme in one region. The run row is claimed first, so a
 * second start (even a concurrent one on PostgreSQL) finds the first and adds nothing. Lines wait
 * as `computed` until a second person approves them.
 */
export async function startRun(deps: LedgerDeps, actor: Actor, body: RunBody, claim: Claim): Promise<RunDto> {
  const request = await checkRequest(deps, actor, body);
  const { db, clock, audit } = deps;
  return db.transaction(async (tx) => {
    await lockForRun(tx);
    const now = clock.now();
    const id = uuidv7();
    const key = { regionCode: request.regionCode, programme: request.programme, period: request.period };
    const details = { ...key };
    if (!(await runs.claimRun(tx, { id, ...key, computedBy: actor.userId, computedAt: now }))) {
      const existing = await runs.findRunByKey(tx, key);
      if (!existing) throw new Error('run claim lost without a run');
      const dto = await loadRunDto(tx, existing, false);
      await audit.record(
        actor,
        { action: 'ledger.run', resourceType: 'ledgerRun', resourceIds: [existing.id], reason: 'exists', details },
        tx,
      );
      await complete(claim, tx, 200, dto);
      return dto;
    }
    const computation = await computeRun(tx, request);
    const entries = toEntries(computation.lines, id, actor, now);
    await persist(tx, id, computation, entries, previousPeriod(request.period));
    const counts = {
      lines: computation.totals.lines,
      totalFen: computation.totals.amount,
      ...computation.summary.counts,
    };
    await audit.record(
      actor,
      { action: 'ledger.run', resourceType: 'ledgerRun', resourceIds: [id], details: { ...details, ...counts } },
      tx,
    );
    const run = await runs.findRun(tx, id);
    if (!run) throw new Error('run vanished');
    const dto = await loadRunDto(tx, run, true);
    await complete(claim, tx, 201, dto);
    return dto;
  });
}
