import type { Actor } from '../actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { createOverviewService } from './overview.service.ts';
import { beijingTime, overviewWorkbook, renderOverviewReport } from './overview-report.ts';
import type { RollupRefresh } from './rollup-refresh.ts';

/** KPI-9: the region overview (KPI-6) exported as .xlsx and as a PDF report; aggregates only, audited. */
export function createOverviewExports(deps: { db: Db; clock: Clock; audit: AuditService; refresh: RollupRefresh }) {
  const overview = createOverviewService(deps);
  const { audit, clock } = deps;
  return {
    async workbook(actor: Actor, code: string) {
      const found = await overview.overview(actor, code);
      await audit.record(actor, { action: 'region.overview.export', resourceType: 'region', resourceIds: [code] });
      return overviewWorkbook(found, beijingTime(clock.now()));
    },
    async pdfReport(actor: Actor, code: string) {
      const found = await overview.overview(actor, code);
      await audit.record(actor, { action: 'region.overview.pdf', resourceType: 'region', resourceIds: [code] });
      return renderOverviewReport(found, beijingTime(clock.now()));
    },
  };
}

export type OverviewExports = ReturnType<typeof createOverviewExports>;
