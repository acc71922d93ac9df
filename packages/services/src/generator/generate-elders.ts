import type { IsoDate } from '@kangyang/domain/units';
import type { Services } from '../services.ts';
import { prepareNewElder } from '../elders/elder-input.ts';
import { BULK_BATCH_ROWS, insertEldersBulk } from '../elders/elder-bulk.repo.ts';
import type { ElderInsert } from '../elders/elder.repo.ts';
import { createRng, type Rng } from './rng.ts';
import { ageBandsOn, syntheticElder, type Community } from './elders.ts';
import { createIdSequencer } from './id-sequencer.ts';
import { seededUuidv7 } from './seeded-id.ts';
import { boxOf, outerRingOf } from './polygon.ts';
import { communityRows } from './generator.repo.ts';
import type { ScaleSpec } from './scales.ts';

export type ElderGenerationStats = { inserted: number; generateMs: number; insertMs: number };
export type GenerationProgress = (done: number, total: number) => void;

/** The instant generated rows are stamped with: midnight of the as-of day in Asia/Shanghai. */
export const asOfInstant = (asOf: IsoDate): Date => new Date(`${asOf}T00:00:00+08:00`);

async function communitiesOf(services: Services, scale: ScaleSpec): Promise<Community[]> {
  const found = await communityRows(services.database.db, scale.regionPrefix);
  return found.map((row) => {
    const ring = outerRingOf(row.boundary);
    if (!ring) throw new Error(`community ${row.code} has no polygon boundary`);
    return {
      code: row.code,
      name: row.name,
      ring,
      box: boxOf(ring),
      hukou: scale.householdsOf(row.code),
      idAddressOf: scale.idAddressOf,
      phoneBlock: scale.phoneBlock,
    };
  });
}

/** Elders per community: uneven sizes (weights 0.4–1.6) summing exactly to `total` (largest remainder). */
export function allocate(rng: Rng, communities: number, total: number): number[] {
  const weights = Array.from({ length: communities }, () => 0.4 + rng.next() * 1.2);
  const sum = weights.reduce((left, right) => left + right, 0);
  const exact = weights.map((weight) => (weight / sum) * total);
  const counts = exact.map(Math.floor);
  const order = exact.map((value, index) => [value - Math.floor(value), index] as const).sort((a, b) => b[0] - a[0]);
  const missing = total - counts.reduce((left, right) => left + right, 0);
  for (let extra = 0; extra < missing; extra += 1) {
    const index = order[extra % order.length]?.[1] ?? 0;
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts;
}

/**
 * Streams `count` synthetic elders of a scale into the registry in batches of ≤ 5,000, deterministic
 * per seed: ids from (seed, scale stream, serial), every value from the seeded PRNG, timestamps from
 * the as-of day. Only ciphertexts differ between runs (random nonces). A re-run adds nothing: the
 * blind-index claim skips ID numbers already present, so a killed run completes when run again.
 */
export async function generateElders(
  services: Services,
  options: { scale: ScaleSpec; count: number; seed: number; asOf: IsoDate; onProgress?: GenerationProgress },
): Promise<ElderGenerationStats> {
  const { scale, seed, asOf } = options;
  const communities = await communitiesOf(services, scale);
  if (communities.length === 0) throw new Error('no communities to place elders in: load regions first');
  const rng = createRng(seed);
  const counts = allocate(rng, communities.length, options.count);
  const context = { serial: 0, asOf, ids: createIdSequencer(), ageBands: ageBandsOn(asOf) };
  const now = asOfInstant(asOf);
  const stats: ElderGenerationStats = { inserted: 0, generateMs: 0, insertMs: 0 };
  let batch: ElderInsert[] = [];
  let started = performance.now();
  const flush = async () => {
    if (batch.length === 0) return;
    const inserting = performance.now();
    stats.generateMs += inserting - started;
    stats.inserted += (await insertEldersBulk(services.database.db, batch, now)).length;
    started = performance.now();
    stats.insertMs += started - inserting;
    batch = [];
    options.onProgress?.(context.serial, options.count);
  };
  for (const [index, community] of communities.entries()) {
    for (let member = 0; member < (counts[index] ?? 0); member += 1) {
      const body = syntheticElder(rng, community, context);
      const id = seededUuidv7(seed, scale.stream, context.serial, now.getTime());
      const prepared = prepareNewElder(body, { id, today: asOf, now, cipher: services.cipher, createdBy: null });
      if (!prepared.ok)
        throw new Error(`generator made an invalid elder (${prepared.error.code} ${prepared.error.field})`);
      batch.push(prepared.value);
      context.serial += 1;
      if (batch.length >= BULK_BATCH_ROWS) await flush();
    }
  }
  await flush();
  return stats;
}
