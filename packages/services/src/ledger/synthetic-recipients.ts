import { sql } from 'drizzle-orm';
import type { FundingShare } from '@kangyang/domain/eligibility';
import { addPeriods, type Period } from '@kangyang/domain/ledger';
import type { BasisPoints } from '@kangyang/domain/units';
import type { Db } from '../db/database.ts';
import { createRng, type Rng } from '../generator/rng.ts';
import { seededUuid } from './synthetic-ids.ts';
import { INSERT_BATCH } from './ledger.repo.ts';
import { insertEntitlements, insertOrganisation, type SyntheticEntitlement } from './synthetic-data.ts';

/**
 * The monthly-run benchmark's population, written straight into a fresh database (scale.md §2
 * `city`: ≈240,000 subsidy recipients, ≈20,000 workers): minimal elder rows (placeholder ciphers:
 * no one decrypts them), their entitlements, institutions, workers with certificates and monthly
 * attendance. Deterministic for a seed.
 */
export type RecipientPlan = {
  recipients: number;
  workers: number;
  institutions: number;
  communities: readonly string[];
  /** First month with payments; entitlements start before it. */
  firstPeriod: Period;
  /** Months of attendance to record from `firstPeriod`. */
  months: number;
  seed: number;
  now: Date;
};

export type RecipientCounts = {
  elders: number;
  entitlements: number;
  organisations: number;
  workers: number;
  caregivers: number;
  certificates: number;
};

const SKILLS = ['junior', 'intermediate', 'senior', 'technician', 'seniorTechnician'] as const;

async function insertElders(db: Db, rows: readonly { id: string; region: string; stop: string | null }[], now: Date) {
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    const batch = rows.slice(start, start + INSERT_BATCH);
    const column = <T>(pick: (row: (typeof rows)[number]) => T) => sql.param(batch.map(pick));
    await db.execute(sql`
      INSERT INTO elders (county_code, id, name, id_number_cipher, id_number_bidx, id_number_masked, birth_date, sex,
        residence_region_code, living_situation, status, status_date, created_at, updated_at)
      SELECT left(u.region, 6), u.id, '测试老人', 'bench', 'bench-' || u.id::text, '9901********0000', DATE '1940-01-01',
             'female', u.region, 'alone', CASE WHEN u.stop IS NULL THEN 'active' ELSE 'deceased' END, u.stop,
             ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
        FROM unnest(${column((row) => row.id)}::uuid[], ${column((row) => row.region)}::text[],
                    ${column((row) => row.stop)}::date[]) AS u(id, region, stop)`);
  }
}

const HALF_AND_HALF: readonly FundingShare[] = [
  { payer: 'city', basisPoints: 5000 as BasisPoints },
  { payer: 'county', basisPoints: 5000 as BasisPoints },
];

/** 85 % home bed care subsidy (000-r3), 12 % an age allowance split city/county, 3 % a setup grant to an institution (000-r2). */
function entitlementOf(
  rng: Rng,
  elderId: string,
  region: string,
  institutions: readonly string[],
  plan: RecipientPlan,
): SyntheticEntitlement {
  const roll = rng.next();
  const toElder = {
    elderId,
    regionCode: region,
    startDate: '2025-06-01',
    payeeKind: 'elder' as const,
    payeeId: elderId,
  };
  if (roll < 0.85)
    return { ...toElder, programme: 'homeCareBedCareSubsidy', amountFen: 60000, cadence: 'monthly', clause: '000-r3' };
  if (roll < 0.97) {
    const amountFen = rng.chance(0.5) ? 10000 : 20001;
    const allowance = {
      programme: 'advancedAgeAllowance',
      amountFen,
      cadence: 'monthly' as const,
      clause: 'synthetic',
    };
    return { ...toElder, ...allowance, fundingShares: HALF_AND_HALF };
  }
  const month = addPeriods(plan.firstPeriod, rng.int(0, plan.months - 1));
  return {
    elderId,
    regionCode: region,
    startDate: `${month}-15`,
    programme: 'homeCareBedSetupGrant',
    payeeKind: 'institution',
    payeeId: rng.pick(institutions),
    amountFen: rng.chance(0.3) ? 200000 : 300000,
    cadence: 'oneTime',
    clause: '000-r2',
  };
}

async function insertRecipients(db: Db, rng: Rng, plan: RecipientPlan, institutions: readonly string[]) {
  const elders: { id: string; region: string; stop: string | null }[] = [];
  const entitlements: SyntheticEntitlement[] = [];
  for (let index = 0; index < plan.recipients; index += 1) {
    const id = seededUuid(plan.seed, 1, index);
    const region = plan.communities[index % plan.communities.length] ?? '';
    const stopped = rng.chance(0.005);
    const stop = stopped ? `${addPeriods(plan.firstPeriod, rng.int(0, plan.months - 1))}-10` : null;
    elders.push({ id, region, stop });
    entitlements.push(entitlementOf(rng, id, region, institutions, plan));
  }
  await insertElders(db, elders, plan.now);
  await insertEntitlements(db, entitlements, plan.now);
  return { elders: elders.length, entitlements: entitlements.length };
}

