import { sql } from 'drizzle-orm';
import { DEFAULT_ASSESSMENT_SETTINGS, GBT42195_2022, scoreByCode } from '@kangyang/domain/assessment';
import { addDays, deriveFlags, type DiseaseCode, type SupportingData } from '@kangyang/domain/assessment-workflow';
import { addMonths, type IsoDate } from '@kangyang/domain/units';
import { rows, type Db } from '../db/database.ts';
import type { Services } from '../services.ts';
import * as agencyRepo from '../assessments/agency.repo.ts';
import { contentHashOf, storedResultOf } from '../assessments/assessment-mapper.ts';
import { answersForTotal } from './assessments.ts';
import { createRng, type Rng } from './rng.ts';
import { seededUuidv7 } from './seeded-id.ts';

/**
 * City-scale assessment histories (issue 4 data; scale.md §2 ≈450,000 assessments at `city`): one
 * contracted agency with five assessors per county, and for a share of elders that rises with age a
 * history of 1–3 GB/T 42195 results a year apart (earlier ones superseded), levels worsening with
 * age. Set-based: a small pool of scored results is made in TypeScript (so every row scores exactly
 * as the domain does), then each county's rows are one INSERT … SELECT over its elders, picking by
 * an md5 of (seed, elder id) — no row-by-row round trips, deterministic per seed.
 */

const STREAM = 0x4a56;
const POOL_PER_LEVEL = 48;
const BANDS: readonly (readonly [number, number])[] = [
  [90, 90],
  [66, 89],
  [46, 65],
  [30, 45],
  [2, 29],
];
/** Age band, share assessed and level weights (intact … complete): the demo's distribution. */
const BY_AGE: readonly { minAge: number; maxAge: number; assessed: number; levels: readonly number[] }[] = [
  { minAge: 90, maxAge: 200, assessed: 0.6, levels: [15, 27, 25, 18, 15] },
  { minAge: 80, maxAge: 89, assessed: 0.42, levels: [28, 32, 20, 12, 8] },
  { minAge: 70, maxAge: 79, assessed: 0.22, levels: [45, 28, 14, 8, 5] },
  { minAge: 0, maxAge: 69, assessed: 0.1, levels: [62, 22, 9, 5, 2] },
];
const STAFF = ['王医生', '陈护士', '刘医生', '杨评估员', '赵评估员'] as const;

type PoolEntry = {
  level: number;
  k: number;
  answers: Record<string, number>;
  supporting: SupportingData;
  flags: unknown;
  content_hash: string;
  result: unknown;
  total: number;
  base_level: string;
  final_level: string;
  final_level_ordinal: number | null;
  dementia: boolean;
};

function supportingFor(rng: Rng, level: number, dementia: boolean): SupportingData {
  const diseases: DiseaseCode[] = [];
  const odds: readonly (readonly [DiseaseCode, number])[] = [
    ['hypertension', 0.55],
    ['diabetes', 0.22],
    ['coronaryDisease', 0.15],
    ['osteoporosis', 0.2],
    ['cerebralInfarction', 0.05 + level * 0.06],
    ['cataract', 0.18],
  ];
  for (const [code, probability] of odds) if (rng.chance(probability)) diseases.push(code);
  if (dementia) diseases.push('dementia');
  const falls = level >= 2 && rng.chance(0.1);
  return { riskEvents: falls ? { fall: 1 } : {}, diseases, medicines: [], healthProblems: { coma: false } };
}

/** Scored results per final level; dementia sometimes explains one level (base one better, +1). */
export function assessmentPool(seed: number): PoolEntry[] {
  const rng = createRng(seed ^ STREAM);
  return BANDS.flatMap((_, level) =>
    Array.from({ length: POOL_PER_LEVEL }, (__, k): PoolEntry => {
      const dementia = level >= 2 && rng.chance(0.18);
      const [low, high] = BANDS[dementia ? level - 1 : level] ?? [90, 90];
      const answers = answersForTotal(rng, rng.int(low, high));
      const supporting = supportingFor(rng, level, dementia);
      const flags = deriveFlags(supporting);
      const scored = scoreByCode('gbt42195-2022', answers, flags, DEFAULT_ASSESSMENT_SETTINGS);
      if (!scored.ok) throw new Error(`generator made unscorable answers (${scored.error.code} ${scored.error.field})`);
      const result = storedResultOf(scored.value);
      return {
        level,
        k,
        answers,
        supporting,
        flags,
        content_hash: contentHashOf(GBT42195_2022.revision, answers, flags),
        result,
        total: result.total ?? 0,
        base_level: result.baseLevel,
        final_level: result.finalLevel,
        final_level_ordinal: result.finalLevelOrdinal,
        dementia: flags.dementiaDiagnosis,
      };
    }),
  );
}

