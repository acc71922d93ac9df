import { fork, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { DEFAULT_ASSESSMENT_SETTINGS, scoreByCode } from '@kangyang/domain/assessment';
import { GENERATOR_VERSION } from '@kangyang/services/generator/scales';
import { alternate, median, percentile, round } from './lib/ab.ts';
import { commitOf, machineFacts, peakRssMiB } from './lib/machine.ts';
import { missedTargets, resultPath, writeResult, type BenchResult, type Metric } from './lib/results.ts';
import { scoreBodies, type ScoreBody } from './assessment-score/bodies.ts';
import type { LoadResult, LoadRound } from './lib/load-driver.ts';
import type { ServerReady } from './assessment-score/server.ts';
import { once, serverCpu } from './lib/ipc.ts';

/**
 * `npm run bench -- assessment-score [--scale demo|toy] [--seed N]` (issue 4, scale.md §4):
 * scorings per second of the pure `scoreByCode`, and `POST /api/assessments/score` of the real app
 * (authenticated, validated, scored, serialised) against a bare Fastify route in the same server
 * process that parses the same body and answers the same JSON. The load driver runs in its own
 * process; rounds alternate A B A B after a warm-up; rates are medians of rounds.
 */
const HERE = import.meta.dirname;
const TSX = ['--import', 'tsx'];
type Plan = { pureMs: number; warmupMs: number; roundMs: number; rounds: number; concurrency: number; bodies: number };
const FULL: Plan = { pureMs: 5000, warmupMs: 5000, roundMs: 5000, rounds: 5, concurrency: 8, bodies: 256 };
const QUICK: Plan = { pureMs: 300, warmupMs: 300, roundMs: 700, rounds: 2, concurrency: 4, bodies: 32 };

type SideResult = { rates: number[]; latencies: number[]; requests: number; cpuMicros: number };
const emptySide = (): SideResult => ({ rates: [], latencies: [], requests: 0, cpuMicros: 0 });

/** Scorings per second of the pure function over the bench bodies (one process, no I/O). */
function pureRate(bodies: readonly ScoreBody[], durationMs: number): number {
  const run = (ms: number) => {
    let count = 0;
    const started = performance.now();
    while (performance.now() - started < ms) {
      for (const body of bodies) {
        const scored = scoreByCode(body.instrument, body.answers, body.flags, DEFAULT_ASSESSMENT_SETTINGS);
        if (!scored.ok) throw new Error(`bench body does not score: ${scored.error.code}`);
      }
      count += bodies.length;
    }
    return count / ((performance.now() - started) / 1000);
  };
  run(Math.min(1000, durationMs));
  return median([run(durationMs), run(durationMs), run(durationMs)]);
}

async function post(port: number, path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

/** Both routes must answer the same JSON for every body, or the comparison means nothing. */
async function checkSameJson(ready: ServerReady, token: string, bodies: readonly ScoreBody[]): Promise<void> {
  for (const body of bodies) {
    const ours = await post(ready.appPort, '/api/assessments/score', body, { authorization: `Bearer ${token}` });
    const bare = await post(ready.barePort, '/bare/score', body);
    if (ours.status !== 200 || !isDeepStrictEqual(ours.body, bare.body))
      throw new Error(`the two routes answer differently:\n${JSON.stringify(ours)}\n${JSON.stringify(bare)}`);
  }
}

async function measure(
  driver: ChildProcess,
  server: ChildProcess,
  rounds: readonly [LoadRound, LoadRound],
  plan: Plan,
) {
  const runRound = async (round: LoadRound, durationMs: number, into?: SideResult) => {
    const before = await serverCpu(server);
    const reply = once<LoadResult>(driver, 'result');
    driver.send({ ...round, durationMs });
    const result = await reply;
    if (result.errors > 0)
      throw new Error(`${round.label}: ${result.errors} failed ${JSON.stringify(result.statuses)}`);
    const rate = result.requests / (result.elapsedMs / 1000);
    if (into) {
      into.rates.push(rate);
      into.latencies.push(...result.latenciesMs);
      into.requests += result.requests;
      into.cpuMicros += (await serverCpu(server)) - before;
    }
    return rate;
  };
  const [ours, bare] = rounds;
  await runRound(ours, plan.warmupMs);
  await runRound(bare, plan.warmupMs);
  const sides = { ours: emptySide(), bare: emptySide() };
  await alternate(
    plan.rounds,
    () => runRound(ours, plan.roundMs, sides.ours),
    () => runRound(bare, plan.roundMs, sides.bare),
  );
  return sides;
}

function latencyMetrics(prefix: string, side: SideResult): Metric[] {
  const sorted = [...side.latencies].sort((left, right) => left - right);
  return [
    { name: `${prefix}P50`, value: round(percentile(sorted, 0.5), 3), unit: 'ms' },
    { name: `${prefix}P95`, value: round(percentile(sorted, 0.95), 3), unit: 'ms' },
    { name: `${prefix}P99`, value: round(percentile(sorted, 0.99), 3), unit: 'ms' },
    { name: `${prefix}Samples`, value: side.requests, unit: 'requests' },
    {
      name: `${prefix}ServerCpuPerRequest`,
      value: round(side.cpuMicros / 1000 / Math.max(1, side.requests), 4),
      unit: 'ms',
    },
  ];
}

function metricsOf(pure: number, ours: SideResult, bare: SideResult, rssMiB: number): Metric[] {
  const oursRate = median(ours.rates);
  const bareRate = median(bare.rates);
  const ratio = round(oursRate / bareRate, 3);
  return [
    { name: 'pureScoreRate', value: round(pure, 0), unit: 'scorings/s' },
    { name: 'scoreEndpointRate', value: round(oursRate, 0), unit: 'req/s' },
    {
      name: 'scoreEndpointVsBareRoute',
      value: ratio,
      unit: 'x',
      ratio,
      baseline: {
        name: 'bare Fastify route parsing the same body and answering the same JSON, same process',
        value: round(bareRate, 0),
        unit: 'req/s',
      },
      target: { op: '>=', value: 0.5 },
    },
    ...latencyMetrics('scoreEndpoint', ours),
    ...latencyMetrics('bareRoute', bare),
    { name: 'peakRssMiB', value: round(rssMiB, 0), unit: 'MiB' },
  ];
}

async function startChildren(seed: number, plan: Plan, profile: boolean) {
  const profiling = profile
    ? ['--cpu-prof', `--cpu-prof-dir=${resolve(HERE, '..', 'artifacts', 'profiles', 'assessment-score')}`]
    : [];
  const server = fork(join(HERE, 'assessment-score/server.ts'), [String(seed), String(plan.bodies), 'info'], {
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

async function login(ready: ServerReady): Promise<string> {
  const reply = await post(ready.appPort, '/api/auth/login', { username: ready.username, password: ready.password });
  const token = (reply.body as { token?: string }).token;
  if (reply.status !== 200 || !token) throw new Error(`login failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return token;
}

async function stopChildren(server: ChildProcess, driver: ChildProcess): Promise<number> {
  const peak = peakRssMiB(server.pid ?? -1) ?? 0;
  driver.send({ type: 'exit' });
  const stopped = once<{ maxRssKiB: number }>(server, 'stopped');
  const exited = new Promise((done) => server.once('exit', done));
  server.send({ type: 'stop' });
  const { maxRssKiB } = await stopped;
  await exited;
  return Math.max(peak, maxRssKiB / 1024);
}

export async function runAssessmentScore(argv: readonly string[]): Promise<BenchResult> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      scale: { type: 'string', default: 'demo' },
      seed: { type: 'string', default: '1' },
      profile: { type: 'boolean', default: false },
    },
  });
  const scale = values.scale === 'toy' ? 'toy' : 'demo';
  const seed = Number(values.seed ?? '1');
  const plan = scale === 'toy' ? QUICK : FULL;
  const startedAt = new Date().toISOString();
  const bodies = scoreBodies(seed, plan.bodies);
  const pure = pureRate(bodies, plan.pureMs);
  const { server, driver, ready } = await startChildren(seed, plan, values.profile === true);
  const loadBefore = loadavg()[0] ?? 0;
  try {
    const token = await login(ready);
    await checkSameJson(ready, token, bodies);
    const texts = bodies.map((body) => JSON.stringify(body));
    const base = {
      type: 'round' as const,
      host: '127.0.0.1',
      bodies: texts,
      durationMs: 0,
      concurrency: plan.concurrency,
    };
    const sides = await measure(
      driver,
      server,
      [
        {
          ...base,
          label: 'ours',
          port: ready.appPort,
          paths: ['/api/assessments/score'],
          headers: { authorization: `Bearer ${token}` },
        },
        { ...base, label: 'bare', port: ready.barePort, paths: ['/bare/score'], headers: {} },
      ],
      plan,
    );
    const metrics = metricsOf(pure, sides.ours, sides.bare, await stopChildren(server, driver));
    const result: BenchResult = {
      name: 'assessment-score',
      startedAt,
      commit: commitOf(),
      machine: machineFacts(),
      engine: { name: 'pglite', version: ready.engineVersion },
      dataset: { scale, seed, generatorVersion: GENERATOR_VERSION, counts: { requestBodies: bodies.length } },
      metrics,
      notes: `Scoring reads no database: the server runs on a fresh in-memory PGlite (accounts and sessions only). Bodies: ${bodies.length} valid answer sets (80 % GB/T 42195, the rest Barthel, MZ/T 039, LTC 2021), default settings. ${plan.concurrency} keep-alive connections from a load-driver process on the same machine (it competes with the server for the ${machineFacts().cores} cores); ${plan.rounds} alternating rounds of ${plan.roundMs / 1000} s per side after ${plan.warmupMs / 1000} s warm-up each; server logs at info level; pure rate measured in the bench process before the server starts; 1-minute load average ${round(loadBefore, 1)} before and ${round(loadavg()[0] ?? 0, 1)} after.`,
    };
    const file = resultPath('assessment-score', scale, 'demo');
    writeResult(file, result);
    const missed = missedTargets(metrics);
    console.log(
      `assessment-score (${scale}): pure ${metrics[0]?.value} scorings/s; endpoint ${metrics[1]?.value} req/s, ratio ${metrics[2]?.value}; written to ${file}${missed.length ? `; MISSED: ${missed.join(', ')}` : ''}`,
    );
    return result;
  } finally {
    if (server.exitCode === null) server.kill('SIGTERM');
    if (driver.exitCode === null) driver.kill('SIGTERM');
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(HERE, 'assessment-score.ts')) {
  runAssessmentScore(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
