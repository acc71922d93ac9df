import { parseArgs } from 'node:util';
import {
  buildSpatialGrid,
  computeCoverage,
  computeCoverageBruteForce,
  DEFAULT_SERVICE_CIRCLE_METRES,
  type ElderPoints,
} from '@kangyang/domain/service-circle';
import { allocate } from '@kangyang/services/generator/generate-elders';
import { boxOf, outerRingOf, pointInRing } from '@kangyang/services/generator/polygon';
import { createRng } from '@kangyang/services/generator/rng';
import { GENERATOR_VERSION, SCALES, type ScaleName } from '@kangyang/services/generator/scales';
import {
  SITES_PER_COMMUNITY,
  layoutServiceSites,
  type SiteCommunity,
} from '@kangyang/services/generator/service-sites';
import { alternate, round } from './lib/ab.ts';
import { commitOf, machineFacts, ownPeakRssMiB } from './lib/machine.ts';
import { missedTargets, resultPath, writeResult, type BenchResult, type Metric } from './lib/results.ts';

/**
 * `npm run bench -- coverage [--scale city|demo|toy] [--seed N] [--rounds N]` (issue 6, scale.md §4):
 * the 15-minute-circle coverage of every elder of a scale by its service sites, per community, with the
 * spatial grid of `domain/service-circle` (build + query, what the nightly rollup job runs), against a
 * brute-force scan of every site for a 1 % sample of elders (every 100th), extrapolated to all elders.
 * The sample's answers must equal the grid's for the same elders, or the run fails.
 *
 * Data: the scale's own communities and polygons (the generator's region layout), elders allocated per
 * community and placed by rejection sampling inside the polygons (2 % without a point), as the
 * generator does, and sites from the generator's site layout; all in memory, so the run measures the
 * computation that the coverage service performs after loading points (loading is the database's).
 */
const SAMPLE_EVERY = 100;

type Fixture = { points: ElderPoints; sites: { lat: number; lng: number }[]; communities: number; generateMs: number };

function communitiesOf(scale: ScaleName): SiteCommunity[] {
  const spec = SCALES[scale];
  return spec
    .regions()
    .filter((row) => row.level === 'community' && row.code.startsWith(spec.regionPrefix))
    .flatMap((row) => {
      const ring = outerRingOf(row.boundary);
      return ring ? [{ code: row.code, name: row.name, ring, box: boxOf(ring) }] : [];
    })
    .sort((left, right) => left.code.localeCompare(right.code));
}

function fixtureOf(scale: ScaleName, seed: number): Fixture {
  const started = performance.now();
  const communities = communitiesOf(scale);
  const rng = createRng(seed);
  const counts = allocate(rng, communities.length, SCALES[scale].elders);
  const total = counts.reduce((sum, count) => sum + count, 0);
  const points: ElderPoints = {
    communities: communities.map((community) => community.code),
    community: new Int32Array(total),
    lat: new Float64Array(total),
    lng: new Float64Array(total),
  };
  let row = 0;
  communities.forEach((community, index) => {
    const { box, ring } = community;
    for (let member = 0; member < (counts[index] ?? 0); member += 1, row += 1) {
      points.community[row] = index;
      points.lat[row] = Number.NaN;
      points.lng[row] = Number.NaN;
      if (rng.chance(0.02)) continue;
      for (let attempt = 0; attempt < 64; attempt += 1) {
        const lng = box.west + rng.next() * (box.east - box.west);
        const lat = box.south + rng.next() * (box.north - box.south);
        if (!pointInRing([lng, lat], ring)) continue;
        points.lat[row] = lat;
        points.lng[row] = lng;
        break;
      }
    }
  });
  const sites = layoutServiceSites(createRng(seed + 1), communities, {
    seed,
    perCommunity: SITES_PER_COMMUNITY[scale] ?? 0.5,
    baseMs: Date.UTC(2026, 9, 31),
    asOfYear: 2026,
  });
  return { points, sites, communities: communities.length, generateMs: performance.now() - started };
}

function sampleOf(points: ElderPoints): { sample: ElderPoints; rows: number[] } {
  const rows = Array.from(
    { length: Math.ceil(points.community.length / SAMPLE_EVERY) },
    (_, index) => index * SAMPLE_EVERY,
  );
  return {
    rows,
    sample: {
      communities: points.communities,
      community: Int32Array.from(rows, (row) => points.community[row] ?? 0),
      lat: Float64Array.from(rows, (row) => points.lat[row] ?? Number.NaN),
      lng: Float64Array.from(rows, (row) => points.lng[row] ?? Number.NaN),
    },
  };
}

