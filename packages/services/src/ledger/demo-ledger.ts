import { sql } from 'drizzle-orm';
import { addPeriods, period, periodStart } from '@kangyang/domain/ledger';
import { rows, type Db } from '../db/database.ts';
import { assessmentsTableExists } from '../applications/current-assessment.repo.ts';
import { insertEntitlements } from './synthetic-data.ts';

/** Demo entitlements start this many months before the demo's as-of month, so a run has a last month to compare. */
const MONTHS_BACK = 3;
/** One elder in fifty with a moderate or worse assessment, like the ≈2 % on a care subsidy (scale.md §1 is ≈16 % for all subsidies). */
const SHARE_DIVISOR = 50;

/**
 * Demo data for the subsidy pages (issue 5): approved 600-yuan monthly care-subsidy entitlements
 * (000-r3 amounts) for a few active elders of the demo district with a moderate or worse assessment,
 * written like the test fixtures (placeholder application ids). Only `ensureDemoData` calls it, once.
 */
export async function seedDemoEntitlements(db: Db, options: { asOf: string; now: Date }): Promise<number> {
  if (!(await assessmentsTableExists(db))) return 0;
  const [count] = await rows<{ n: number | string }>(db, sql`SELECT count(*) AS n FROM elders WHERE status = 'active'`);
  const limit = Math.max(5, Math.ceil(Number(count?.n ?? 0) / SHARE_DIVISOR));
  const picked = await rows<{ id: string; region_code: string }>(
    db,
    sql`SELECT e.id, e.residence_region_code AS region_code
          FROM elders e
         WHERE e.status = 'active' AND length(e.residence_region_code) >= 6
           AND EXISTS (SELECT 1 FROM assessments a WHERE a.elder_id = e.id AND a.state = 'approved'
                        AND a.final_level_ordinal >= 2)
         ORDER BY e.id
         LIMIT ${limit}`,
  );
  const startDate = periodStart(addPeriods(period(options.asOf.slice(0, 7)), -MONTHS_BACK));
  await insertEntitlements(
    db,
    picked.map((elder) => ({
      elderId: elder.id,
      regionCode: elder.region_code,
      programme: 'homeCareBedCareSubsidy',
      payeeKind: 'elder' as const,
      payeeId: elder.id,
      startDate,
      amountFen: 60000,
      cadence: 'monthly' as const,
      clause: '000-r3',
    })),
    options.now,
  );
  return picked.length;
}
