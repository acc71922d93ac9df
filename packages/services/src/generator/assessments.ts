import { eq, inArray, sql } from 'drizzle-orm';
import {
  DEFAULT_ASSESSMENT_SETTINGS,
  GBT42195_2022,
  itemsOf,
  scoreByCode,
  validUntil,
} from '@kangyang/domain/assessment';
import { addDays, deriveFlags, type DiseaseCode, type SupportingData } from '@kangyang/domain/assessment-workflow';
import { addMonths, ageOn, type IsoDate } from '@kangyang/domain/units';
import { rows, type Db } from '../db/database.ts';
import { users } from '../db/schema/index.ts';
import type { Services } from '../services.ts';
import * as agencyRepo from '../assessments/agency.repo.ts';
import { contentHashOf, storedResultOf } from '../assessments/assessment-mapper.ts';
import type { AssessmentInsert, TransitionRow } from '../assessments/assessment.repo.ts';
import { createRng, type Rng } from './rng.ts';
import { seededUuidv7 } from './seeded-id.ts';

/**
 * Demo assessment histories (issue 4 data; scale.md ≈6,000 assessments at demo size): one contracted
 * agency with five assessors (two of them the demo `assessor` and `assessor2` logins), approved GB/T 42195 results for
 * a share of elders that rises with age, levels that worsen with age, earlier results superseded, a
 * realistic share expired (the due list), and a few open tasks for the demo assessor.
 */

const STREAM = 0x4a55;
const BANDS: readonly (readonly [number, number])[] = [
  [90, 90],
  [66, 89],
  [46, 65],
  [30, 45],
  [2, 29],
];
/** Share assessed and level weights (intact … complete) by age band: 60s, 70s, 80s, 90+. */
const BY_AGE: readonly { minAge: number; assessed: number; levels: readonly number[] }[] = [
  { minAge: 90, assessed: 0.6, levels: [15, 27, 25, 18, 15] },
  { minAge: 80, assessed: 0.42, levels: [28, 32, 20, 12, 8] },
  { minAge: 70, assessed: 0.22, levels: [45, 28, 14, 8, 5] },
  { minAge: 0, assessed: 0.1, levels: [62, 22, 9, 5, 2] },
];
const STAFF = ['孙医生', '李护士', '周医生', '吴评估员', '郑评估员'] as const;
const BATCH = 2000;

type ElderRef = { id: string; county_code: string; birth_date: string };
type Context = {
  seed: number;
  asOf: IsoDate;
  agencyId: string;
  staff: string[];
  reviewer: { id: string | null; name: string };
};

const ITEMS = itemsOf(GBT42195_2022);

/** Answers summing exactly to `total`: lower items from full marks, self-care and mobility first. */
export function answersForTotal(rng: Rng, total: number): Record<string, number> {
  const answers = Object.fromEntries(
    ITEMS.map((item) => [item.code, Math.max(...item.options.map((option) => option.points))]),
  );
  let sum = Object.values(answers).reduce((left, right) => left + right, 0);
  const weights = ITEMS.map((item) => [item.code, /^(selfCare|mobility)/.test(item.code) ? 3 : 1] as const);
  while (sum > total) {
    const code = rng.weighted(weights);
    const floor = code === 'mental.consciousness' ? 1 : 0; // never coma: a coma flag is a separate fact
    const value = answers[code] ?? 0;
    if (value <= floor) continue;
    answers[code] = value - 1;
    sum -= 1;
  }
  return answers;
}

function supportingFor(rng: Rng, ordinal: number, dementia: boolean): SupportingData {
  const diseases: DiseaseCode[] = [];
  const chance = (code: DiseaseCode, probability: number) => {
    if (rng.chance(probability)) diseases.push(code);
  };
  chance('hypertension', 0.55);
  chance('diabetes', 0.22);
  chance('coronaryDisease', 0.15);
  chance('osteoporosis', 0.2);
  chance('cerebralInfarction', 0.05 + ordinal * 0.06);
  chance('cataract', 0.18);
  if (dementia) diseases.push('dementia');
  const falls = ordinal >= 2 && rng.chance(0.1) ? 1 : 0;
  return { riskEvents: falls ? { fall: falls } : {}, diseases, medicines: [], healthProblems: { coma: false } };
}

