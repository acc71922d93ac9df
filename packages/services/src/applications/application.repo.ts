import { and, asc, desc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { applicationTransitions, applications, elders } from '../db/schema/index.ts';
import type { Db } from '../db/database.ts';

export type ApplicationRow = typeof applications.$inferSelect;
export type ApplicationInsert = typeof applications.$inferInsert;
export type TransitionRow = typeof applicationTransitions.$inferSelect;
export type TransitionInsert = typeof applicationTransitions.$inferInsert;
export type ApplicationKey = { countyCode: string; id: string };

/** Region scope inside the WHERE (AZ-2): the application's region (the elder's residence when applying). */
function scopeCondition(scopes: readonly string[]): SQL {
  if (scopes.length === 0) return sql`false`;
  const parts = scopes.map((scope) => {
    const prefix = like(applications.regionCode, `${scope}%`);
    return scope.length >= 6 ? and(eq(applications.countyCode, scope.slice(0, 6)), prefix) : prefix;
  });
  return or(...parts) ?? sql`false`;
}

export async function insertApplication(db: Db, row: ApplicationInsert): Promise<void> {
  await db.insert(applications).values(row);
}

export async function findApplication(
  db: Db,
  id: string,
  scopes: readonly string[],
): Promise<ApplicationRow | undefined> {
  const [row] = await db
    .select()
    .from(applications)
    .where(and(eq(applications.id, id), scopeCondition(scopes)))
    .limit(1);
  return row;
}

/** Unscoped existence check, only to label a denial in the audit row (never shown to the caller). */
export async function applicationCountyOf(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db
    .select({ countyCode: applications.countyCode })
    .from(applications)
    .where(eq(applications.id, id))
    .limit(1);
  return row?.countyCode;
}

/** Locks the application row for a state change (two reviewers at once: one wins, the other sees the new state). */
export async function lockApplication(tx: Db, key: ApplicationKey): Promise<ApplicationRow | undefined> {
  const [row] = await tx
    .select()
    .from(applications)
    .where(and(eq(applications.countyCode, key.countyCode), eq(applications.id, key.id)))
    .for('update');
  return row;
}

export async function updateApplication(
  tx: Db,
  key: ApplicationKey & { version: number },
  patch: Partial<ApplicationInsert>,
): Promise<ApplicationRow> {
  const [row] = await tx
    .update(applications)
    .set({ ...patch, version: key.version + 1 })
    .where(
      and(
        eq(applications.countyCode, key.countyCode),
        eq(applications.id, key.id),
        eq(applications.version, key.version),
      ),
    )
    .returning();
  if (!row) throw new Error(`application ${key.id} changed under a row lock`);
  return row;
}

/** An open (submitted or street-passed) application of the elder for the programme. */
export async function openApplicationExists(
  db: Db,
  countyCode: string,
  elderId: string,
  programme: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        eq(applications.countyCode, countyCode),
        eq(applications.elderId, elderId),
        eq(applications.programme, programme),
        inArray(applications.state, ['submitted', 'streetPassed']),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function insertTransition(db: Db, row: TransitionInsert): Promise<void> {
  await db.insert(applicationTransitions).values(row);
}

export async function transitionsOf(db: Db, key: ApplicationKey): Promise<TransitionRow[]> {
  return db
    .select()
    .from(applicationTransitions)
    .where(and(eq(applicationTransitions.countyCode, key.countyCode), eq(applicationTransitions.applicationId, key.id)))
    .orderBy(asc(applicationTransitions.seq));
}

export type ApplicationQuery = {
  scopes: readonly string[];
  regionCode?: string | undefined;
  state?: string | undefined;
  programme?: string | undefined;
};

export type ApplicationListRow = ApplicationRow & { elderName: string | null };

/** The inbox: newest first, inside the scopes, with the elder's name. */
export async function listApplications(
  db: Db,
  query: ApplicationQuery,
  limit: number,
  offset: number,
): Promise<{ items: ApplicationListRow[]; total: number }> {
  const where = and(
    scopeCondition(query.scopes),
    query.regionCode ? like(applications.regionCode, `${query.regionCode}%`) : undefined,
    query.state ? eq(applications.state, query.state) : undefined,
    query.programme ? eq(applications.programme, query.programme) : undefined,
  );
  const found = await db
    .select({ application: applications, elderName: elders.name })
    .from(applications)
    .leftJoin(elders, eq(elders.id, applications.elderId))
    .where(where)
    .orderBy(desc(applications.createdAt), desc(applications.id))
    .limit(limit)
    .offset(offset);
  const [count] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(applications)
    .where(where);
  return {
    items: found.map((row) => ({ ...row.application, elderName: row.elderName })),
    total: count?.total ?? 0,
  };
}
