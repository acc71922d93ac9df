import { shanghaiDay } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { uuidv7 } from '../ids.ts';
import { entriesOfSubject, insertEntries, lockPayee, type EntryInsert } from '../ledger/ledger.repo.ts';

/**
 * HCS-6 → SUB-1: a completed visit's subsidy joins the subsidy ledger through the ledger module's
 * public functions (append-only lines, REL-2). The ledger keeps one standing payment per payee,
 * elder, programme, month and payer (REL-3), so the provider's line for this elder and month is
 * reversed and re-posted with the new month total: the history shows every step, the balance is exact.
 */
export type VisitSubsidy = {
  countyCode: string;
  regionCode: string;
  programme: string;
  providerId: string;
  elderId: string;
  visitId: string;
  subsidyFen: number;
  completedAt: Date;
  actorUserId: string;
};

const PAYER = 'county';
const CLAUSE = '004-r5';

export async function postVisitSubsidy(tx: Db, input: VisitSubsidy): Promise<string | null> {
  if (input.subsidyFen <= 0) return null;
  await lockPayee(tx, input.providerId);
  const period = shanghaiDay(input.completedAt).slice(0, 7);
  const lines = await entriesOfSubject(tx, input.countyCode, input.elderId);
  const reversed = new Set(lines.filter((line) => line.reversesId !== null).map((line) => line.reversesId));
  const standing = lines.find(
    (line) =>
      line.kind === 'payment' &&
      line.programme === input.programme &&
      line.payeeKind === 'institution' &&
      line.payeeId === input.providerId &&
      line.period === period &&
      line.payer === PAYER &&
      !reversed.has(line.id),
  );
  const base = {
    countyCode: input.countyCode,
    regionCode: input.regionCode,
    programme: input.programme,
    payeeKind: 'institution',
    payeeId: input.providerId,
    elderId: input.elderId,
    period,
    payer: PAYER,
    basisPoints: 10_000,
    recoversId: null,
    stopDate: null,
    entitlementId: null,
    runId: null,
    clause: CLAUSE,
    createdBy: input.actorUserId,
    createdAt: input.completedAt,
  } satisfies Partial<EntryInsert>;
  const entries: EntryInsert[] = [];
  const previous = standing ? Number(standing.amountFen) : 0;
  if (standing)
    entries.push({
      ...base,
      id: uuidv7(),
      amountFen: -previous,
      kind: 'reversal',
      groupId: standing.groupId,
      reversesId: standing.id,
      reason: `上门服务补贴月累计更新 monthly total updated by visit ${input.visitId}`,
    });
  const paymentId = uuidv7();
  entries.push({
    ...base,
    id: paymentId,
    amountFen: previous + input.subsidyFen,
    kind: 'payment',
    groupId: uuidv7(),
    reversesId: null,
    reason: `上门服务补贴 home-care visit subsidy, visit ${input.visitId} (+${input.subsidyFen} fen)`,
  });
  // one statement per line: the reversal must be stored before the payment takes its slot generation
  for (const entry of entries) await insertEntries(tx, [entry]);
  return paymentId;
}
