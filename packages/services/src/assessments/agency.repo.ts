import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { assessmentAgencies, assessments, assessors, organisations, roleGrants, users } from '../db/schema/index.ts';
import { rows, type Db } from '../db/database.ts';

export type AgencyRow = typeof assessmentAgencies.$inferSelect;
export type AssessorRow = typeof assessors.$inferSelect;

/** An agency is an organisation too (kind `assessmentAgency`), so its staff accounts can belong to it. */
export async function insertAgency(db: Db, row: AgencyRow): Promise<void> {
  await db.insert(organisations).values({
    id: row.id,
    name: row.name,
    kind: 'assessmentAgency',
    regionCode: row.regionCode,
    createdAt: row.createdAt,
  });
  await db.insert(assessmentAgencies).values(row);
}

export async function insertAssessors(db: Db, list: readonly AssessorRow[]): Promise<void> {
  if (list.length > 0) await db.insert(assessors).values([...list]);
}

export async function findAgency(db: Db, id: string): Promise<AgencyRow | undefined> {
  const [row] = await db.select().from(assessmentAgencies).where(eq(assessmentAgencies.id, id)).limit(1);
  return row;
}

/** Agencies whose service region overlaps one of the scopes (either contains the other). */
export async function listAgencies(db: Db, scopes: readonly string[]): Promise<AgencyRow[]> {
  if (scopes.length === 0) return [];
  const overlaps = scopes.map(
    (scope) =>
      sql`(${assessmentAgencies.regionCode} LIKE ${`${scope}%`} OR ${scope} LIKE ${assessmentAgencies.regionCode} || '%')`,
  );
  return db
    .select()
    .from(assessmentAgencies)
    .where(sql.join(overlaps, sql` OR `))
    .orderBy(asc(assessmentAgencies.name));
}

/** Active agencies serving a region (their region code is a prefix of it), with their open task counts. */
export async function agenciesServing(db: Db, regionCode: string): Promise<{ agency: AgencyRow; openTasks: number }[]> {
  const found = await db
    .select({
      agency: assessmentAgencies,
      openTasks: sql<number>`(SELECT count(*)::int FROM assessments a WHERE a.agency_id = ${assessmentAgencies.id}
        AND a.state IN ('draft', 'submitted', 'returned'))`,
    })
    .from(assessmentAgencies)
    .where(and(eq(assessmentAgencies.active, true), sql`${regionCode} LIKE ${assessmentAgencies.regionCode} || '%'`))
    .orderBy(asc(assessmentAgencies.id));
  return found;
}

export async function assessorsOfAgencies(db: Db, agencyIds: readonly string[]): Promise<AssessorRow[]> {
  if (agencyIds.length === 0) return [];
  return db
    .select()
    .from(assessors)
    .where(inArray(assessors.agencyId, [...agencyIds]))
    .orderBy(asc(assessors.name), asc(assessors.id));
}

export async function assessorsByIds(db: Db, ids: readonly string[]): Promise<AssessorRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(assessors)
    .where(inArray(assessors.id, [...ids]));
}

export async function assessorOfUser(db: Db, userId: string): Promise<AssessorRow | undefined> {
  const [row] = await db.select().from(assessors).where(eq(assessors.userId, userId)).limit(1);
  return row;
}

/** Open tasks per assessor of an agency, for balanced assignment. */
export async function openTasksPerAssessor(db: Db, agencyId: string): Promise<Map<string, number>> {
  const found = await rows<{ assessor_id: string; open: number }>(
    db,
    sql`SELECT unnest(assessor_ids) AS assessor_id, count(*)::int AS open FROM ${assessments}
        WHERE agency_id = ${agencyId} AND state IN ('draft', 'submitted', 'returned') GROUP BY 1`,
  );
  return new Map(found.map((row) => [row.assessor_id, row.open]));
}

/** The account an assessor record links to: its id when it exists and holds the `assessor` role. */
export async function assessorAccount(
  db: Db,
  username: string,
): Promise<{ id: string; isAssessor: boolean } | undefined> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
  if (!user) return undefined;
  const [grant] = await db
    .select({ id: roleGrants.id })
    .from(roleGrants)
    .where(and(eq(roleGrants.userId, user.id), eq(roleGrants.role, 'assessor')))
    .limit(1);
  return { id: user.id, isAssessor: grant !== undefined };
}
