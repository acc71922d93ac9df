import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { actorWith } from '@kangyang/test-kit/actors';
import { buildElder } from '@kangyang/test-kit/builders';
import { rows } from '../db/database.ts';
import { demoDistrictRegions } from '../generator/regions-data.ts';
import { COMMUNITIES_PER_CHUNK, elderChunks } from './rollup-stage.repo.ts';

let context: TestContext;
const admin = actorWith('civilAffairsAdmin', '330102');
const communities = demoDistrictRegions(4).filter((region) => region.level === 'community');
const [commA = '', commB = '', commC = ''] = communities.map((region) => region.code);

/** Every published rollup and JSON row of the month in one statement (one consistent read), without refresh times. */
async function published(): Promise<string> {
  const [row] = await rows<{ state: string | null }>(
    context.database.db,
    sql`SELECT coalesce((SELECT string_agg(region_code || ' ' || measure || '=' || amount, ';' ORDER BY region_code, measure)
                          FROM indicator_rollups WHERE period = '2026-03'), '')
            || ' | ' ||
            coalesce((SELECT string_agg(region_code || ' ' || measures::text, ';' ORDER BY region_code)
                      FROM indicator_region_measures WHERE period = '2026-03'), '') AS state`,
  );
  return row?.state ?? '';
}

async function createElders(list: readonly (readonly [string, string])[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [region, birthDate] of list)
    ids.push((await context.services.elders.create(admin, buildElder({ residenceRegionCode: region, birthDate }))).id);
  return ids;
}

beforeAll(async () => {
  context = await openTestServices({ now: '2026-03-05T02:00:00.000Z' });
});

afterAll(async () => {
  await context.close();
});

describe('rollup refresh (KPI-1)', () => {
  it('cuts the elders into chunks at community codes that together cover every residence code', async () => {
    const chunks = await elderChunks(context.database.db);
    expect(chunks).toHaveLength(Math.ceil(communities.length / COMMUNITIES_PER_CHUNK));
    expect(
      chunks.map((chunk) => chunk.to ?? '').every((code) => code === '' || communities.some((c) => c.code === code)),
    ).toBe(true);
    expect(chunks[0]?.from).toBeUndefined();
    expect(chunks.at(-1)?.to).toBeUndefined();
    for (const [index, chunk] of chunks.entries()) if (index > 0) expect(chunk.from).toBe(chunks[index - 1]?.to);
  });

  it('publishes only the change, and readers see the old or the new figures, never a mix', async () => {
    const { services, database } = context;
    const [leaving = ''] = await createElders([
      [commB, '1950-07-07'],
      [commA, '1944-03-15'],
      [commA, '1930-05-01'],
    ]);
    await services.rollupRefresh.refresh('test', ['2026-03']);
    const before = await published();
    // one new community, one more elder where there were some, and commB's only elder leaves
    await createElders([
      [commC, '1940-01-01'],
      [commA, '1956-02-02'],
    ]);
    await database.db.execute(
      sql`UPDATE elders SET status = 'movedOut', status_date = '2026-03-01' WHERE id = ${leaving}::uuid`,
    );
    const seen: string[] = [];
    let done = false;
    const refreshed = services.rollupRefresh.refresh('test', ['2026-03']).finally(() => {
      done = true;
    });
    // a reader that, like a request arriving over the network, lets the event loop turn between reads
    while (!done) {
      seen.push(await published());
      await new Promise((resolve) => setImmediate(resolve));
    }
    await refreshed;
    const after = await published();

    expect(after).not.toBe(before);
    expect(after).toContain(commC);
    expect(after).not.toContain(`${commB} elders=`);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.filter((state) => state !== before && state !== after)).toEqual([]);

    // the change-only publish leaves exactly what a publish from nothing gives
    await database.db.execute(sql`DELETE FROM indicator_rollups WHERE period = '2026-03'`);
    await database.db.execute(sql`DELETE FROM indicator_region_measures WHERE period = '2026-03'`);
    await services.rollupRefresh.refresh('test', ['2026-03']);
    expect(await published()).toBe(after);
  });
});
