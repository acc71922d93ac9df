import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { GENERATOR_VERSION, SCALES, isScaleName, type ScaleName } from '@kangyang/services/generator/scales';
import { ensureDatasetDir, workingCopy, type Dataset } from './lib/datasets.ts';
import type { LoadResult, LoadRound } from './lib/load-driver.ts';
import type { DashboardReady } from './dashboard/server.ts';
import { median, percentile, round } from './lib/ab.ts';
import { commitOf, machineFacts, peakRssMiB } from './lib/machine.ts';
import { missedTargets, resultPath, writeResult, type BenchResult, type Metric } from './lib/results.ts';
import { once } from './lib/ipc.ts';

/**
 * `npm run bench -- dashboard [--scale city|demo|toy] [--seed N]` (issue 7, scale.md §4): the plan
 * page and region overview endpoints of the real app (auth, scope, rollup reads) under 20
 * concurrent users against a bare Fastify route answering the same JSON, A B A B; then the p99 of
 * an elder lookup while the rollup refresh runs; the first refresh and a live GROUP BY over the raw
 * elders table are timed once for comparison.
 */
const HERE = import.meta.dirname;
type Plan = { warmupMs: number; roundMs: number; rounds: number; concurrency: number };
const FULL: Plan = { warmupMs: 3000, roundMs: 5000, rounds: 4, concurrency: 20 };
const QUICK: Plan = { warmupMs: 300, roundMs: 700, rounds: 2, concurrency: 20 };
const TSX = ['--import', 'tsx'];
const PROFILE_OF: Readonly<Record<ScaleName, string>> = { city: '000', demo: '001', toy: '001' };

/**
 * The cached dataset of a scale: the current cache key when present, else the newest cache of the
 * same scale and seed from an older schema (the server migrates its working copy forward), else
 * generated (scale.md §2).
 */
async function datasetFor(scale: ScaleName, seed: number): Promise<Dataset> {
  const cache = resolve(HERE, '..', 'artifacts', 'datasets');
  const prefix = `${scale}-seed${seed}-g`;
  const candidates = existsSync(cache)
    ? readdirSync(cache)
        .filter((name) => name.startsWith(prefix) && existsSync(join(cache, name, 'bench-dataset.json')))
        .map((name) => join(cache, name))
        .sort((left, right) => statSync(right).mtimeMs - statSync(left).mtimeMs)
    : [];
  const current = candidates.find((dir) => dir.includes(`-g${GENERATOR_VERSION}-`));
  const chosen = current ?? candidates[0];
  if (!chosen) return ensureDatasetDir(scale, seed);
  const manifest = JSON.parse(readFileSync(join(chosen, 'bench-dataset.json'), 'utf8')) as Dataset;
  return { ...manifest, dir: chosen, generatedSeconds: undefined };
}

type Side = { label: string; port: number; paths: string[]; headers: Record<string, string> };

async function runRound(driver: ChildProcess, side: Side, durationMs: number, concurrency: number) {
  const message: LoadRound = { type: 'round', host: '127.0.0.1', ...side, durationMs, concurrency };
  const reply = once<LoadResult>(driver, 'result');
  driver.send(message);
  const result = await reply;
  if (result.errors > 0) throw new Error(`${side.label}: ${result.errors} failed ${JSON.stringify(result.statuses)}`);
  return result;
}

type Pooled = { rates: number[]; latencies: number[]; requests: number };

async function alternateSides(driver: ChildProcess, sides: readonly Side[], plan: Plan): Promise<Map<string, Pooled>> {
  for (const side of sides) await runRound(driver, side, plan.warmupMs, plan.concurrency);
  const pooled = new Map<string, Pooled>(sides.map((side) => [side.label, { rates: [], latencies: [], requests: 0 }]));
  for (let index = 0; index < plan.rounds; index += 1)
    for (const side of sides) {
      const result = await runRound(driver, side, plan.roundMs, plan.concurrency);
      const entry = pooled.get(side.label);
      if (!entry) continue;
      entry.rates.push(result.requests / (result.elapsedMs / 1000));
      entry.latencies.push(...result.latenciesMs);
      entry.requests += result.requests;
    }
  return pooled;
}

/** Lookup latencies in short rounds while a refresh runs in the server, until it reports done. */
async function lookupDuringRefresh(driver: ChildProcess, server: ChildProcess, lookup: Side) {
  const done = once<{ seconds: number }>(server, 'refreshed');
  let finished: { seconds: number } | undefined;
  void done.then((value) => {
    finished = value;
  });
  server.send({ type: 'refresh' });
  const latencies: number[] = [];
  while (!finished) {
    const result = await runRound(driver, lookup, 1000, 4);
    latencies.push(...result.latenciesMs);
  }
  return { latencies, refreshSeconds: finished.seconds };
}

const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);

function latencyMetrics(prefix: string, latencies: readonly number[], p95Target?: number): Metric[] {
  const list = sorted(latencies);
  return [
    { name: `${prefix}P50`, value: round(percentile(list, 0.5), 3), unit: 'ms' },
    {
      name: `${prefix}P95`,
      value: round(percentile(list, 0.95), 3),
      unit: 'ms',
      ...(p95Target === undefined ? {} : { target: { op: '<=' as const, value: p95Target } }),
    },
    { name: `${prefix}P99`, value: round(percentile(list, 0.99), 3), unit: 'ms' },
    { name: `${prefix}Samples`, value: list.length, unit: 'requests' },
  ];
}