type County = { code: string; name: string };
type Agency = { countyCode: string; countyName: string; id: string; staff: string[]; name: string };

async function seedCountyAgency(db: Db, seed: number, asOf: IsoDate, county: County, index: number): Promise<Agency> {
  const createdAt = new Date(`${addDays(asOf, -1200)}T01:00:00.000Z`);
  const stream = STREAM + 1 + index;
  const id = seededUuidv7(seed, stream, 0, createdAt.getTime());
  const name = `${county.name}老年人能力评估中心`;
  await agencyRepo.insertAgency(db, {
    id,
    name,
    regionCode: county.code,
    creditCode: null,
    contractValidUntil: addMonths(asOf, 24),
    active: true,
    createdAt,
    version: 1,
  });
  const staff = STAFF.map((staffName, position) => ({
    id: seededUuidv7(seed, stream, position + 1, createdAt.getTime()),
    agencyId: id,
    userId: null,
    name: staffName,
    qualificationNo: `PG-${county.code}-${String(101 + position)}`,
    qualifiedUntil: addMonths(asOf, 18 + position * 3),
    active: true,
    createdAt,
    version: 1,
  }));
  await agencyRepo.insertAssessors(db, staff);
  return { countyCode: county.code, countyName: county.name, id, name, staff: staff.map((row) => row.id) };
}

/** Cumulative level thresholds per age band, for the SQL pick. */
const bandsJson = (): string =>
  JSON.stringify(
    BY_AGE.map((band) => {
      const sum = band.levels.reduce((left, right) => left + right, 0);
      let running = 0;
      const cumulative = band.levels.slice(0, -1).map((weight) => (running += weight) / sum);
      return { min_age: band.minAge, max_age: band.maxAge, assessed: band.assessed, c: cumulative };
    }),
  );

/** Chunk `n` (0–3) of an md5 hex as a fraction in [0, 1). */
const unit = (column: string, n: number) =>
  sql.raw(`(('x' || substr(${column}, ${n * 8 + 1}, 8))::bit(32)::bigint / 4294967296.0)`);

/** Both assessors' signatures over the stored content hash (the names looked up in the agency's staff). */
function signaturesSql(staff: string) {
  const names = `{${STAFF.join(',')}}`;
  const signature = (index: number, time: string) =>
    sql`jsonb_build_object('assessorId', m.pair[${sql.raw(String(index))}], 'userId', '',
      'name', (${names}::text[])[array_position(${staff}::uuid[], m.pair[${sql.raw(String(index))}])],
      'signedAt', to_char(m.adate, 'YYYY-MM-DD') || ${`T${time}:00.000Z`}::text, 'hash', p.content_hash)`;
  return sql`jsonb_build_array(${signature(1, '03:10')}, ${signature(2, '03:15')})`;
}

