import { createHash } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { CHECKSUM_TABLE_NAMES, checksumPage, type ChecksumTable } from './generator.repo.ts';

export type TableChecksum = { table: ChecksumTable; rows: number; checksum: string };

const PAGE_ROWS = 10_000;

/**
 * Per-table checksums of generated data over plaintext-equivalent columns (scale.md §2: the same
 * seed, scale and generator version give identical rows). Pages through each table by primary key,
 * so memory stays flat at any scale. Ciphertexts are left out: their nonces are random (ENC-1).
 */
export async function datasetChecksums(
  db: Db,
  options: { countyPrefix?: string; tables?: readonly ChecksumTable[] } = {},
): Promise<TableChecksum[]> {
  const results: TableChecksum[] = [];
  for (const table of options.tables ?? CHECKSUM_TABLE_NAMES) {
    const hash = createHash('sha256');
    let rows = 0;
    let after: string[] | null = null;
    for (;;) {
      const page = await checksumPage(db, table, { countyPrefix: options.countyPrefix, after }, PAGE_ROWS);
      if (page.rows === 0 || !page.digest) break;
      hash.update(page.digest);
      rows += page.rows;
      after = page.lastKey;
      if (page.rows < PAGE_ROWS) break;
    }
    results.push({ table, rows, checksum: hash.digest('hex').slice(0, 32) });
  }
  return results;
}
