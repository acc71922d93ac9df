import { sql } from 'drizzle-orm';
import { quotePrice } from '@kangyang/domain/home-care';
import type { IsoDate } from '@kangyang/domain/units';
import { rows, type Db } from '../db/database.ts';
import type { Services } from '../services.ts';
import { priceRulesOf } from '../home-care/catalogue.repo.ts';
import { DEFAULT_CATALOGUE, seedCatalogue, seedProvider } from '../home-care/home-care-seed.ts';
import { asOfInstant } from './generate-elders.ts';
import { communityRows } from './generator.repo.ts';
import { personName } from './people.ts';
import { boxOf, outerRingOf } from './polygon.ts';
import { createRng, type Rng } from './rng.ts';
import { seededUuidv7 } from './seeded-id.ts';
import type { ScaleSpec } from './scales.ts';
import { insertHistory } from './home-care-history.ts';

/**
 * Issue 6 data: per county a catalogue and price rules; per street a provider (plus one serving the
 * whole county); care workers with skills, certificates, shifts and homes in their communities; and
 * at every scale a history of orders and verified visits with daily and weekly patterns, set-based per
 * county (home-care-history.ts). Workers' ratings come from their rated visits.
 */
const WORKERS: Record<string, number> = { toy: 40, demo: 400, city: 20_000 };
/**
 * Home-care orders a weekday and days of history. `city` has scale.md §2's daily volume (≈1,600 home
 * visits a day) over 26 weeks (≈280,000 orders), not its three years: that keeps city generation within
 * its budget; dispatch continuity looks back 90 days and the rollups monthly.
 */
const ORDERS_PER_DAY: Record<string, number> = { toy: 6, demo: 60, city: 1650 };
const HISTORY_DAYS: Record<string, number> = { toy: 28, demo: 56, city: 182 };
const WORKER_STREAM = 0x6877;
const CATEGORIES = [...new Set(DEFAULT_CATALOGUE.map((item) => item[3]))];
const CERTS = ['caregiverCertificate', 'healthCertificate', 'bathingTraining', 'nurseLicence'];
const LEVELS = ['junior', 'intermediate', 'senior', 'technician'];
const BATCH = 500;

export type HomeCareStats = { providers: number; workers: number; orders: number; visits: number };
type Community = { code: string; box: { west: number; east: number; south: number; north: number } };
export type GeneratedWorker = { id: string; providerId: string; countyCode: string; regionCode: string };

async function communitiesOf(db: Db, prefix: string): Promise<Community[]> {
  return (await communityRows(db, prefix)).flatMap((row) => {
    const ring = outerRingOf(row.boundary);
    return ring ? [{ code: row.code, box: boxOf(ring) }] : [];
  });
}

/** Shifts: most work days, some evenings, a few 24-hour on-call rotas (so the demo dispatches at any hour). */
function shiftsOf(rng: Rng): { weekday: number; start: string; end: string }[] {
  const [start, end] = rng.weighted<readonly [string, string]>([
    [['07:00', '17:00'], 5],
    [['08:00', '20:00'], 3],
    [['12:00', '24:00'], 2],
    [['00:00', '24:00'], 1],
  ]);
  const off = rng.int(1, 7);
  return [1, 2, 3, 4, 5, 6, 7].filter((day) => day !== off).map((weekday) => ({ weekday, start, end }));
}

type WorkerInput = { seed: number; now: Date; count: number; communities: Community[]; providers: Map<string, string> };

function workerRow(rng: Rng, input: WorkerInput, serial: number) {
  const community = rng.pick(input.communities);
  const street = community.code.slice(0, 9);
  const county = community.code.slice(0, 6);
  const providerId = (rng.chance(0.8) ? input.providers.get(street) : undefined) ?? input.providers.get(county) ?? '';
  const id = seededUuidv7(input.seed, WORKER_STREAM, serial, input.now.getTime() - 400 * 86_400_000);
  const { box } = community;
  const home = {
    lng: box.west + rng.next() * (box.east - box.west),
    lat: box.south + rng.next() * (box.north - box.south),
  };
  const skills = CATEGORIES.filter(() => rng.chance(0.6));
  const certs = CERTS.filter((_, index) => rng.chance(index === 0 ? 0.85 : index === 3 ? 0.1 : 0.4));
  return {
    id,
    providerId,
    county,
    street,
    home,
    skills,
    certs,
    level: rng.chance(0.85) ? rng.pick(LEVELS) : null,
    shifts: shiftsOf(rng),
    name: personName(rng, rng.chance(0.8) ? 'female' : 'male'),
  };
}

