import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import { policyProfileVersions, regionProfileBindings } from '../db/schema/index.ts';
import type { Db } from '../db/database.ts';

export type ProfileVersionRow = typeof policyProfileVersions.$inferSelect;
export type ProfileVersionInsert = typeof policyProfileVersions.$inferInsert;
export type BindingRow = typeof regionProfileBindings.$inferSelect;

/** Serialises loads of one profile (PostgreSQL and PGlite alike) until the transaction ends. */
export async function lockProfile(tx: Db, profileId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`policy-profile:${profileId}`}))`);
}

export async function findByChecksum(
  db: Db,
  profileId: string,
  checksum: string,
): Promise<ProfileVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(policyProfileVersions)
    .where(and(eq(policyProfileVersions.profileId, profileId), eq(policyProfileVersions.checksum, checksum)))
    .limit(1);
  return row;
}

export async function latestVersion(db: Db, profileId: string): Promise<ProfileVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(policyProfileVersions)
    .where(eq(policyProfileVersions.profileId, profileId))
    .orderBy(desc(policyProfileVersions.version))
    .limit(1);
  return row;
}

export async function insertVersion(db: Db, row: ProfileVersionInsert): Promise<void> {
  await db.insert(policyProfileVersions).values(row);
}

/** Every stored version, oldest first; `profileId` narrows to one profile. */
export async function listVersions(db: Db, profileId?: string): Promise<ProfileVersionRow[]> {
  return db
    .select()
    .from(policyProfileVersions)
    .where(profileId === undefined ? undefined : eq(policyProfileVersions.profileId, profileId))
    .orderBy(asc(policyProfileVersions.profileId), asc(policyProfileVersions.version));
}

/** The version in force on `date`: the latest effective date on or before it, then the highest version. */
export async function versionOn(db: Db, profileId: string, date: string): Promise<ProfileVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(policyProfileVersions)
    .where(and(eq(policyProfileVersions.profileId, profileId), lte(policyProfileVersions.effectiveFrom, date)))
    .orderBy(desc(policyProfileVersions.effectiveFrom), desc(policyProfileVersions.version))
    .limit(1);
  return row;
}

export async function findVersion(db: Db, profileId: string, version: number): Promise<ProfileVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(policyProfileVersions)
    .where(and(eq(policyProfileVersions.profileId, profileId), eq(policyProfileVersions.version, version)))
    .limit(1);
  return row;
}

export async function findBinding(db: Db, regionCode: string, validFrom: string): Promise<BindingRow | undefined> {
  const [row] = await db
    .select()
    .from(regionProfileBindings)
    .where(and(eq(regionProfileBindings.regionCode, regionCode), eq(regionProfileBindings.validFrom, validFrom)))
    .limit(1);
  return row;
}

export async function insertBinding(db: Db, row: typeof regionProfileBindings.$inferInsert): Promise<void> {
  await db.insert(regionProfileBindings).values(row);
}

export async function listBindings(db: Db): Promise<BindingRow[]> {
  return db
    .select()
    .from(regionProfileBindings)
    .orderBy(asc(regionProfileBindings.regionCode), asc(regionProfileBindings.validFrom));
}

/**
 * The binding that applies to `regionCode` on `date` (POL-2): among bindings whose code is a prefix
 * of the region (the region itself or an ancestor) and that started on or before the date, the
 * longest code wins, then the latest start.
 */
export async function bindingFor(db: Db, regionCode: string, date: string): Promise<BindingRow | undefined> {
  const [row] = await db
    .select()
    .from(regionProfileBindings)
    .where(
      and(
        sql`starts_with(${regionCode}::text, ${regionProfileBindings.regionCode})`,
        lte(regionProfileBindings.validFrom, date),
      ),
    )
    .orderBy(sql`length(${regionProfileBindings.regionCode}) DESC`, desc(regionProfileBindings.validFrom))
    .limit(1);
  return row;
}
