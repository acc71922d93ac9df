import { and, asc, desc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { OPEN_STATES } from '@kangyang/domain/assessment-workflow';
import { assessmentAgencies, assessments, assessmentTransitions, elders } from '../db/schema/index.ts';
import type { Db } from '../db/database.ts';
import { scopeCondition } from '../elders/elder.repo.ts';

export type AssessmentRow = typeof assessments.$inferSelect;
export type AssessmentInsert = typeof assessments.$inferInsert;
export type TransitionRow = typeof assessmentTransitions.$inferSelect;

/** The elder fields an assessment view needs (masked identifiers only, ENC-3). */
export type ElderBrief = {
  name: string;
  idNumberMasked: string;
  idNumberBlindIndex: string;
  birthDate: string;
  residenceRegionCode: string;
  status: string;
};
export type LoadedAssessment = { row: AssessmentRow; elder: ElderBrief; agencyName: string };

/**
 * Who sees an assessment (AZ-1, AZ-2), applied inside the WHERE: the elder's residence in a region
 * scope, or the caller is one of its assessors, or belongs to its agency.
 */
export type Visibility = {
  regionScopes: readonly string[];
  assessorId: string | null;
  agencyIds: readonly string[];
};

const elderBrief = {
  name: elders.name,
  idNumberMasked: elders.idNumberMasked,
  idNumberBlindIndex: elders.idNumberBlindIndex,
  birthDate: elders.birthDate,
  residenceRegionCode: elders.residenceRegionCode,
  status: elders.status,
};

export function visibleCondition(visibility: Visibility): SQL {
  const parts: SQL[] = [scopeCondition(visibility.regionScopes)];
  if (visibility.assessorId) parts.push(sql`${assessments.assessorIds} @> ARRAY[${visibility.assessorId}]::uuid[]`);
  if (visibility.agencyIds.length > 0) parts.push(inArray(assessments.agencyId, [...visibility.agencyIds]));
  return or(...parts) ?? sql`false`;
}

export async function findVisible(db: Db, id: string, visibility: Visibility): Promise<LoadedAssessment | undefined> {
  const [found] = await db
    .select({ row: assessments, elder: elderBrief, agencyName: assessmentAgencies.name })
    .from(assessments)
    .innerJoin(elders, eq(elders.id, assessments.elderId))
    .innerJoin(assessmentAgencies, eq(assessmentAgencies.id, assessments.agencyId))
    .where(and(eq(assessments.id, id), visibleCondition(visibility)))
    .limit(1);
  return found;
}

/** Unscoped existence check, only to label a denial in the audit row. */
export async function countyOfAssessment(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db
    .select({ countyCode: assessments.countyCode })
    .from(assessments)
    .where(eq(assessments.id, id))
    .limit(1);
  return row?.countyCode;
}

export async function insertAssessment(db: Db, row: AssessmentInsert): Promise<AssessmentRow> {
  const [inserted] = await db.insert(assessments).values(row).returning();
  if (!inserted) throw new Error('assessment insert returned nothing');
  return inserted;
}

/** Optimistic update (API-5): applies only at the expected version; undefined on a mismatch. */
export async function updateAssessment(
  db: Db,
  key: { countyCode: string; id: string; version: number },
  patch: Partial<AssessmentInsert>,
): Promise<AssessmentRow | undefined> {
  const [row] = await db
    .update(assessments)
    .set({ ...patch, version: key.version + 1 })
    .where(
      and(eq(assessments.countyCode, key.countyCode), eq(assessments.id, key.id), eq(assessments.version, key.version)),
    )
    .returning();
  return row;
}

export type TransitionInsert = Omit<TransitionRow, 'seq'>;

/** Appends a step; the caller has locked the assessment row (its versioned update) in this transaction. */
export async function insertTransition(db: Db, step: TransitionInsert): Promise<void> {
  await db.execute(sql`
    INSERT INTO assessment_transitions
      (county_code, assessment_id, seq, at, action, from_state, to_state, actor_id, actor_name, reason, details)
    SELECT ${step.countyCode}, ${step.assessmentId}::uuid, coalesce(max(seq), 0) + 1, ${step.at.toISOString()}::timestamptz,
      ${step.action}, ${step.fromState}, ${step.toState}, ${step.actorId}::uuid, ${step.actorName}, ${step.reason},
      ${step.details === null ? null : JSON.stringify(step.details)}::jsonb
    FROM assessment_transitions WHERE county_code = ${step.countyCode} AND assessment_id = ${step.assessmentId}::uuid`);
}

export async function listTransitions(db: Db, countyCode: string, id: string): Promise<TransitionRow[]> {
  return db
    .select()
    .from(assessmentTransitions)
    .where(and(eq(assessmentTransitions.countyCode, countyCode), eq(assessmentTransitions.assessmentId, id)))
    .orderBy(asc(assessmentTransitions.seq));
}

type ElderKey = { countyCode: string; elderId: string; instrument: string };

export async function findApprovedFor(db: Db, key: ElderKey): Promise<AssessmentRow | undefined> {
  const [row] = await db
    .select()
    .from(assessments)
    .where(
      and(
        eq(assessments.countyCode, key.countyCode),
        eq(assessments.elderId, key.elderId),
        eq(assessments.instrument, key.instrument),
        eq(assessments.state, 'approved'),
      ),
    )
    .limit(1);
  return row;
}

export async function findOpenFor(db: Db, key: ElderKey): Promise<AssessmentRow | undefined> {
  const [row] = await db
    .select()
    .from(assessments)
    .where(
      and(
        eq(assessments.countyCode, key.countyCode),
        eq(assessments.elderId, key.elderId),
        eq(assessments.instrument, key.instrument),
        inArray(assessments.state, [...OPEN_STATES]),
      ),
    )
    .limit(1);
  return row;
}

export async function findInCounty(db: Db, countyCode: string, id: string): Promise<AssessmentRow | undefined> {
  const [row] = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.countyCode, countyCode), eq(assessments.id, id)))
    .limit(1);
  return row;
}