export async function runCoverage(argv: readonly string[]): Promise<BenchResult> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      scale: { type: 'string', default: 'city' },
      seed: { type: 'string', default: '1' },
      rounds: { type: 'string', default: '5' },
    },
  });
  const scale = values.scale as ScaleName;
  if (!(scale in SCALES)) throw new Error(`unknown scale ${scale}`);
  const seed = Number(values.seed);
  const rounds = Math.max(1, Number(values.rounds));
  const metres = DEFAULT_SERVICE_CIRCLE_METRES;
  const startedAt = new Date().toISOString();
  const fixture = fixtureOf(scale, seed);
  const { points, sites } = fixture;
  const { sample, rows } = sampleOf(points);
  console.error(
    `coverage: ${points.community.length} elders, ${sites.length} sites, ${fixture.communities} communities (${round(fixture.generateMs / 1000)} s to make)`,
  );

  let ours: ReturnType<typeof computeCoverage> | undefined;
  let brute: ReturnType<typeof computeCoverageBruteForce> | undefined;
  const buildMs: number[] = [];
  computeCoverage(sample, buildSpatialGrid(sites, metres), metres); // warm-up (JIT)
  const timing = await alternate(
    rounds,
    async () => {
      const started = performance.now();
      const grid = buildSpatialGrid(sites, metres);
      buildMs.push(performance.now() - started);
      ours = computeCoverage(points, grid, metres);
      return (performance.now() - started) / 1000;
    },
    async () => {
      const started = performance.now();
      brute = computeCoverageBruteForce(sample, sites, metres);
      return (performance.now() - started) / 1000;
    },
  );
  if (!ours || !brute) throw new Error('no rounds ran');
  const mismatches = rows.filter((row, index) => ours?.covered[row] !== brute?.covered[index]).length;
  if (mismatches > 0)
    throw new Error(`grid and brute force disagree on ${mismatches} of ${rows.length} sampled elders`);
  const located = ours.byCommunity.reduce((sum, row) => sum + row.located, 0);
  const covered = ours.byCommunity.reduce((sum, row) => sum + row.covered, 0);
  const extrapolated = timing.baselineMedian * (points.community.length / rows.length);
  const ratio = round(timing.oursMedian / extrapolated, 5);
  const metrics: Metric[] = [
    { name: 'coverageSeconds', value: round(timing.oursMedian, 3), unit: 's', target: { op: '<=', value: 1 } },
    {
      name: 'coverageVsBruteForce',
      value: ratio,
      unit: 'x',
      ratio,
      baseline: {
        name: `brute force (every elder × every site, haversine) on a 1 % sample (${rows.length} elders), extrapolated ×${round(points.community.length / rows.length, 1)}`,
        value: round(extrapolated, 2),
        unit: 's',
      },
      target: { op: '<', value: 1 },
    },
    { name: 'bruteForceSampleSeconds', value: round(timing.baselineMedian, 3), unit: 's' },
    {
      name: 'gridBuildMs',
      value: round(buildMs.sort((a, b) => a - b)[Math.floor(buildMs.length / 2)] ?? 0, 2),
      unit: 'ms',
    },
    { name: 'sampleMismatches', value: mismatches, unit: 'elders', target: { op: '<=', value: 0 } },
    { name: 'coveredShare', value: round((covered * 100) / Math.max(1, located), 2), unit: '%' },
    { name: 'fixtureSeconds', value: round(fixture.generateMs / 1000, 2), unit: 's' },
    { name: 'peakRssMiB', value: round(ownPeakRssMiB(), 0), unit: 'MiB', target: { op: '<=', value: 1536 } },
  ];
  const result: BenchResult = {
    name: 'coverage',
    startedAt,
    commit: commitOf(),
    machine: machineFacts(),
    engine: { name: 'none (in-memory, pure domain)', version: `node ${process.versions.node}` },
    dataset: {
      scale,
      seed,
      generatorVersion: GENERATOR_VERSION,
      counts: { elders: points.community.length, located, sites: sites.length, communities: fixture.communities },
    },
    metrics,
    notes: `${metres} m circle (15 min × ≈67 m/min, GB 50180-2018); ours = grid build + query of all elders, median of ${rounds} rounds alternating with the baseline; one process, 2 cores shared with other engineers' work; elder points made in memory like the generator's (not read from the database)`,
  };
  writeResult(resultPath('coverage', scale, 'city'), result);
  const missed = missedTargets(metrics);
  console.log(JSON.stringify(result.metrics, null, 1));
  if (missed.length > 0) console.error(`missed targets: ${missed.join(', ')}`);
  return result;
}
