import { fork, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { GENERATOR_VERSION, SCALES, isScaleName, type ScaleName } from '@kangyang/services/generator/scales';
import { ensureDatasetDir, workingCopy, type Dataset } from './lib/datasets.ts';
import type { LoadResult, LoadRound } from './lib/load-driver.ts';
import type { ServerReady } from './api-read/server.ts';
import { median, percentile, round } from './lib/ab.ts';
import { commitOf, machineFacts, peakRssMiB } from './lib/machine.ts';
import { missedTargets, resultPath, writeResult, type BenchResult, type Metric } from './lib/results.ts';
import { once, serverCpu } from './lib/ipc.ts';

/**
 * `npm run bench -- api-read [--scale demo|city|toy] [--seed N]` (issue 3 item 10, scale.md §4):
 * an authenticated, scoped, audited, masked `GET /api/elders/{id}` of the real app against a bare
 * Fastify route running the same primary-key SELECT and answering the same JSON, in one server
 * process on one database; the load driver runs in its own process. Rounds alternate A B A B after
 * a warm-up; rates are medians of rounds, latencies pooled over all rounds of a side.
 */
const HERE = import.meta.dirname;
type Plan = { warmupMs: number; roundMs: number; rounds: number; concurrency: number };
const FULL: Plan = { warmupMs: 5000, roundMs: 5000, rounds: 5, concurrency: 8 };
const QUICK: Plan = { warmupMs: 300, roundMs: 700, rounds: 2, concurrency: 4 };
const TSX = ['--import', 'tsx'];

type Side = { label: 'ours' | 'bare'; port: number; paths: string[]; headers: Record<string, string> };
type SideResult = { rates: number[]; latencies: number[]; requests: number; seconds: number; cpuMicros: number };
const emptySide = (): SideResult => ({ rates: [], latencies: [], requests: 0, seconds: 0, cpuMicros: 0 });

async function login(port: number, username: string, password: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await response.json()) as { token?: string };
  if (!response.ok || !body.token) throw new Error(`login failed: ${response.status} ${JSON.stringify(body)}`);
  return body.token;
}