async function insertWorkers(
  db: Db,
  rng: Rng,
  input: { seed: number; now: Date; count: number; communities: Community[]; providers: Map<string, string> },
) {
  const workers: GeneratedWorker[] = [];
  const at = input.now.toISOString();
  for (let start = 0; start < input.count; start += BATCH) {
    const batch: ReturnType<typeof workerRow>[] = [];
    for (let serial = start; serial < Math.min(input.count, start + BATCH); serial += 1) {
      const w = workerRow(rng, input, serial);
      batch.push(w);
      workers.push({ id: w.id, providerId: w.providerId, countyCode: w.county, regionCode: w.street });
    }
    await db.execute(sql`INSERT INTO workers (county_code, id, name, organisation_id, region_code, staff_role, employed_from, created_at, updated_at)
      VALUES ${sql.join(
        batch.map(
          (w) =>
            sql`(${w.county}, ${w.id}, ${w.name}, ${w.providerId}, ${w.street}, 'caregiver', '2024-01-01', ${at}::timestamptz, ${at}::timestamptz)`,
        ),
        sql`, `,
      )}`);
    const certified = batch.filter((w) => w.level !== null);
    if (certified.length > 0)
      await db.execute(sql`INSERT INTO worker_certificates (county_code, id, worker_id, skill_level, certificate_number, issued_on, created_at)
        VALUES ${sql.join(
          certified.map(
            (w) =>
              sql`(${w.county}, ${w.id}, ${w.id}, ${w.level}, ${`HC-${w.id.slice(-12)}`}, '2024-01-01', ${at}::timestamptz)`,
          ),
          sql`, `,
        )}`);
    await db.execute(sql`INSERT INTO hc_worker_profiles (county_code, worker_id, provider_id, skills, certificates, home_lng, home_lat, shifts, max_daily_visits, rating_sum, rating_count, updated_at)
      VALUES ${sql.join(
        batch.map(
          (w) =>
            sql`(${w.county}, ${w.id}, ${w.providerId}, ${sql.param(w.skills)}::text[], ${sql.param(w.certs)}::text[], ${w.home.lng}, ${w.home.lat}, ${JSON.stringify(w.shifts)}::jsonb, ${rng.int(5, 9)}, 0, 0, ${at}::timestamptz)`,
        ),
        sql`, `,
      )}`);
  }
  return workers;
}

async function providersOf(db: Db, communities: Community[], now: Date): Promise<Map<string, string>> {
  const providers = new Map<string, string>();
  const streets = [...new Set(communities.map((row) => row.code.slice(0, 9)))];
  const counties = [...new Set(streets.map((code) => code.slice(0, 6)))];
  for (const county of counties) {
    await seedCatalogue(db, county);
    const name = `${county}区居家养老服务中心`;
    providers.set(county, await seedProvider(db, { name, regionCode: county, serviceAreas: [county], now }));
  }
  for (const [index, street] of streets.entries()) {
    const name = `颐康居家服务站${String(index + 1).padStart(3, '0')}`;
    providers.set(street, await seedProvider(db, { name, regionCode: street, serviceAreas: [street], now }));
  }
  return providers;
}

export async function generateHomeCare(
  services: Services,
  options: {
    scale: ScaleSpec;
    seed: number;
    asOf: IsoDate;
    /** Overrides of the scale's workers, orders a weekday and days of history (slices, measurements). */
    volume?: { workers?: number; perDay?: number; days?: number };
  },
): Promise<HomeCareStats> {
  const { db } = services.database;
  const [done] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM hc_providers WHERE region_code LIKE ${`${options.scale.regionPrefix}%`}`,
  );
  if ((done?.n ?? 0) > 0) return { providers: 0, workers: 0, orders: 0, visits: 0 };
  const rng = createRng(options.seed ^ 0x68636172);
  const now = asOfInstant(options.asOf);
  const communities = await communitiesOf(db, options.scale.regionPrefix);
  if (communities.length === 0) return { providers: 0, workers: 0, orders: 0, visits: 0 };
  const providers = await providersOf(db, communities, now);
  const count = options.volume?.workers ?? WORKERS[options.scale.name] ?? 40;
  const workers = await insertWorkers(db, rng, { seed: options.seed, now, count, communities, providers });
  const perDay = options.volume?.perDay ?? ORDERS_PER_DAY[options.scale.name] ?? 0;
  const history =
    perDay === 0
      ? { orders: 0, visits: 0 }
      : await insertHistory(db, {
          seed: options.seed,
          asOf: options.asOf,
          now,
          days: options.volume?.days ?? HISTORY_DAYS[options.scale.name] ?? 28,
          perDay,
          prefix: options.scale.regionPrefix,
          priceRules: (county) => priceRulesOf(db, county),
          quote: quotePrice,
        });
  await services.database.exec('ANALYZE hc_worker_profiles, hc_orders, hc_visits, hc_alerts, service_ratings');
  return { providers: providers.size, workers: workers.length, ...history };
}
