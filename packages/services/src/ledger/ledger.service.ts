import type {
  BankAccountBody,
  PaymentResultInput,
  RunBody,
  RunDto,
  RunListQuery,
  RunSummaryDto,
} from '@kangyang/contracts/ledger';
import { scopesOf, type Actor } from '../actor.ts';
import type { ProfileService } from '../profiles/profile.service.ts';
import { exportBatch, setBankAccount } from './batch-export.ts';
import { elderLedger, reverseEntry } from './elder-ledger.ts';
import type { CaregiverRuleSource, Claim, LedgerDeps } from './ledger-deps.ts';
import { toRunSummaryDto } from './ledger-mapper.ts';
import { verifyLedger } from './ledger-verify.ts';
import { loadRunDto, startRun } from './monthly-run.ts';
import { importResults } from './payment-results.ts';
import { parseResultsSheet } from './results-sheet.ts';
import { loadRunInScope } from './run-access.ts';
import { approveRun } from './run-approval.ts';
import * as runs from './run.repo.ts';
import { applyStopDate, parseStopPayload, type StopInput } from './stop-recovery.ts';

/** The 000-r1 rule from the region's plan profile in force on a date (POL-2 bindings). */
export function caregiverRuleFrom(profiles: Pick<ProfileService, 'resolve'>): CaregiverRuleSource {
  return async (regionCode, date) => {
    const resolved = await profiles.resolve(regionCode, date);
    if (!resolved) return { found: false };
    return { found: true, profileId: resolved.profile.id, rule: resolved.profile.rules.caregiverPostAllowance };
  };
}

/** SUB-1…SUB-3, SUB-8, REL-2…REL-4: the subsidy ledger's use cases over one database. */
export function createLedgerService(deps: LedgerDeps) {
  return {
    startRun: (actor: Actor, body: RunBody, claim?: Claim) => startRun(deps, actor, body, claim),

    async getRun(actor: Actor, runId: string): Promise<RunDto> {
      const run = await loadRunInScope(deps, actor, runId, 'ledger:read', 'ledger.run.read');
      await deps.audit.record(actor, { action: 'ledger.run.read', resourceType: 'ledgerRun', resourceIds: [runId] });
      return loadRunDto(deps.db, run, false);
    },

    /** Runs inside the actor's ledger scope, newest month first (the run page's list). */
    async listRuns(actor: Actor, query: RunListQuery): Promise<{ items: RunSummaryDto[]; total: number }> {
      const { limit, offset, month, regionCode, programme } = query;
      const filter = { scopes: scopesOf(actor, 'ledger:read'), period: month, regionCode, programme };
      const found = await runs.listRuns(deps.db, filter, limit, offset);
      const items: RunSummaryDto[] = [];
      for (const run of found.items) items.push(toRunSummaryDto(run, await runs.findBatchOfRun(deps.db, run.id)));
      return { items, total: found.total };
    },

    approveRun: (actor: Actor, runId: string, claim?: Claim) => approveRun(deps, actor, runId, claim),
    exportBatch: (actor: Actor, runId: string) => exportBatch(deps, actor, runId),
    importResults: (actor: Actor, runId: string, results: readonly PaymentResultInput[], claim?: Claim) =>
      importResults(deps, actor, runId, results, claim),
    async importResultsSheet(actor: Actor, runId: string, file: Buffer, claim?: Claim) {
      return importResults(deps, actor, runId, await parseResultsSheet(file), claim);
    },
    setBankAccount: (actor: Actor, payee: { kind: string; id: string }, body: BankAccountBody) =>
      setBankAccount(deps, actor, payee, body),
    elderLedger: (actor: Actor, elderId: string, page: { limit: number; offset: number }) =>
      elderLedger(deps, actor, elderId, page),
    reverseEntry: (actor: Actor, entryId: string, reason: string, claim?: Claim) =>
      reverseEntry(deps, actor, entryId, reason, claim),
    /** SUB-3: see stop-recovery.ts; the `ledger.stop` job calls it after a status change. */
    applyStopDate: (input: StopInput, actor?: Actor) => applyStopDate(deps, input, actor),
    handleStopJob: async (payload: unknown): Promise<void> => {
      await applyStopDate(deps, parseStopPayload(payload));
    },
    verify: () => verifyLedger(deps.db),
  };
}

export type LedgerService = ReturnType<typeof createLedgerService>;