/** Both routes must answer the same JSON for the same elder, or the comparison means nothing. */
async function checkSameJson(ours: Side, bare: Side): Promise<void> {
  const read = async (side: Side) => {
    const response = await fetch(`http://127.0.0.1:${side.port}${side.paths[0] ?? ''}`, { headers: side.headers });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  const [left, right] = [await read(ours), await read(bare)];
  if (left.status !== 200 || !isDeepStrictEqual(left.body, right.body))
    throw new Error(`the two routes answer differently:\n${JSON.stringify(left)}\n${JSON.stringify(right)}`);
}

async function runRound(driver: ChildProcess, side: Side, durationMs: number, concurrency: number) {
  const message: LoadRound = {
    type: 'round',
    label: side.label,
    host: '127.0.0.1',
    port: side.port,
    paths: side.paths,
    headers: side.headers,
    durationMs,
    concurrency,
  };
  const reply = once<LoadResult>(driver, 'result');
  driver.send(message);
  const result = await reply;
  if (result.errors > 0)
    throw new Error(`${side.label}: ${result.errors} failed requests ${JSON.stringify(result.statuses)}`);
  return result;
}

/** Warm-up on both sides, then A B A B … rounds; also the server's CPU time per side. */
async function measure(
  driver: ChildProcess,
  server: ChildProcess,
  both: readonly [Side, Side],
  plan: Plan,
  only?: string,
) {
  const sides = both.filter((side) => only === undefined || side.label === only);
  for (const side of sides) await runRound(driver, side, plan.warmupMs, plan.concurrency);
  const results = new Map<string, SideResult>(both.map((side) => [side.label, emptySide()]));
  for (let index = 0; index < plan.rounds; index += 1) {
    for (const side of sides) {
      const cpuBefore = await serverCpu(server);
      const result = await runRound(driver, side, plan.roundMs, plan.concurrency);
      const cpuAfter = await serverCpu(server);
      const entry = results.get(side.label);
      if (!entry) continue;
      entry.rates.push(result.requests / (result.elapsedMs / 1000));
      entry.latencies.push(...result.latenciesMs);
      entry.requests += result.requests;
      entry.seconds += result.elapsedMs / 1000;
      entry.cpuMicros += cpuAfter - cpuBefore;
    }
  }
  return results;
}

function latencyMetrics(prefix: string, result: SideResult): Metric[] {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  return [
    { name: `${prefix}P50`, value: round(percentile(sorted, 0.5), 3), unit: 'ms' },
    { name: `${prefix}P95`, value: round(percentile(sorted, 0.95), 3), unit: 'ms' },
    { name: `${prefix}P99`, value: round(percentile(sorted, 0.99), 3), unit: 'ms' },
    { name: `${prefix}Samples`, value: result.requests, unit: 'requests' },
    { name: `${prefix}Seconds`, value: round(result.seconds, 1), unit: 's' },
    { name: `${prefix}ServerCpuPerRequest`, value: round(result.cpuMicros / 1000 / result.requests, 3), unit: 'ms' },
  ];
}

function metricsOf(ours: SideResult, bare: SideResult, rssMiB: number, dataset: Dataset): Metric[] {
  const oursRate = median(ours.rates);
  const bareRate = median(bare.rates);
  const ratio = round(oursRate / bareRate, 3);
  const metrics: Metric[] = [
    { name: 'apiReadRate', value: round(oursRate, 0), unit: 'req/s' },
    {
      name: 'apiReadVsBareRoute',
      value: ratio,
      unit: 'x',
      ratio,
      baseline: {
        name: 'bare Fastify route, same primary-key SELECT and JSON, same process and database',
        value: round(bareRate, 0),
        unit: 'req/s',
      },
      target: { op: '>=', value: 0.5 },
    },
    ...latencyMetrics('apiRead', ours),
    ...latencyMetrics('bareRoute', bare),
    {
      name: 'peakRssMiB',
      value: round(rssMiB, 0),
      unit: 'MiB',
      ...(dataset.scale === 'city' ? { target: { op: '<=' as const, value: 1536 } } : {}),
    },
  ];
  if (dataset.generatedSeconds !== undefined && dataset.scale === 'city')
    metrics.push({
      name: 'cityGenerationSeconds',
      value: dataset.generatedSeconds,
      unit: 's',
      target: { op: '<=', value: 900 },
    });
  return metrics;
}

async function startChildren(dataDir: string, scope: string, profile: boolean) {
  const profiling = profile
    ? ['--cpu-prof', `--cpu-prof-dir=${resolve(HERE, '..', 'artifacts', 'profiles', 'api-read')}`]
    : [];
  const server = fork(join(HERE, 'api-read/server.ts'), [dataDir, scope, 'info'], {
    execArgv: [...TSX, ...profiling],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ready = await once<ServerReady>(server, 'ready');
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
  const exited = new Promise((done) => server.once('exit', done));
  const { maxRssKiB } = await stopped;
  await exited;
  return Math.max(peak, maxRssKiB / 1024);
}

export async function runApiRead(argv: readonly string[]): Promise<BenchResult | undefined> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      scale: { type: 'string', default: 'demo' },
      seed: { type: 'string', default: '1' },
      profile: { type: 'boolean', default: false },
      only: { type: 'string' },
    },
  });
  const scale = values.scale ?? 'demo';
  if (!isScaleName(scale)) throw new Error(`unknown scale ${scale}`);
  const seed = Number(values.seed ?? '1');
  const plan = scale === 'toy' ? QUICK : FULL;
  const startedAt = new Date().toISOString();
  const dataset = await ensureDatasetDir(scale as ScaleName, seed);
  const work = workingCopy(dataset, 'api-read');
  const scope = SCALES[scale].regionPrefix;
  const { server, driver, ready } = await startChildren(work.dir, scope, values.profile === true);
  const loadBefore = loadavg()[0] ?? 0;
  try {
    const token = await login(ready.appPort, ready.username, ready.password);
    const ours: Side = {
      label: 'ours',
      port: ready.appPort,
      paths: ready.ids.map((id) => `/api/elders/${id}`),
      headers: { authorization: `Bearer ${token}` },
    };
    const bare: Side = {
      label: 'bare',
      port: ready.barePort,
      paths: ready.ids.map((id) => `/bare/elders/${id}`),
      headers: {},
    };
    await checkSameJson(ours, bare);
    const results = await measure(driver, server, [ours, bare], plan, values.only);
    const rss = await stopChildren(server, driver);
    if (values.only !== undefined) {
      const side = results.get(values.only) ?? emptySide();
      console.log(`profiling run (${values.only} only, nothing written):`, latencyMetrics(values.only, side));
      return undefined;
    }
    const metrics = metricsOf(results.get('ours') ?? emptySide(), results.get('bare') ?? emptySide(), rss, dataset);
    const result: BenchResult = {
      name: 'api-read',
      startedAt,
      commit: commitOf(),
      machine: machineFacts(),
      engine: { name: 'pglite', version: ready.engineVersion },
      dataset: {
        scale,
        seed,
        generatorVersion: GENERATOR_VERSION,
        counts: { elders: dataset.elders, sampledIds: ready.ids.length },
      },
      metrics,
      notes: `${plan.concurrency} keep-alive connections from a load-driver process on the same machine (it competes with the server for the ${machineFacts().cores} cores); ${plan.rounds} alternating rounds of ${plan.roundMs / 1000} s per side after ${plan.warmupMs / 1000} s warm-up each; server logs at info level; audit sealer running every second as in the server; 1-minute load average ${round(loadBefore, 1)} before and ${round(loadavg()[0] ?? 0, 1)} after the run (other work on the machine).`,
    };
    const file = resultPath('api-read', scale, 'demo');
    writeResult(file, result);
    const missed = missedTargets(metrics);
    console.log(
      `api-read (${scale}): ours ${metrics[0]?.value} req/s, ratio ${metrics[1]?.value}; written to ${file}${missed.length ? `; MISSED: ${missed.join(', ')}` : ''}`,
    );
    return result;
  } finally {
    if (server.exitCode === null) server.kill('SIGTERM');
    if (driver.exitCode === null) driver.kill('SIGTERM');
    work.dispose();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(HERE, 'api-read.ts')) {
  runApiRead(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