/** Every assessment of one elder, oldest first (history and trend chart). */
export async function elderAssessments(db: Db, countyCode: string, elderId: string): Promise<AssessmentRow[]> {
  return db
    .select()
    .from(assessments)
    .where(and(eq(assessments.countyCode, countyCode), eq(assessments.elderId, elderId)))
    .orderBy(asc(sql`coalesce(${assessments.assessmentDate}, ${assessments.triggerDate})`), asc(assessments.createdAt));
}

export type TaskFilter = {
  visibility: Visibility;
  state?: string | undefined;
  region?: string | undefined;
  agencyId?: string | undefined;
  onlyAssessorId?: string | undefined;
};

export type TaskListRow = { row: AssessmentRow; elderName: string; residenceRegionCode: string; agencyName: string };

export async function listTasks(
  db: Db,
  filter: TaskFilter,
  limit: number,
  offset: number,
): Promise<{ items: TaskListRow[]; total: number }> {
  const where = and(
    visibleCondition(filter.visibility),
    filter.state ? eq(assessments.state, filter.state) : undefined,
    filter.region ? like(elders.residenceRegionCode, `${filter.region}%`) : undefined,
    filter.agencyId ? eq(assessments.agencyId, filter.agencyId) : undefined,
    filter.onlyAssessorId ? sql`${assessments.assessorIds} @> ARRAY[${filter.onlyAssessorId}]::uuid[]` : undefined,
  );
  const items = await db
    .select({
      row: assessments,
      elderName: elders.name,
      residenceRegionCode: elders.residenceRegionCode,
      agencyName: assessmentAgencies.name,
    })
    .from(assessments)
    .innerJoin(elders, eq(elders.id, assessments.elderId))
    .innerJoin(assessmentAgencies, eq(assessmentAgencies.id, assessments.agencyId))
    .where(where)
    .orderBy(asc(assessments.dueDate), desc(assessments.id))
    .limit(limit)
    .offset(offset);
  const [count] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(assessments)
    .innerJoin(elders, eq(elders.id, assessments.elderId))
    .where(where);
  return { items, total: count?.total ?? 0 };
}