/** One result at a target final level: dementia sometimes explains one level (base one better, +1). */
function synthesise(rng: Rng, ordinal: number) {
  const dementia = ordinal >= 2 && rng.chance(0.18);
  const [low, high] = BANDS[dementia ? ordinal - 1 : ordinal] ?? [90, 90];
  const answers = answersForTotal(rng, rng.int(low, high));
  const supporting = supportingFor(rng, ordinal, dementia);
  const flags = deriveFlags(supporting);
  const scored = scoreByCode('gbt42195-2022', answers, flags, DEFAULT_ASSESSMENT_SETTINGS);
  if (!scored.ok) throw new Error(`generator made unscorable answers (${scored.error.code} ${scored.error.field})`);
  return { answers, supporting, flags, score: scored.value };
}

const at = (date: string, hour: number, minute = 0): Date =>
  new Date(`${date}T${String(hour - 8).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`);

type Step = Omit<TransitionRow, 'seq'>;
type Made = { row: AssessmentInsert; steps: Step[] };

const makeStep = (
  row: AssessmentInsert,
  action: string,
  from: string | null,
  to: string,
  when: Date,
  actorName: string,
): Step => ({
  countyCode: row.countyCode,
  assessmentId: row.id,
  at: when,
  action,
  fromState: from,
  toState: to,
  actorId: null,
  actorName,
  reason: null,
  details: null,
});

type RowInput = {
  ordinal: number;
  date: IsoDate;
  reason: 'first' | 'routine';
  supersedes: string | null;
  pair?: readonly string[];
};

/** The signed, submitted and approved content of one result. */
function contentOf(rng: Rng, context: Context, input: RowInput) {
  const made = synthesise(rng, input.ordinal);
  const pair = input.pair ?? [context.staff[rng.int(0, 1)] ?? '', context.staff[rng.int(2, 4)] ?? ''];
  const hash = contentHashOf(GBT42195_2022.revision, made.answers, made.flags);
  const signatures = pair.map((assessorId, index) => ({
    assessorId,
    userId: '',
    name: STAFF[context.staff.indexOf(assessorId)] ?? '',
    signedAt: at(input.date, 11, 10 + index * 5).toISOString(),
    hash,
  }));
  return { ...made, pair, hash, signatures, result: storedResultOf(made.score) };
}

function approvedRow(rng: Rng, context: Context, elder: ElderRef, serial: number, input: RowInput): Made {
  const content = contentOf(rng, context, input);
  const { result } = content;
  const trigger = addDays(input.date, -rng.int(3, 20));
  const approvedAt = at(addDays(input.date, rng.int(1, 6)), 15, rng.int(0, 59));
  const row: AssessmentInsert = {
    countyCode: elder.county_code,
    id: seededUuidv7(context.seed, STREAM, serial, at(context.asOf, 12).getTime() - 86_400_000 * 900),
    elderId: elder.id,
    instrument: 'gbt42195-2022',
    instrumentVersion: GBT42195_2022.revision,
    reason: input.reason,
    trigger: input.reason === 'first' ? 'application' : 'reassessmentDue',
    triggerDate: trigger,
    state: 'approved',
    agencyId: context.agencyId,
    assessorIds: [...content.pair],
    dueDate: addDays(trigger, DEFAULT_ASSESSMENT_SETTINGS.immediateTaskDueDays),
    assessmentDate: input.date,
    answers: content.answers,
    supporting: content.supporting,
    flags: content.flags,
    contentHash: content.hash,
    signatures: content.signatures,
    settings: DEFAULT_ASSESSMENT_SETTINGS,
    result,
    total: result.total,
    baseLevel: result.baseLevel,
    finalLevel: result.finalLevel,
    finalLevelOrdinal: result.finalLevelOrdinal,
    dementia: content.flags.dementiaDiagnosis,
    provisional: false,
    reviewerId: context.reviewer.id,
    reviewerName: context.reviewer.name,
    submittedAt: at(input.date, 17),
    approvedAt,
    validUntil: validUntil(input.date, DEFAULT_ASSESSMENT_SETTINGS.validityMonths),
    supersedes: input.supersedes,
    createdAt: at(trigger, 9),
    updatedAt: approvedAt,
    version: 6,
  };
  // The history keeps the steps that change state (generated data: signatures are on the row itself).
  const steps = [
    makeStep(row, 'create', null, 'draft', at(trigger, 9), '上城区民政局'),
    makeStep(row, 'submit', 'draft', 'submitted', at(input.date, 17), '上城区老年人能力评估中心'),
    makeStep(row, 'approve', 'submitted', 'approved', approvedAt, context.reviewer.name),
  ];
  return { row, steps };
}