/** The rows of one county before insertion: who is assessed, how often, at which level, and their ids. */
function historyCtes(
  input: { seed: number; asOf: IsoDate; prefix: string; agency: Agency; serialBase: number; pool: string },
  staff: string,
) {
  const { agency, asOf } = input;
  const baseMs = new Date(`${asOf}T04:00:00.000Z`).getTime() - 86_400_000 * 900 + input.serialBase;
  return sql`WITH bands AS (SELECT * FROM jsonb_to_recordset(${bandsJson()}::jsonb)
          AS b(min_age int, max_age int, assessed float8, c jsonb)),
        pool AS (SELECT * FROM jsonb_to_recordset(${input.pool}::jsonb) AS p(level int, k int, answers jsonb,
          supporting jsonb, flags jsonb, content_hash text, result jsonb, total int, base_level text,
          final_level text, final_level_ordinal int, dementia boolean)),
        hashed AS (SELECT e.id AS elder_id, extract(year FROM age(${asOf}::date, e.birth_date))::int AS age,
            md5(${String(input.seed)}::text || ':city-asm:' || e.id::text) AS m
          FROM elders e WHERE e.county_code = ${agency.countyCode}
            AND e.residence_region_code LIKE ${`${input.prefix}%`} AND e.status = 'active'),
        chosen AS (SELECT h.elder_id, md5(h.m) AS m2, ${unit('h.m', 2)} AS u3,
            (${unit('h.m', 1)} >= (b.c->>0)::float8)::int + (${unit('h.m', 1)} >= (b.c->>1)::float8)::int
              + (${unit('h.m', 1)} >= (b.c->>2)::float8)::int + (${unit('h.m', 1)} >= (b.c->>3)::float8)::int AS level
          FROM hashed h JOIN bands b ON h.age BETWEEN b.min_age AND b.max_age WHERE ${unit('h.m', 0)} < b.assessed),
        expanded AS (SELECT c.*, g.i, md5(c.m2 || ':' || g.i) AS m3
          FROM (SELECT ch.*, 1 + (${unit('ch.m2', 0)} < 0.32)::int + (${unit('ch.m2', 0)} < 0.07)::int AS n
            FROM chosen ch) c CROSS JOIN LATERAL generate_series(0, c.n - 1) AS g(i)),
        latest AS (SELECT x.*, md5(x.m3) AS m4, (${asOf}::date - (5 + floor(x.u3 * 451))::int) AS last_date
          FROM expanded x),
        dated AS (SELECT l.*, CASE WHEN l.i = 0 THEN l.last_date
              ELSE (l.last_date - make_interval(months => 12 * l.i))::date + (floor(${unit('l.m3', 0)} * 41) - 20)::int
            END AS adate,
            CASE WHEN l.i = 0 THEN l.level ELSE greatest(0, l.level - (${unit('l.m3', 1)} < 0.5)::int * l.i) END AS lvl,
            floor(${unit('l.m4', 0)} * ${POOL_PER_LEVEL})::int AS k,
            (1 + floor(${unit('l.m3', 3)} * 6))::int AS approve_days, floor(${unit('l.m4', 1)} * 60)::int AS approve_minute,
            ARRAY[(${staff}::uuid[])[1 + floor(${unit('l.m4', 2)} * 2)::int],
                  (${staff}::uuid[])[3 + floor(${unit('l.m4', 3)} * 3)::int]] AS pair,
            md5(l.m4) AS m5, row_number() OVER (ORDER BY l.elder_id, l.i) AS serial
          FROM latest l),
        made AS (SELECT d.*, d.adate - (3 + floor(${unit('d.m3', 2)} * 18))::int AS tdate,
            (lpad(to_hex(${baseMs}::bigint + d.serial), 12, '0') || '7' || substr(d.m5, 9, 3)
              || to_hex(8 + ('x' || substr(d.m5, 12, 1))::bit(4)::int % 4) || substr(d.m5, 13, 15))::uuid AS id
          FROM dated d),
        linked AS (SELECT m.*, lead(m.id) OVER w AS older_id, lag(m.id) OVER w AS newer_id
          FROM made m WINDOW w AS (PARTITION BY m.elder_id ORDER BY m.i))`;
}

