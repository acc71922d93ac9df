import { sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../db/database.ts';

/** Facility attributes and designations (migration 0031): the only SQL of the facilities module. */

export type FacilitySite = {
  countyCode: string;
  id: string;
  regionCode: string;
  name: string;
  kind: string;
  address: string | null;
  status: string;
  lng: number;
  lat: number;
  openedOn: string | null;
};

const SITE_COLUMNS = sql`s.county_code AS "countyCode", s.id, s.region_code AS "regionCode", s.name, s.kind,
  s.address, s.status, s.lng, s.lat, s.opened_on::text AS "openedOn"`;

/** Unscoped: the caller checks the actor's region scope against the site's region (404 across scope). */
export async function siteById(db: Db, id: string): Promise<FacilitySite | undefined> {
  const [row] = await rows<FacilitySite>(db, sql`SELECT ${SITE_COLUMNS} FROM service_sites AS s WHERE s.id = ${id}`);
  return row;
}

/** Sites under a region prefix (county-led for the index), optionally of one kind, by region and name. */
export async function sitesUnder(db: Db, prefix: string, kind: string | undefined): Promise<FacilitySite[]> {
  const county = prefix.length >= 6 ? sql`s.county_code = ${prefix.slice(0, 6)} AND` : sql``;
  const ofKind = kind ? sql`AND s.kind = ${kind}` : sql``;
  return rows<FacilitySite>(
    db,
    sql`SELECT ${SITE_COLUMNS} FROM service_sites AS s
        WHERE ${county} s.region_code LIKE ${`${prefix}%`} ${ofKind}
        ORDER BY s.region_code, s.name, s.id LIMIT 2000`,
  );
}

export type AttributeRow = {
  countyCode: string;
  siteId: string;
  version: number;
  bedsTotal: number | null;
  nursingBeds: number | null;
  occupiedBeds: number | null;
  bedsSource: 'declared' | 'bedModule';
  ownership: 'public' | 'private' | 'publicPrivate' | null;
  mealDeliveryVehicles: number | null;
  document: string | null;
  note: string | null;
  changedBy: string;
  changedByName: string;
  changedAt: Date | string;
};

const ATTRIBUTE_COLUMNS = sql`county_code AS "countyCode", site_id AS "siteId", version, beds_total AS "bedsTotal",
  nursing_beds AS "nursingBeds", occupied_beds AS "occupiedBeds", beds_source AS "bedsSource", ownership,
  meal_delivery_vehicles AS "mealDeliveryVehicles", document, note, changed_by AS "changedBy",
  changed_by_name AS "changedByName", changed_at AS "changedAt"`;

const siteKeys = (sites: readonly FacilitySite[]): SQL =>
  sql`(county_code, site_id) IN (${sql.join(
    sites.map((site) => sql`(${site.countyCode}, ${site.id}::uuid)`),
    sql`, `,
  )})`;

/** The current (highest) attribute version of each site. */
export async function currentAttributes(db: Db, sites: readonly FacilitySite[]): Promise<AttributeRow[]> {
  if (sites.length === 0) return [];
  return rows<AttributeRow>(
    db,
    sql`SELECT DISTINCT ON (county_code, site_id) ${ATTRIBUTE_COLUMNS} FROM facility_attribute_versions
        WHERE ${siteKeys(sites)} ORDER BY county_code, site_id, version DESC`,
  );
}

/** Every attribute version of a site, newest first. */
export async function attributeHistory(db: Db, site: FacilitySite): Promise<AttributeRow[]> {
  return rows<AttributeRow>(
    db,
    sql`SELECT ${ATTRIBUTE_COLUMNS} FROM facility_attribute_versions
        WHERE county_code = ${site.countyCode} AND site_id = ${site.id} ORDER BY version DESC`,
  );
}

/** Appends a version; false when that version already exists (someone saved first). */
export async function insertAttributeVersion(db: Db, row: Omit<AttributeRow, 'bedsSource'>): Promise<boolean> {
  const inserted = await rows<{ version: number }>(
    db,
    sql`INSERT INTO facility_attribute_versions (county_code, site_id, version, beds_total, nursing_beds,
          occupied_beds, ownership, meal_delivery_vehicles, document, note, changed_by, changed_by_name, changed_at)
        VALUES (${row.countyCode}, ${row.siteId}, ${row.version}, ${row.bedsTotal}, ${row.nursingBeds},
          ${row.occupiedBeds}, ${row.ownership}, ${row.mealDeliveryVehicles}, ${row.document}, ${row.note},
          ${row.changedBy}, ${row.changedByName}, ${new Date(row.changedAt).toISOString()}::timestamptz)
        ON CONFLICT DO NOTHING RETURNING version`,
  );
  return inserted.length === 1;
}

export type DesignationRow = {
  countyCode: string;
  id: string;
  siteId: string | null;
  regionCode: string;
  designation: string;
  designatedOn: string;
  authority: string;
  document: string;
  note: string | null;
  grantedByName: string;
  grantedAt: Date | string;
  revokedOn: string | null;
  reason: string | null;
  revocationDocument: string | null;
  revokedByName: string | null;
  revokedAt: Date | string | null;
};

const DESIGNATIONS = sql`SELECT d.county_code AS "countyCode", d.id, d.site_id AS "siteId", d.region_code AS "regionCode",
    d.designation, d.designated_on::text AS "designatedOn", d.authority, d.document, d.note,
    d.granted_by_name AS "grantedByName", d.granted_at AS "grantedAt", x.revoked_on::text AS "revokedOn", x.reason,
    x.document AS "revocationDocument", x.revoked_by_name AS "revokedByName", x.revoked_at AS "revokedAt"
  FROM facility_designations AS d
  LEFT JOIN facility_designation_revocations AS x ON x.county_code = d.county_code AND x.designation_id = d.id`;

/** Designations of some sites (revoked ones too), newest first. */
export async function designationsOfSites(db: Db, sites: readonly FacilitySite[]): Promise<DesignationRow[]> {
  if (sites.length === 0) return [];
  const keys = sql.join(
    sites.map((site) => sql`(${site.countyCode}, ${site.id}::uuid)`),
    sql`, `,
  );
  return rows<DesignationRow>(
    db,
    sql`${DESIGNATIONS} WHERE (d.county_code, d.site_id) IN (${keys}) ORDER BY d.designated_on DESC, d.id`,
  );
}

/** Region designations (communities) under a region prefix, newest first. */
export async function designationsOfRegions(db: Db, prefix: string): Promise<DesignationRow[]> {
  const county = prefix.length >= 6 ? sql`d.county_code = ${prefix.slice(0, 6)} AND` : sql``;
  return rows<DesignationRow>(
    db,
    sql`${DESIGNATIONS} WHERE ${county} d.site_id IS NULL AND d.region_code LIKE ${`${prefix}%`}
        ORDER BY d.region_code, d.designated_on DESC, d.id LIMIT 2000`,
  );
}

export async function designationById(db: Db, id: string): Promise<DesignationRow | undefined> {
  const [row] = await rows<DesignationRow>(db, sql`${DESIGNATIONS} WHERE d.id = ${id}`);
  return row;
}

/** Whether the site (or the region, for siteId null) holds the designation unrevoked. */
export async function activeDesignationExists(
  db: Db,
  target: { countyCode: string; siteId: string | null; regionCode: string },
  designation: string,
): Promise<boolean> {
  const holder =
    target.siteId === null
      ? sql`d.site_id IS NULL AND d.region_code = ${target.regionCode}`
      : sql`d.site_id = ${target.siteId}`;
  const [row] = await rows<{ found: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM facility_designations AS d WHERE d.county_code = ${target.countyCode}
          AND ${holder} AND d.designation = ${designation}
          AND NOT EXISTS (SELECT 1 FROM facility_designation_revocations AS x
            WHERE x.county_code = d.county_code AND x.designation_id = d.id)) AS found`,
  );
  return row?.found ?? false;
}

export type NewDesignation = {
  countyCode: string;
  id: string;
  siteId: string | null;
  regionCode: string;
  designation: string;
  designatedOn: string;
  authority: string;
  document: string;
  note: string | null;
  grantedBy: string;
  grantedByName: string;
  grantedAt: Date;
};

export async function insertDesignation(db: Db, row: NewDesignation): Promise<void> {
  await db.execute(sql`INSERT INTO facility_designations (county_code, id, site_id, region_code, designation,
      designated_on, authority, document, note, granted_by, granted_by_name, granted_at)
    VALUES (${row.countyCode}, ${row.id}, ${row.siteId}, ${row.regionCode}, ${row.designation}, ${row.designatedOn}::date,
      ${row.authority}, ${row.document}, ${row.note}, ${row.grantedBy}, ${row.grantedByName},
      ${row.grantedAt.toISOString()}::timestamptz)`);
}

export type NewRevocation = {
  countyCode: string;
  designationId: string;
  revokedOn: string;
  reason: string;
  document: string | null;
  revokedBy: string;
  revokedByName: string;
  revokedAt: Date;
};

/** Appends the revocation; false when the designation was already revoked. */
export async function insertRevocation(db: Db, row: NewRevocation): Promise<boolean> {
  const inserted = await rows<{ id: string }>(
    db,
    sql`INSERT INTO facility_designation_revocations (county_code, designation_id, revoked_on, reason, document,
          revoked_by, revoked_by_name, revoked_at)
        VALUES (${row.countyCode}, ${row.designationId}, ${row.revokedOn}::date, ${row.reason}, ${row.document},
          ${row.revokedBy}, ${row.revokedByName}, ${row.revokedAt.toISOString()}::timestamptz)
        ON CONFLICT DO NOTHING RETURNING designation_id AS id`,
  );
  return inserted.length === 1;
}
