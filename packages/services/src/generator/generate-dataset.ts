import type { IsoDate } from '@kangyang/domain/units';
import { systemActor } from '../actor.ts';
import type { Services } from '../services.ts';
import { upsertRegions } from '../regions/region.repo.ts';
import { asOfInstant, generateElders, type GenerationProgress } from './generate-elders.ts';
import { countElders, readSetting, writeSetting } from './generator.repo.ts';
import { generateCommunityServices } from './generate-community-services.ts';
import { generateFacilities } from './generate-facilities.ts';
import { generateHomeCare } from './generate-home-care.ts';
import { generateCityAssessments } from './city-assessments.ts';
import { DEFAULT_AS_OF, GENERATOR_VERSION, SCALES, type ScaleName } from './scales.ts';

export type DatasetMarker = { scale: ScaleName; seed: number; asOf: IsoDate; generatorVersion: string; elders: number };

export type DatasetResult = DatasetMarker & {
  regions: number;
  seconds: {
    regions: number;
    elders: number;
    generate: number;
    insert: number;
    /** Issue 6 providers, workers and the order and visit history. */
    homeCare: number;
    analyze: number;
    total: number;
  };
};

export const DATASET_MARKER = 'generatedDataset';

const seconds = (milliseconds: number): number => Math.round(milliseconds) / 1000;

/**
 * Generates one scale into the database (scale.md §2): its regions, then its elders streamed in
 * batches, then statistics. Modules add their tables here as further steps, at every scale. The
 * result names the seed, as-of day and generator version, so the same call gives the same rows.
 */
export async function generateDataset(
  services: Services,
  options: { scale: ScaleName; seed: number; asOf?: IsoDate; elders?: number; onProgress?: GenerationProgress },
): Promise<DatasetResult> {
  const scale = SCALES[options.scale];
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  const { db } = services.database;
  const started = performance.now();
  const regionRows = scale.regions();
  await upsertRegions(db, regionRows);
  const regionsDone = performance.now();
  const stats = await generateElders(services, {
    scale,
    count: options.elders ?? scale.elders,
    seed: options.seed,
    asOf,
    onProgress: options.onProgress,
  });
  const eldersDone = performance.now();
  await generateCommunityServices(services, { scale, seed: options.seed, asOf });
  await generateFacilities(services, { seed: options.seed, asOf, regionPrefix: scale.regionPrefix });
  const homeCareStarted = performance.now();
  await generateHomeCare(services, { scale, seed: options.seed, asOf });
  const homeCareMs = performance.now() - homeCareStarted;
  // the demo district's histories come with its accounts (seed-demo.ts); the city's are set-based
  if (scale.name === 'city') {
    await generateCityAssessments(services, { seed: options.seed, asOf, regionPrefix: scale.regionPrefix });
  }
  await services.database.exec('ANALYZE elders, elder_identities, regions');
  const marker: DatasetMarker = {
    scale: scale.name,
    seed: options.seed,
    asOf,
    generatorVersion: GENERATOR_VERSION,
    elders: await countElders(db, scale.regionPrefix),
  };
  await writeSetting(db, DATASET_MARKER, marker, asOfInstant(asOf));
  await services.audit.record(systemActor(), {
    action: 'generator.seed',
    resourceType: 'dataset',
    details: { ...marker, inserted: stats.inserted },
  });
  const finished = performance.now();
  return {
    ...marker,
    regions: regionRows.length,
    seconds: {
      regions: seconds(regionsDone - started),
      elders: seconds(eldersDone - regionsDone),
      generate: seconds(stats.generateMs),
      insert: seconds(stats.insertMs),
      homeCare: seconds(homeCareMs),
      analyze: seconds(finished - eldersDone),
      total: seconds(finished - started),
    },
  };
}

export const datasetMarkerOf = (services: Services): Promise<DatasetMarker | undefined> =>
  readSetting<DatasetMarker>(services.database.db, DATASET_MARKER);