/** One county's approved assessments in one INSERT … SELECT; returns how many it wrote. */
async function insertCounty(
  db: Db,
  input: { seed: number; asOf: IsoDate; prefix: string; agency: Agency; serialBase: number; pool: string },
): Promise<number> {
  const { agency } = input;
  const settings = JSON.stringify(DEFAULT_ASSESSMENT_SETTINGS);
  const staff = `{${agency.staff.join(',')}}`;
  const [inserted] = await rows<{ n: number }>(
    db,
    sql`${historyCtes(input, staff)},
        ins AS (INSERT INTO assessments (county_code, id, elder_id, instrument, instrument_version, reason, trigger,
        trigger_date, state, agency_id, assessor_ids, due_date, assessment_date, answers, supporting, flags,
        content_hash, signatures, settings, result, total, base_level, final_level, final_level_ordinal,
        dementia, provisional, reviewer_id, reviewer_name, submitted_at, approved_at, valid_until,
        supersedes, superseded_by, created_at, updated_at, version)
      SELECT ${agency.countyCode}::text, m.id, m.elder_id, 'gbt42195-2022', ${GBT42195_2022.revision}::text,
        CASE WHEN m.i = m.n - 1 THEN 'first' ELSE 'routine' END,
        CASE WHEN m.i = m.n - 1 THEN 'application' ELSE 'reassessmentDue' END, m.tdate,
        CASE WHEN m.i = 0 THEN 'approved' ELSE 'superseded' END, ${agency.id}::uuid, m.pair,
        m.tdate + ${DEFAULT_ASSESSMENT_SETTINGS.immediateTaskDueDays}::int, m.adate, p.answers, p.supporting,
        p.flags, p.content_hash,
        ${signaturesSql(staff)},
        ${settings}::jsonb, p.result, p.total, p.base_level, p.final_level, p.final_level_ordinal, p.dementia,
        false, NULL::uuid, ${`${agency.countyName}民政局`}::text, (m.adate::timestamp + interval '9 hours') AT TIME ZONE 'UTC',
        (m.adate::timestamp + make_interval(days => m.approve_days, hours => 7, mins => m.approve_minute)) AT TIME ZONE 'UTC',
        (m.adate + make_interval(months => ${DEFAULT_ASSESSMENT_SETTINGS.validityMonths}::int))::date,
        m.older_id, m.newer_id, (m.tdate::timestamp + interval '1 hour') AT TIME ZONE 'UTC',
        (m.adate::timestamp + make_interval(days => m.approve_days, hours => 7, mins => m.approve_minute)) AT TIME ZONE 'UTC',
        6
      FROM linked m JOIN pool p ON p.level = m.lvl AND p.k = m.k
      RETURNING 1)
      SELECT count(*)::int AS n FROM ins`,
  );
  await insertTransitions(db, agency);
  return inserted?.n ?? 0;
}

/** The create, submit and approve steps of each of the agency's generated results, set-based. */
async function insertTransitions(db: Db, agency: Agency): Promise<void> {
  await db.execute(
    sql`INSERT INTO assessment_transitions (county_code, assessment_id, seq, at, action, from_state, to_state, actor_name)
      SELECT a.county_code, a.id, s.seq, CASE s.seq WHEN 1 THEN a.created_at WHEN 2 THEN a.submitted_at ELSE a.approved_at END,
        s.action, s.from_state, s.to_state, CASE s.seq WHEN 2 THEN ${agency.name}::text ELSE a.reviewer_name END::text
      FROM assessments a CROSS JOIN (VALUES (1, 'create', NULL, 'draft'), (2, 'submit', 'draft', 'submitted'),
        (3, 'approve', 'submitted', 'approved')) AS s(seq, action, from_state, to_state)
      WHERE a.county_code = ${agency.countyCode} AND a.agency_id = ${agency.id}::uuid`,
  );
  await db.execute(
    sql`INSERT INTO assessment_transitions (county_code, assessment_id, seq, at, action, from_state, to_state, actor_name)
      SELECT a.county_code, a.id, 4, n.approved_at, 'supersede', 'approved', 'superseded', a.reviewer_name
      FROM assessments a JOIN assessments n ON n.county_code = a.county_code AND n.id = a.superseded_by
      WHERE a.county_code = ${agency.countyCode} AND a.agency_id = ${agency.id}::uuid AND a.state = 'superseded'`,
  );
}

/**
 * Adds an agency per county and assessment histories for the elders under `regionPrefix` (the city's
 * counties at `city` scale). Deterministic per seed. Returns how many assessments it wrote.
 */
export async function generateCityAssessments(
  services: Services,
  options: { seed: number; asOf: IsoDate; regionPrefix: string },
): Promise<number> {
  const { db } = services.database;
  const counties = await rows<County>(
    db,
    sql`SELECT code, name FROM regions WHERE level = 'county' AND code LIKE ${`${options.regionPrefix.slice(0, 6)}%`}
          AND code IN (SELECT DISTINCT county_code FROM elders WHERE county_code LIKE ${`${options.regionPrefix.slice(0, 6)}%`})
        ORDER BY code`,
  );
  const pool = JSON.stringify(assessmentPool(options.seed));
  let written = 0;
  for (const [index, county] of counties.entries()) {
    const agency = await seedCountyAgency(db, options.seed, options.asOf, county, index);
    written += await insertCounty(db, {
      seed: options.seed,
      asOf: options.asOf,
      prefix: options.regionPrefix,
      agency,
      serialBase: index * 1_000_000,
      pool,
    });
  }
  return written;
}
