import { inAnyScope } from '@kangyang/domain/access';
import type { Db } from '../db/database.ts';
import { existingRegionCodes } from '../elders/elder.repo.ts';
import type { RowError } from './row-check.ts';
import type { SourceRow } from './row-source.ts';

export type RowChecker = { check(rows: readonly SourceRow[]): Promise<void> };

const fail = (row: SourceRow, error: RowError): void => {
  if (!row.errors.some((item) => item.field === error.field)) row.errors.push(error);
  row.valid = false;
};

/**
 * The database side of the row checks, batch by batch in file order: region existence (one query
 * per batch for codes not seen yet), the import's region scope, and duplicates inside the file (a
 * valid row whose ID number an earlier valid row already holds). Same file, same answers: the
 * validation and import passes, and a resumed run, all see the same rows as valid.
 */
export function createRowChecker(deps: { db: Db; scopes: readonly string[] }): RowChecker {
  const known = new Map<string, boolean>();
  const seen = new Set<string>();

  async function learnRegions(rows: readonly SourceRow[]): Promise<void> {
    const unknown = new Set<string>();
    for (const row of rows) {
      for (const code of [row.residenceRegionCode, row.hukouRegionCode])
        if (code && !known.has(code)) unknown.add(code);
    }
    if (unknown.size === 0) return;
    const found = await existingRegionCodes(deps.db, [...unknown]);
    for (const code of unknown) known.set(code, found.has(code));
  }

  function checkRegions(row: SourceRow): void {
    const residence = row.residenceRegionCode;
    if (residence !== undefined) {
      if (residence.length < 6 || !known.get(residence))
        fail(row, { field: 'residenceRegionCode', code: 'REGION_UNKNOWN', params: { code: residence } });
      else if (!inAnyScope(residence, deps.scopes))
        fail(row, { field: 'residenceRegionCode', code: 'REGION_OUT_OF_SCOPE', params: {} });
    }
    const hukou = row.hukouRegionCode;
    if (hukou !== undefined && !known.get(hukou))
      fail(row, { field: 'hukouRegionCode', code: 'REGION_UNKNOWN', params: { code: hukou } });
  }

  return {
    async check(rows) {
      await learnRegions(rows);
      for (const row of rows) {
        checkRegions(row);
        if (!row.valid || row.idNumber === undefined) continue;
        if (seen.has(row.idNumber)) fail(row, { field: 'idNumber', code: 'ELDER_DUPLICATE', params: {} });
        else seen.add(row.idNumber);
      }
    },
  };
}
