import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { elderIdentities, importErrors, importJobs } from '../db/schema/index.ts';
import type { Db } from '../db/database.ts';

export type ImportJobRow = typeof importJobs.$inferSelect;
export type ImportJobInsert = typeof importJobs.$inferInsert;
export type ImportErrorRow = typeof importErrors.$inferSelect;
export type ImportJobPatch = Partial<Omit<ImportJobInsert, 'id' | 'createdBy' | 'createdAt'>>;

export async function insertJob(db: Db, row: ImportJobInsert): Promise<ImportJobRow> {
  const [inserted] = await db.insert(importJobs).values(row).returning();
  if (!inserted) throw new Error('import job insert returned nothing');
  return inserted;
}

export async function findJob(db: Db, id: string): Promise<ImportJobRow | undefined> {
  const [row] = await db.select().from(importJobs).where(eq(importJobs.id, id)).limit(1);
  return row;
}

/** The newest unfinished job of the same file, creator and scope: a re-run picks it up (FT-1). */
export async function findResumable(
  db: Db,
  key: { kind: string; fileHash: string; createdBy: string; regionScope: string; direct: boolean },
): Promise<ImportJobRow | undefined> {
  const [row] = await db
    .select()
    .from(importJobs)
    .where(
      and(
        eq(importJobs.fileHash, key.fileHash),
        eq(importJobs.createdBy, key.createdBy),
        eq(importJobs.kind, key.kind),
        eq(importJobs.regionScope, key.regionScope),
        eq(importJobs.direct, key.direct),
        inArray(importJobs.status, ['validating', 'validated', 'importing']),
      ),
    )
    .orderBy(desc(importJobs.createdAt))
    .limit(1);
  return row;
}

export async function updateJob(db: Db, id: string, patch: ImportJobPatch): Promise<ImportJobRow> {
  const [row] = await db.update(importJobs).set(patch).where(eq(importJobs.id, id)).returning();
  if (!row) throw new Error(`import job ${id} vanished`);
  return row;
}

/** Moves a job from one status to another only if it is still in the first (two confirms: one wins). */
export async function transitionJob(
  db: Db,
  id: string,
  from: string,
  patch: ImportJobPatch,
): Promise<ImportJobRow | undefined> {
  const [row] = await db
    .update(importJobs)
    .set(patch)
    .where(and(eq(importJobs.id, id), eq(importJobs.status, from)))
    .returning();
  return row;
}

/** Jobs the caller created, or whose every scope code lies inside one of the caller's prefixes. */
function visibleTo(actorId: string, prefixes: readonly string[]): SQL {
  const inScope =
    prefixes.length === 0
      ? sql`false`
      : sql`NOT EXISTS (SELECT 1 FROM unnest(string_to_array(${importJobs.regionScope}, ',')) AS s(code)
                       WHERE NOT (s.code LIKE ANY(${sql.param(prefixes.map((prefix) => `${prefix}%`))}::text[])))`;
  return or(eq(importJobs.createdBy, actorId), inScope) ?? inScope;
}

export async function listJobs(
  db: Db,
  actorId: string,
  prefixes: readonly string[],
  limit: number,
  offset: number,
): Promise<{ items: ImportJobRow[]; total: number }> {
  const where = visibleTo(actorId, prefixes);
  const items = await db
    .select()
    .from(importJobs)
    .where(where)
    .orderBy(desc(importJobs.createdAt), desc(importJobs.id))
    .limit(limit)
    .offset(offset);
  const [count] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(importJobs)
    .where(where);
  return { items, total: count?.total ?? 0 };
}

/** Records row errors; a resumed batch may repeat some, which the key (job, row, field) absorbs. */
export async function insertErrors(
  db: Db,
  jobId: string,
  errors: readonly { rowNumber: number; field: string; code: string; message: string }[],
): Promise<void> {
  if (errors.length === 0) return;
  await db.execute(sql`
    INSERT INTO import_errors (job_id, row_number, field, code, message)
    SELECT ${jobId}::uuid, r, f, c, m
    FROM unnest(${sql.param(errors.map((error) => error.rowNumber))}::int[], ${sql.param(errors.map((error) => error.field))}::text[],
                ${sql.param(errors.map((error) => error.code))}::text[], ${sql.param(errors.map((error) => error.message))}::text[]) AS e(r, f, c, m)
    ON CONFLICT DO NOTHING`);
}

/** Errors of a job in row order, paged by key (row, field). */
export async function errorPage(
  db: Db,
  jobId: string,
  after: { rowNumber: number; field: string } | undefined,
  limit: number,
): Promise<ImportErrorRow[]> {
  const position = after
    ? sql`(${importErrors.rowNumber}, ${importErrors.field}) > (${after.rowNumber}, ${after.field})`
    : undefined;
  return db
    .select()
    .from(importErrors)
    .where(and(eq(importErrors.jobId, jobId), position))
    .orderBy(asc(importErrors.rowNumber), asc(importErrors.field))
    .limit(limit);
}

/** Which of these ID-number blind indexes are registered already (ENC-2). */
export async function registeredBlindIndexes(db: Db, blindIndexes: readonly string[]): Promise<Set<string>> {
  if (blindIndexes.length === 0) return new Set();
  const found = await db
    .select({ blindIndex: elderIdentities.idNumberBlindIndex })
    .from(elderIdentities)
    .where(sql`${elderIdentities.idNumberBlindIndex} = ANY(${sql.param([...blindIndexes])}::text[])`);
  return new Set(found.map((row) => row.blindIndex));
}
