import { and, asc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { organisations, workerAttendance, workerCertificates, workers } from '../db/schema/index.ts';
import type { Db } from '../db/database.ts';

export type WorkerRow = typeof workers.$inferSelect;
export type WorkerInsert = typeof workers.$inferInsert;
export type CertificateRow = typeof workerCertificates.$inferSelect;
export type AttendanceRow = typeof workerAttendance.$inferSelect;
export type OrganisationRow = typeof organisations.$inferSelect;

/** A grant's reach over workers: a region prefix, narrowed to one employer for organisation-scoped roles (AZ-8 org). */
export type WorkerScope = { readonly regionCode: string; readonly organisationId: string | null };

export function workerScopeCondition(scopes: readonly WorkerScope[]): SQL {
  if (scopes.length === 0) return sql`false`;
  const parts = scopes.map((scope) => {
    const prefix = like(workers.regionCode, `${scope.regionCode}%`);
    const county = scope.regionCode.length >= 6 ? eq(workers.countyCode, scope.regionCode.slice(0, 6)) : undefined;
    const employer = scope.organisationId === null ? undefined : eq(workers.organisationId, scope.organisationId);
    return and(county, prefix, employer) ?? prefix;
  });
  return or(...parts) ?? sql`false`;
}

export async function findOrganisation(db: Db, id: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  return row;
}

export async function organisationNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const found = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, [...new Set(ids)]));
  return new Map(found.map((row) => [row.id, row.name]));
}

export async function insertWorker(db: Db, row: WorkerInsert): Promise<WorkerRow> {
  const [inserted] = await db.insert(workers).values(row).returning();
  if (!inserted) throw new Error('worker insert returned nothing');
  return inserted;
}

export async function findWorker(db: Db, id: string, scopes: readonly WorkerScope[]): Promise<WorkerRow | undefined> {
  const [row] = await db
    .select()
    .from(workers)
    .where(and(eq(workers.id, id), workerScopeCondition(scopes)))
    .limit(1);
  return row;
}

/** Unscoped, only to label a denial in the audit row. */
export async function workerCountyOf(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db.select({ countyCode: workers.countyCode }).from(workers).where(eq(workers.id, id)).limit(1);
  return row?.countyCode;
}

export type WorkerQuery = {
  scopes: readonly WorkerScope[];
  regionCode?: string | undefined;
  organisationId?: string | undefined;
  staffRole?: string | undefined;
};

export async function listWorkers(db: Db, query: WorkerQuery, limit: number, offset: number) {
  const where = and(
    workerScopeCondition(query.scopes),
    query.regionCode ? like(workers.regionCode, `${query.regionCode}%`) : undefined,
    query.organisationId ? eq(workers.organisationId, query.organisationId) : undefined,
    query.staffRole ? eq(workers.staffRole, query.staffRole) : undefined,
  );
  const items = await db
    .select()
    .from(workers)
    .where(where)
    .orderBy(asc(workers.regionCode), asc(workers.id))
    .limit(limit)
    .offset(offset);
  const [count] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(workers)
    .where(where);
  return { items, total: count?.total ?? 0 };
}

export async function certificatesOf(
  db: Db,
  keys: readonly { countyCode: string; id: string }[],
): Promise<CertificateRow[]> {
  if (keys.length === 0) return [];
  return db
    .select()
    .from(workerCertificates)
    .where(
      and(
        inArray(workerCertificates.countyCode, [...new Set(keys.map((key) => key.countyCode))]),
        inArray(
          workerCertificates.workerId,
          keys.map((key) => key.id),
        ),
      ),
    )
    .orderBy(asc(workerCertificates.issuedOn), asc(workerCertificates.id));
}

export async function insertCertificate(db: Db, row: typeof workerCertificates.$inferInsert): Promise<boolean> {
  const inserted = await db
    .insert(workerCertificates)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: workerCertificates.id });
  return inserted.length === 1;
}

export async function attendanceOf(
  db: Db,
  worker: { countyCode: string; id: string },
  limit = 12,
): Promise<AttendanceRow[]> {
  return db
    .select()
    .from(workerAttendance)
    .where(and(eq(workerAttendance.countyCode, worker.countyCode), eq(workerAttendance.workerId, worker.id)))
    .orderBy(sql`${workerAttendance.period} DESC`)
    .limit(limit);
}

/** Records a month's attendance, or corrects it (its version rises). */
export async function upsertAttendance(
  db: Db,
  row: Omit<typeof workerAttendance.$inferInsert, 'version'>,
): Promise<AttendanceRow> {
  const [saved] = await db
    .insert(workerAttendance)
    .values({ ...row, version: 1 })
    .onConflictDoUpdate({
      target: [workerAttendance.countyCode, workerAttendance.workerId, workerAttendance.period],
      set: {
        daysWorked: row.daysWorked,
        continuingEducation: row.continuingEducation,
        recordedBy: row.recordedBy,
        recordedAt: row.recordedAt,
        version: sql`${workerAttendance.version} + 1`,
      },
    })
    .returning();
  if (!saved) throw new Error('attendance upsert returned nothing');
  return saved;
}
