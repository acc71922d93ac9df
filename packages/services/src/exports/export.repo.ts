import { and, asc, sql } from 'drizzle-orm';
import { elders } from '../db/schema/index.ts';
import type { Db } from '../db/database.ts';
import { conditions, type ElderQuery } from '../elders/elder.repo.ts';

/** Only masked and non-identifying columns leave the database for an export (ENC-3). */
const exportColumns = {
  id: elders.id,
  name: elders.name,
  idNumberMasked: elders.idNumberMasked,
  sex: elders.sex,
  birthDate: elders.birthDate,
  phoneMasked: elders.phoneMasked,
  hukouRegionCode: elders.hukouRegionCode,
  residenceRegionCode: elders.residenceRegionCode,
  address: elders.address,
  livingSituation: elders.livingSituation,
  categories: elders.categories,
  status: elders.status,
  contacts: elders.contacts,
};

export type ExportCursor = { residenceRegionCode: string; id: string };

/** One page of the filtered list in (residence region, id) order, after `cursor` (keyset paging: no OFFSET scans). */
export async function elderExportPage(db: Db, query: ElderQuery, cursor: ExportCursor | undefined, limit: number) {
  const after = cursor
    ? sql`(${elders.residenceRegionCode}, ${elders.id}) > (${cursor.residenceRegionCode}, ${cursor.id}::uuid)`
    : undefined;
  return db
    .select(exportColumns)
    .from(elders)
    .where(and(conditions(query), after))
    .orderBy(asc(elders.residenceRegionCode), asc(elders.id))
    .limit(limit);
}

export type ElderExportRow = Awaited<ReturnType<typeof elderExportPage>>[number];