async function startChildren(dataDir: string, scope: string, profileId: string) {
  const server = fork(join(HERE, 'dashboard/server.ts'), [dataDir, scope, profileId, 'warn'], {
    execArgv: TSX,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ready = await once<DashboardReady>(server, 'ready');
  const driver = fork(join(HERE, 'lib/load-driver.ts'), [], {
    execArgv: TSX,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await once(driver, 'ready');
  return { server, driver, ready };
}

async function stopChildren(server: ChildProcess, driver: ChildProcess): Promise<number> {
  const peak = peakRssMiB(server.pid ?? -1) ?? 0;
  driver.send({ type: 'exit' });
  const stopped = once<{ maxRssKiB: number }>(server, 'stopped');
  server.send({ type: 'stop' });
  const { maxRssKiB } = await stopped;
  return Math.max(peak, maxRssKiB / 1024);
}

function metricsOf(
  ours: Pooled,
  bare: Pooled,
  quiet: LoadResult,
  busy: { latencies: number[]; refreshSeconds: number },
  ready: DashboardReady,
  rss: number,
): Metric[] {
  const oursRate = median(ours.rates);
  const bareRate = median(bare.rates);
  const ratio = round(oursRate / bareRate, 3);
  return [
    ...latencyMetrics('dashboard', ours.latencies, 150),
    { name: 'dashboardRate', value: round(oursRate, 0), unit: 'req/s' },
    {
      name: 'dashboardVsBareRoute',
      value: ratio,
      unit: 'x',
      ratio,
      baseline: {
        name: 'bare Fastify route answering the same JSON, same process',
        value: round(bareRate, 0),
        unit: 'req/s',
      },
    },
    ...latencyMetrics('bareRoute', bare.latencies),
    ...latencyMetrics('lookupQuiet', quiet.latenciesMs),
    ...latencyMetrics('lookupDuringRefresh', busy.latencies),
    { name: 'refreshSecondsUnderLoad', value: round(busy.refreshSeconds, 2), unit: 's' },
    { name: 'firstRefreshSeconds', value: round(ready.firstRefreshSeconds, 2), unit: 's' },
    { name: 'rollupRows', value: ready.rollupRows, unit: 'rows' },
    { name: 'liveGroupBySeconds', value: round(ready.liveGroupBySeconds, 3), unit: 's' },
    { name: 'peakRssMiB', value: round(rss, 0), unit: 'MiB', target: { op: '<=', value: 1536 } },
  ];
}

export async function runDashboard(argv: readonly string[]): Promise<BenchResult> {
  const { values } = parseArgs({
    args: [...argv],
    options: { scale: { type: 'string', default: 'city' }, seed: { type: 'string', default: '1' } },
  });
  const scale = values.scale ?? 'city';
  if (!isScaleName(scale)) throw new Error(`unknown scale ${scale}`);
  const seed = Number(values.seed ?? '1');
  const plan = scale === 'toy' ? QUICK : FULL;
  const startedAt = new Date().toISOString();
  const dataset = await datasetFor(scale, seed);
  const work = workingCopy(dataset, 'dashboard');
  const scope = SCALES[scale].regionPrefix;
  const { server, driver, ready } = await startChildren(work.dir, scope, PROFILE_OF[scale]);
  const loadBefore = loadavg()[0] ?? 0;
  try {
    const headers = { authorization: `Bearer ${ready.token}` };
    const ours: Side = { label: 'ours', port: ready.appPort, paths: ready.paths, headers };
    const bare: Side = {
      label: 'bare',
      port: ready.barePort,
      paths: ready.paths.map((_path, index) => `/bare/${index}`),
      headers: {},
    };
    const pooled = await alternateSides(driver, [ours, bare], plan);
    const lookup: Side = { label: 'lookup', port: ready.appPort, paths: ready.lookupPaths, headers };
    const quiet = await runRound(driver, lookup, plan.roundMs, 4);
    const busy = await lookupDuringRefresh(driver, server, lookup);
    const rss = await stopChildren(server, driver);
    const empty: Pooled = { rates: [], latencies: [], requests: 0 };
    const metrics = metricsOf(pooled.get('ours') ?? empty, pooled.get('bare') ?? empty, quiet, busy, ready, rss);
    const result: BenchResult = {
      name: 'dashboard',
      startedAt,
      commit: commitOf(),
      machine: machineFacts(),
      engine: { name: 'pglite', version: ready.engineVersion },
      dataset: {
        scale,
        seed,
        generatorVersion: dataset.generatorVersion,
        counts: { elders: dataset.elders, paths: ready.paths.length },
      },
      metrics,
      notes: `Plan ${PROFILE_OF[scale]} page, region overview and drill-down of ${scope} and four children (${ready.paths.length} paths, round-robin), ${plan.concurrency} keep-alive connections from a load-driver process on the same ${machineFacts().cores}-core machine; ${plan.rounds} alternating rounds of ${plan.roundMs / 1000} s per side after ${plan.warmupMs / 1000} s warm-up. Lookup = GET /api/elders/{id} with 4 connections, quiet and while a full rollup refresh of the current month runs in the same server process (PGlite: one connection, so the refresh's statements queue requests). Dataset ${dataset.dir.split('/').pop()} (migrated forward in a working copy). 1-minute load average ${round(loadBefore, 1)} before, ${round(loadavg()[0] ?? 0, 1)} after.`,
    };
    const file = resultPath('dashboard', scale, 'city');
    writeResult(file, result);
    const missed = missedTargets(metrics);
    console.log(
      `dashboard (${scale}): ${JSON.stringify(metrics.map((metric) => [metric.name, metric.value]))}; written to ${file}${missed.length ? `; MISSED: ${missed.join(', ')}` : ''}`,
    );
    return result;
  } finally {
    if (server.exitCode === null) server.kill('SIGTERM');
    if (driver.exitCode === null) driver.kill('SIGTERM');
    work.dispose();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(HERE, 'dashboard.ts')) {
  runDashboard(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
