import { afterAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { generateDataset } from './generate-dataset.ts';
import { datasetChecksums } from './dataset-checksum.ts';
import { rows } from '../db/database.ts';
import { sql } from 'drizzle-orm';

const opened: TestContext[] = [];
afterAll(async () => {
  for (const context of opened) await context.close();
});

/** A fresh database with one generated dataset; regions come from the generator itself. */
async function generated(seed: number, elders?: number) {
  const context = await openTestServices({ regions: false });
  opened.push(context);
  const result = await generateDataset(context.services, { scale: 'toy', seed, ...(elders ? { elders } : {}) });
  return { context, result, checksums: await datasetChecksums(context.database.db) };
}

type CipherRow = { id: string; id_number_cipher: string };
const ciphers = (context: TestContext) =>
  rows<CipherRow>(context.database.db, sql`SELECT id, id_number_cipher FROM elders ORDER BY id LIMIT 20`);

describe('generator determinism (scale.md §2: same seed, scale and version give identical rows)', () => {
  it('generates the toy set twice into two fresh databases with identical per-table checksums', async () => {
    const first = await generated(1);
    const second = await generated(1);
    expect(first.result.elders).toBe(600);
    expect(first.checksums.map((table) => table.rows)).toEqual([600, 600, first.result.regions]);
    expect(second.checksums).toEqual(first.checksums);

    // ENC-1: ciphertexts use fresh random nonces, so they differ while the plaintext is the same
    const [left, right] = [await ciphers(first.context), await ciphers(second.context)];
    expect(right.map((row) => row.id)).toEqual(left.map((row) => row.id));
    expect(right[0]?.id_number_cipher).not.toBe(left[0]?.id_number_cipher);
    const decrypt = (context: TestContext, row: CipherRow | undefined) =>
      context.services.cipher.decrypt(row?.id_number_cipher ?? '', {
        table: 'elders',
        column: 'id_number',
        recordId: row?.id ?? '',
      });
    expect(decrypt(second.context, right[0])).toBe(decrypt(first.context, left[0]));
  });

  it('gives other rows for another seed, and a re-run of the same seed adds nothing', async () => {
    const other = await generated(2, 300);
    const reference = await generated(1, 300);
    const byTable = (list: typeof other.checksums) => Object.fromEntries(list.map((table) => [table.table, table]));
    expect(byTable(other.checksums).elders?.checksum).not.toBe(byTable(reference.checksums).elders?.checksum);
    expect(byTable(other.checksums).regions).toEqual(byTable(reference.checksums).regions);

    const again = await generateDataset(reference.context.services, { scale: 'toy', seed: 1, elders: 300 });
    expect(again.elders).toBe(300);
    expect(await datasetChecksums(reference.context.database.db)).toEqual(reference.checksums);
  });
});