/** An elder's history: 1–3 approved results a year apart, the latest within the last 15 months. */
function historyOf(rng: Rng, context: Context, elder: ElderRef, serial: () => number, ordinal: number): Made[] {
  const count = rng.weighted([
    [1, 68],
    [2, 25],
    [3, 7],
  ] as const);
  const latest = addDays(context.asOf, -rng.int(5, 455));
  const made: Made[] = [];
  let previousId: string | null = null;
  for (let index = count - 1; index >= 0; index -= 1) {
    const date = addDays(addMonths(latest, -12 * index), rng.int(-20, 20));
    const level = Math.max(0, ordinal - (index > 0 && rng.chance(0.5) ? 1 : 0) * index);
    const reason: 'first' | 'routine' = made.length === 0 ? 'first' : 'routine';
    const next = approvedRow(rng, context, elder, serial(), {
      ordinal: level,
      date: date > context.asOf ? context.asOf : date,
      reason,
      supersedes: previousId,
    });
    const older = made.at(-1);
    if (older) {
      older.row.state = 'superseded';
      older.row.supersededBy = next.row.id;
      older.steps.push(
        makeStep(
          older.row,
          'supersede',
          'approved',
          'superseded',
          next.row.approvedAt ?? new Date(0),
          context.reviewer.name,
        ),
      );
    }
    made.push(next);
    previousId = next.row.id;
  }
  return made;
}

const snakeCase = (row: object): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(row).map(([key, value]) => [key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), value]),
  );

/** Bulk insert through one JSON parameter per statement (jsonb_populate_recordset): far faster than bound rows on PGlite. */
async function insertJson(
  db: Db,
  table: 'assessments' | 'assessment_transitions',
  records: readonly object[],
): Promise<void> {
  for (let start = 0; start < records.length; start += 2000) {
    const json = JSON.stringify(records.slice(start, start + 2000).map(snakeCase));
    await db.execute(
      sql`INSERT INTO ${sql.identifier(table)} SELECT * FROM jsonb_populate_recordset(NULL::${sql.identifier(table)}, ${json}::jsonb)`,
    );
  }
}

async function insertBatch(db: Db, made: readonly Made[]): Promise<void> {
  const all = made.map((entry) => ({
    supersededBy: null,
    createdBy: null,
    returnReason: null,
    triggerRef: null,
    ...entry.row,
  }));
  await insertJson(db, 'assessments', all);
  await insertJson(
    db,
    'assessment_transitions',
    made.flatMap((entry) => entry.steps.map((step, index) => ({ ...step, seq: index + 1 }))),
  );
}

async function seedAgency(
  db: Db,
  seed: number,
  asOf: IsoDate,
  regionCode: string,
): Promise<{ agencyId: string; staff: string[] }> {
  const createdAt = at(addDays(asOf, -1200), 9);
  const agencyId = seededUuidv7(seed, STREAM + 1, 0, createdAt.getTime());
  const logins = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.username, ['assessor', 'assessor2']));
  const loginOf = (username: string) => logins.find((login) => login.username === username)?.id ?? null;
  await agencyRepo.insertAgency(db, {
    id: agencyId,
    name: '上城区老年人能力评估中心',
    regionCode,
    creditCode: null,
    contractValidUntil: addMonths(asOf, 24),
    active: true,
    createdAt,
    version: 1,
  });
  const staff = STAFF.map((name, index) => ({
    id: seededUuidv7(seed, STREAM + 1, index + 1, createdAt.getTime()),
    agencyId,
    userId: index === 0 ? loginOf('assessor') : index === 1 ? loginOf('assessor2') : null,
    name,
    qualificationNo: `ZJPG-2024-${String(101 + index)}`,
    qualifiedUntil: addMonths(asOf, 18 + index * 3),
    active: true,
    createdAt,
    version: 1,
  }));
  await agencyRepo.insertAssessors(db, staff);
  return { agencyId, staff: staff.map((row) => row.id) };
}