async function insertWorkers(
  db: Db,
  rng: Rng,
  plan: RecipientPlan,
  organisations: readonly { id: string; region: string }[],
) {
  const workers: { id: string; organisation: string; region: string; role: string }[] = [];
  for (let index = 0; index < plan.workers; index += 1) {
    const organisation = organisations[index % organisations.length];
    if (!organisation) break;
    const role = rng.chance(0.6) ? 'caregiver' : rng.pick(['nurse', 'doctor', 'manager', 'socialWorker'] as const);
    workers.push({
      id: seededUuid(plan.seed, 2, index),
      organisation: organisation.id,
      region: organisation.region,
      role,
    });
  }
  const caregivers = workers.filter((worker) => worker.role === 'caregiver');
  const certified = caregivers.filter(() => rng.chance(0.8));
  const now = plan.now.toISOString();
  for (let start = 0; start < workers.length; start += INSERT_BATCH) {
    const batch = workers.slice(start, start + INSERT_BATCH);
    const column = <T>(pick: (row: (typeof workers)[number]) => T) => sql.param(batch.map(pick));
    await db.execute(sql`
      INSERT INTO workers (county_code, id, name, organisation_id, region_code, staff_role, employed_from, created_at, updated_at)
      SELECT left(u.region, 6), u.id, '测试护理员', u.organisation, u.region, u.role, DATE '2024-01-01', ${now}::timestamptz, ${now}::timestamptz
        FROM unnest(${column((row) => row.id)}::uuid[], ${column((row) => row.organisation)}::uuid[],
                    ${column((row) => row.region)}::text[], ${column((row) => row.role)}::text[]) AS u(id, organisation, region, role)`);
  }
  await insertWorkerMonths(db, rng, plan, certified, caregivers);
  return { workers: workers.length, caregivers: caregivers.length, certificates: certified.length };
}

async function insertWorkerMonths(
  db: Db,
  rng: Rng,
  plan: RecipientPlan,
  certified: readonly { id: string; region: string }[],
  caregivers: readonly { id: string; region: string }[],
) {
  const now = plan.now.toISOString();
  const levels = certified.map(() => rng.pick(SKILLS));
  for (let start = 0; start < certified.length; start += INSERT_BATCH) {
    const batch = certified.slice(start, start + INSERT_BATCH);
    await db.execute(sql`
      INSERT INTO worker_certificates (county_code, id, worker_id, skill_level, certificate_number, issued_on, created_at)
      SELECT left(u.region, 6), gen_random_uuid(), u.id, u.level, 'B-' || u.id::text, DATE '2023-01-01', ${now}::timestamptz
        FROM unnest(${sql.param(batch.map((row) => row.id))}::uuid[], ${sql.param(batch.map((row) => row.region))}::text[],
                    ${sql.param(levels.slice(start, start + INSERT_BATCH))}::text[]) AS u(id, region, level)`);
  }
  for (let month = -1; month < plan.months; month += 1) {
    const period = addPeriods(plan.firstPeriod, month);
    const days = caregivers.map(() => rng.int(8, 26));
    for (let start = 0; start < caregivers.length; start += INSERT_BATCH) {
      const batch = caregivers.slice(start, start + INSERT_BATCH);
      await db.execute(sql`
        INSERT INTO worker_attendance (county_code, worker_id, period, days_worked, continuing_education, recorded_at)
        SELECT left(u.region, 6), u.id, ${period}, u.days, false, ${now}::timestamptz
          FROM unnest(${sql.param(batch.map((row) => row.id))}::uuid[], ${sql.param(batch.map((row) => row.region))}::text[],
                      ${sql.param(days.slice(start, start + INSERT_BATCH))}::int[]) AS u(id, region, days)`);
    }
  }
}

/** Writes the whole population; returns what it wrote. */
export async function insertRecipientPopulation(db: Db, plan: RecipientPlan): Promise<RecipientCounts> {
  const rng = createRng(plan.seed);
  const counties = [...new Set(plan.communities.map((code) => code.slice(0, 6)))];
  const organisations: { id: string; region: string }[] = [];
  for (let index = 0; index < plan.institutions; index += 1) {
    const region = counties[index % counties.length] ?? '';
    const id = await insertOrganisation(db, {
      id: seededUuid(plan.seed, 3, index),
      name: `测试养老院 ${index + 1}`,
      kind: 'institution',
      regionCode: region,
      createdAt: plan.now,
    });
    organisations.push({ id, region });
  }
  const stations = Math.max(1, Math.round(plan.institutions / 5));
  for (let index = 0; index < stations; index += 1) {
    const region = counties[index % counties.length] ?? '';
    const id = await insertOrganisation(db, {
      id: seededUuid(plan.seed, 4, index),
      name: `测试服务站 ${index + 1}`,
      kind: 'station',
      regionCode: region,
      createdAt: plan.now,
    });
    organisations.push({ id, region });
  }
  const institutionIds = organisations.slice(0, plan.institutions).map((row) => row.id);
  const recipients = await insertRecipients(db, rng, plan, institutionIds);
  const workers = await insertWorkers(db, rng, plan, organisations);
  return { ...recipients, organisations: organisations.length, ...workers };
}
