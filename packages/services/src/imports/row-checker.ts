import { inAnyScope } from '@kangyang/domain/access';
import type { IsoDate } from '@kangyang/domain/units';
import type { Db } from '../db/database.ts';
import { existingRegionCodes } from '../elders/elder.repo.ts';
import type { ElderRowIn } from './elder-rows.ts';
import { checkRow, type CheckedRow } from './row-check.ts';

export type RowChecker = { check(rows: readonly ElderRowIn[]): Promise<CheckedRow[]> };

const fail = (row: CheckedRow, error: CheckedRow['errors'][number]): void => {
  if (!row.errors.some((item) => item.field === error.field)) row.errors.push(error);
};

/**
 * Checks rows batch by batch in file order: the row rules, then region existence (one query per
 * batch for codes not seen yet), the import's region scope, and duplicates inside the file (a
 * valid row whose ID number an earlier valid row already holds). Same file, same answers: the
 * validation and import passes, and a resumed run, all see the same rows as valid.
 */
export function createRowChecker(deps: { db: Db; today: IsoDate; scopes: readonly string[] }): RowChecker {
  const known = new Map<string, boolean>();
  const seen = new Set<string>();

  async function learnRegions(rows: readonly CheckedRow[]): Promise<void> {
    const unknown = new Set<string>();
    for (const row of rows) {
      for (const code of [row.residenceRegionCode, row.hukouRegionCode])
        if (code && !known.has(code)) unknown.add(code);
    }
    if (unknown.size === 0) return;
    const found = await existingRegionCodes(deps.db, [...unknown]);
    for (const code of unknown) known.set(code, found.has(code));
  }

  function checkRegions(row: CheckedRow): void {
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
      const checked = rows.map((row) => checkRow(row, deps.today));
      await learnRegions(checked);
      for (const row of checked) {
        checkRegions(row);
        if (row.errors.length === 0 && row.idNumber !== undefined) {
          if (seen.has(row.idNumber)) fail(row, { field: 'idNumber', code: 'ELDER_DUPLICATE', params: {} });
          else seen.add(row.idNumber);
        }
        if (row.errors.length > 0) row.body = undefined;
      }
      return checked;
    },
  };
}