/**
 * Adds the agency and assessment histories for the elders under `regionCode` (the demo district).
 * Deterministic per seed. Returns how many assessments it wrote.
 */
export async function generateAssessmentHistories(
  services: Services,
  options: { seed: number; asOf: IsoDate; regionCode?: string },
): Promise<number> {
  const { db } = services.database;
  const regionCode = options.regionCode ?? '330102';
  const { agencyId, staff } = await seedAgency(db, options.seed, options.asOf, regionCode);
  const [district] = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(eq(users.username, 'district'))
    .limit(1);
  const context: Context = {
    seed: options.seed,
    asOf: options.asOf,
    agencyId,
    staff,
    reviewer: { id: district?.id ?? null, name: district?.name ?? '上城区民政局' },
  };
  const rng = createRng(options.seed ^ STREAM);
  const elders = await rows<ElderRef>(
    db,
    sql`SELECT id, county_code, birth_date::text AS birth_date FROM elders
        WHERE residence_region_code LIKE ${`${regionCode}%`} AND status = 'active' ORDER BY county_code, id`,
  );
  let serial = 0;
  let written = 0;
  let batch: Made[] = [];
  for (const elder of elders) {
    const age = ageOn(elder.birth_date as IsoDate, options.asOf);
    const band = BY_AGE.find((entry) => age >= entry.minAge) ?? BY_AGE[BY_AGE.length - 1];
    if (!band || !rng.chance(band.assessed)) continue;
    const ordinal = rng.weighted(band.levels.map((weight, index) => [index, weight] as const));
    batch.push(...historyOf(rng, context, elder, () => (serial += 1), ordinal));
    if (batch.length >= BATCH) {
      await insertBatch(db, batch);
      written += batch.length;
      batch = [];
    }
  }
  await insertBatch(db, batch);
  written += batch.length;
  return written + (await openDemoTasks(services, context, elders.slice(0, 400)));
}

/** A few open tasks for the demo assessor: drafts to fill in, one submitted for the district to review. */
async function openDemoTasks(services: Services, context: Context, candidates: readonly ElderRef[]): Promise<number> {
  const { db } = services.database;
  const taken = new Set(
    (
      await rows<{ elder_id: string }>(db, sql`SELECT elder_id FROM assessments WHERE agency_id = ${context.agencyId}`)
    ).map((row) => row.elder_id),
  );
  const free = candidates.filter((elder) => !taken.has(elder.id)).slice(0, 12);
  const rng = createRng(context.seed ^ (STREAM + 7));
  const empty: SupportingData = { riskEvents: {}, diseases: [], medicines: [], healthProblems: { coma: false } };
  const emptyFlags = deriveFlags(empty);
  const made = free.map((elder, index): Made => {
    // the two demo logins (孙医生, 李护士) share the drafts, so both signatures can be given in the demo
    const pair = [context.staff[0] ?? '', context.staff[index === 0 ? 2 : 1] ?? ''];
    const date = addDays(context.asOf, -rng.int(0, 3));
    const base = approvedRow(rng, context, elder, 900_000 + index, {
      ordinal: rng.int(0, 3),
      date,
      reason: 'first',
      supersedes: null,
      pair,
    });
    const open = { reviewerId: null, reviewerName: null, approvedAt: null, validUntil: null };
    if (index === 0) {
      return { row: { ...base.row, ...open, state: 'submitted', version: 5 }, steps: base.steps.slice(0, -1) };
    }
    const draft: AssessmentInsert = {
      ...base.row,
      ...open,
      state: 'draft',
      answers: {},
      supporting: empty,
      flags: emptyFlags,
      contentHash: contentHashOf(GBT42195_2022.revision, {}, emptyFlags),
      signatures: [],
      result: null,
      total: null,
      baseLevel: null,
      finalLevel: null,
      finalLevelOrdinal: null,
      dementia: false,
      assessmentDate: null,
      submittedAt: null,
      version: 1,
    };
    return { row: draft, steps: base.steps.slice(0, 1) };
  });
  await insertBatch(db, made);
  return made.length;
}
