import { sql } from 'drizzle-orm';
import type { IsoDate } from '@kangyang/domain/units';
import { rows } from '../db/database.ts';
import type { Services } from '../services.ts';
import { uuidv7 } from '../ids.ts';
import { prepareNewElder } from '../elders/elder-input.ts';
import { BULK_BATCH_ROWS, insertEldersBulk } from '../elders/elder-bulk.repo.ts';
import type { ElderInsert } from '../elders/elder.repo.ts';
import { createRng } from './rng.ts';
import { syntheticElder, type Community } from './elders.ts';

type BoundaryRow = { code: string; name: string; boundary: { coordinates: number[][][] } | null };

async function communitiesOf(services: Services, countyCode: string): Promise<Community[]> {
  const found = await rows<BoundaryRow>(
    services.database.db,
    sql`SELECT code, name, boundary FROM regions WHERE level = 'community' AND code LIKE ${`${countyCode}%`} ORDER BY code`,
  );
  return found.map((row) => {
    const ring = row.boundary?.coordinates[0] ?? [[120.2, 30.25]];
    const lngs = ring.map((point) => point[0] ?? 0);
    const lats = ring.map((point) => point[1] ?? 0);
    return {
      code: row.code,
      name: row.name,
      box: { west: Math.min(...lngs), east: Math.max(...lngs), south: Math.min(...lats), north: Math.max(...lats) },
    };
  });
}

/** Streams `count` synthetic elders of a county into the registry in batches; deterministic per seed. */
export async function generateElders(
  services: Services,
  options: { count: number; seed: number; asOf: IsoDate; countyCode?: string },
): Promise<number> {
  const communities = await communitiesOf(services, options.countyCode ?? '330102');
  if (communities.length === 0) throw new Error('no communities to place elders in: load regions first');
  const rng = createRng(options.seed);
  const usedIds = new Set<string>();
  const now = services.clock.now();
  let inserted = 0;
  let batch: ElderInsert[] = [];
  const flush = async () => {
    inserted += (await insertEldersBulk(services.database.db, batch, now)).length;
    batch = [];
  };
  for (let serial = 0; serial < options.count; serial += 1) {
    const community = communities[serial % communities.length] ?? communities[0];
    if (!community) break;
    const body = syntheticElder(rng, community, serial, options.asOf, usedIds);
    const prepared = prepareNewElder(body, {
      id: uuidv7(now.getTime()),
      today: options.asOf,
      now,
      cipher: services.cipher,
      createdBy: null,
    });
    if (!prepared.ok)
      throw new Error(`generator made an invalid elder (${prepared.error.code} ${prepared.error.field})`);
    batch.push(prepared.value);
    if (batch.length >= BULK_BATCH_ROWS) await flush();
  }
  await flush();
  return inserted;
}
