import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Programme } from '@kangyang/domain/eligibility';
import { addPeriods, period, type Period } from '@kangyang/domain/ledger';
import { createServices, makeActor, openDatabase, systemClock, testKeyring, type Actor } from '@kangyang/services';
import { GENERATOR_VERSION, SCALES } from '@kangyang/services/generator/scales';
import { insertRecipientPopulation, type RecipientCounts } from '@kangyang/services/ledger/synthetic-recipients';
import {
  baselineFigures,
  emptyBaseline,
  freshBaselineTable,
  insertSelectCaregivers,
  insertSelectEntitlements,
  runFigures,
} from '@kangyang/services/ledger/run-baseline.repo';
import { ensureProfiles } from '@kangyang/services/profiles/ensure-profiles';
import { upsertRegions } from '@kangyang/services/regions/region.repo';
import { alternate, round } from './lib/ab.ts';
import { commitOf, machineFacts, ownPeakRssMiB } from './lib/machine.ts';
import { missedTargets, resultPath, writeResult, type BenchResult, type Metric } from './lib/results.ts';

/**
 * `npm run bench -- monthly-run [--scale city|toy] [--seed N] [--rounds N]` (issue 5, scale.md §4):
 * one month's monthly run for every paying programme of the city 9901 (plan 000) through the ledger
 * service (entitlements and caregivers loaded, the pure core computing lines and the month's diff,
 * lines appended through the ledger's triggers and unique slot index, totals, audit), against a raw
 * `INSERT … SELECT` per programme computing the same amounts in SQL into a bare table of the same
 * shape, in the same PGlite database. After a first month (untimed for the ratio), rounds alternate
 * A B A B on the following months; each side reports its median. Every round checks that both sides
 * wrote the same lines (count, sum, digest).
 */
type Plan = { recipients: number; workers: number; institutions: number; rounds: number };
const PLANS: Readonly<Record<string, Plan>> = {
  city: { recipients: 240_000, workers: 20_000, institutions: 250, rounds: 1 }, // scale.md: a default run within 20 minutes
  toy: { recipients: 2_400, workers: 200, institutions: 5, rounds: 1 },
};
const DEFAULT_SCALE = 'city';
const CITY = '9901';
const FIRST_PERIOD = period('2026-01');
const PROGRAMMES: readonly Programme[] = [
  'homeCareBedCareSubsidy',
  'advancedAgeAllowance',
  'homeCareBedSetupGrant',
  'caregiverPostAllowance',
];
const ROOT = resolve(import.meta.dirname, '..');
const log = (line: string) => process.stderr.write(`[monthly-run] ${line}\n`);
const seconds = (started: number) => (performance.now() - started) / 1000;

const official = (name: string): Actor =>
  makeActor({
    userId: name === 'runner' ? '00000000-0000-7000-8000-00000000b001' : '00000000-0000-7000-8000-00000000b002',
    username: `bench-${name}`,
    displayName: name,
    grants: [{ role: 'civilAffairsAdmin', regionCode: CITY, organisationId: null }],
    organisationId: null,
    isDemo: false,
    request: { requestId: `bench-${name}`, ip: '127.0.0.1', userAgent: 'bench' },
  });

type Services = ReturnType<typeof createServices>;
type MonthRun = { seconds: number; runIds: string[]; lines: number; stopped: number };

/** Ours: the four programmes' runs of one month, timed; then each run approved by a second person (untimed). */
async function runMonth(services: Services, month: Period): Promise<MonthRun> {
  const runner = official('runner');
  const started = performance.now();
  const runs = [];
  for (const programme of PROGRAMMES) {
    runs.push(await services.ledger.startRun(runner, { regionCode: CITY, programme, month }));
  }
  const elapsed = seconds(started);
  for (const run of runs) await services.ledger.approveRun(official('approver'), run.id);
  return {
    seconds: elapsed,
    runIds: runs.map((run) => run.id),
    lines: runs.reduce((sum, run) => sum + run.entryCount, 0),
    stopped: runs.reduce((sum, run) => sum + run.diff.counts.stopped, 0),
  };
}

/** The baseline: one raw INSERT … SELECT per programme for the same month. */
async function baselineMonth(services: Services, month: Period): Promise<number> {
  const db = services.database.db;
  const resolved = await services.profiles.resolve(CITY, `${month}-01`);
  const rule = resolved?.profile.rules.caregiverPostAllowance;
  if (!rule) throw new Error('profile 000 is not bound to 9901');
  await emptyBaseline(db);
  const started = performance.now();
  await insertSelectEntitlements(db, month, 'homeCareBedCareSubsidy', 'monthly');
  await insertSelectEntitlements(db, month, 'advancedAgeAllowance', 'monthly');
  await insertSelectEntitlements(db, month, 'homeCareBedSetupGrant', 'oneTime');
  await insertSelectCaregivers(db, month, CITY, rule);
  return seconds(started);
}

async function populate(services: Services, plan: Plan, seed: number): Promise<RecipientCounts & { regions: number }> {
  const regions = SCALES.city.regions();
  await upsertRegions(services.database.db, regions);
  const profiles = await ensureProfiles(services);
  if (profiles.problems.length > 0) throw new Error(profiles.problems.join('\n'));
  const communities = regions
    .filter((region) => region.level === 'community' && region.code.startsWith(CITY))
    .map((region) => region.code);
  const counts = await insertRecipientPopulation(services.database.db, {
    ...plan,
    communities,
    firstPeriod: FIRST_PERIOD,
    months: plan.rounds + 1,
    seed,
    now: new Date(),
  });
  return { ...counts, regions: regions.length };
}

function metricsOf(
  first: MonthRun,
  ab: Awaited<ReturnType<typeof alternate>>,
  lines: number,
  extra: Metric[],
): Metric[] {
  const ratio = round(ab.oursMedian / ab.baselineMedian, 2);
  return [
    { name: 'monthlyRunSeconds', value: round(ab.oursMedian, 3), unit: 's' },
    {
      name: 'monthlyRunVsInsertSelect',
      value: ratio,
      unit: 'x',
      ratio,
      baseline: {
        name: 'raw INSERT … SELECT per programme computing the same lines, same database',
        value: round(ab.baselineMedian, 3),
        unit: 's',
      },
    },
    { name: 'monthlyRunLinesPerSecond', value: Math.round(lines / ab.oursMedian), unit: 'lines/s' },
    { name: 'firstMonthRunSeconds', value: round(first.seconds, 3), unit: 's' },
    ...extra,
  ];
}

export async function runMonthlyRun(argv: readonly string[]): Promise<BenchResult> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      scale: { type: 'string', default: DEFAULT_SCALE },
      seed: { type: 'string', default: '1' },
      rounds: { type: 'string' },
    },
  });
  const scale = values.scale ?? DEFAULT_SCALE;
  const base = PLANS[scale];
  if (!base) throw new Error(`unknown --scale ${scale}: use ${Object.keys(PLANS).join(' or ')}`);
  const plan = { ...base, rounds: values.rounds ? Number(values.rounds) : base.rounds };
  const seed = Number(values.seed ?? '1');
  const startedAt = new Date().toISOString();
  const workDir = join(ROOT, 'artifacts', 'bench-work', `monthly-run-${process.pid}`);
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const database = await openDatabase({ dataDir: workDir });
  const services = createServices({ database, keyring: testKeyring(), clock: systemClock });
  try {
    log(`generating ${plan.recipients} recipients and ${plan.workers} workers into a fresh PGlite …`);
    const generation = performance.now();
    const counts = await populate(services, plan, seed);
    const generationSeconds = seconds(generation);
    log(`generated in ${round(generationSeconds, 1)} s; first month ${FIRST_PERIOD} …`);
    const first = await runMonth(services, FIRST_PERIOD);
    log(`first month: ${first.lines} lines in ${round(first.seconds, 2)} s`);
    await freshBaselineTable(database.db);
    const months: MonthRun[] = [];
    const ab = await alternate(
      plan.rounds,
      async (index) => {
        const month = await runMonth(services, addPeriods(FIRST_PERIOD, index + 1));
        months.push(month);
        log(`ours ${addPeriods(FIRST_PERIOD, index + 1)}: ${month.lines} lines in ${round(month.seconds, 2)} s`);
        return month.seconds;
      },
      async (index) => {
        const month = addPeriods(FIRST_PERIOD, index + 1);
        const elapsed = await baselineMonth(services, month);
        const ours = await runFigures(database.db, months[index]?.runIds ?? []);
        const theirs = await baselineFigures(database.db);
        if (ours.lines !== theirs.lines || ours.totalFen !== theirs.totalFen || ours.digest !== theirs.digest)
          throw new Error(
            `month ${month}: ours ${JSON.stringify(ours)} differs from the baseline ${JSON.stringify(theirs)}`,
          );
        log(`baseline ${month}: ${theirs.lines} lines in ${round(elapsed, 2)} s (same lines: yes)`);
        return elapsed;
      },
    );
    const verifyStarted = performance.now();
    const verify = await services.ledger.verify();
    const verifySeconds = seconds(verifyStarted);
    if (!verify.ok)
      throw new Error(`ledger verify failed: ${JSON.stringify(verify.checks.filter((check) => !check.ok))}`);
    const lines = months[0]?.lines ?? 0;
    const metrics = metricsOf(first, ab, lines, [
      { name: 'ledgerVerifySeconds', value: round(verifySeconds, 2), unit: 's' },
      { name: 'generationSeconds', value: round(generationSeconds, 1), unit: 's' },
      { name: 'peakRssMiB', value: Math.round(ownPeakRssMiB()), unit: 'MiB', target: { op: '<=', value: 1536 } },
    ]);
    const result: BenchResult = {
      name: 'monthly-run',
      startedAt,
      commit: commitOf(),
      machine: machineFacts(),
      engine: { name: 'pglite', version: database.engineVersion },
      dataset: {
        scale,
        seed,
        generatorVersion: GENERATOR_VERSION,
        counts: {
          ...counts,
          linesPerMonth: lines,
          ledgerEntries: verify.entries,
          stoppedPerMonth: months[0]?.stopped ?? 0,
        },
      },
      metrics,
      notes:
        `One month = the runs of ${PROGRAMMES.join(', ')} for region ${CITY}, rounds ${plan.rounds} (median), ` +
        `months ${addPeriods(FIRST_PERIOD, 1)}… after an untimed-for-ratio first month. Recipients, entitlements and ` +
        'workers are generated directly into a fresh PGlite (not the cached city elder data dir: the run reads only ' +
        'entitlements and elder statuses). Peak RSS is the bench process, which hosts PGlite (no separate server). ' +
        `Ledger verify after the runs: ok over ${verify.entries} entries.`,
    };
    const path = resultPath('monthly-run', scale, DEFAULT_SCALE);
    writeResult(path, result);
    const missed = missedTargets(metrics);
    log(`wrote ${path}${missed.length > 0 ? `; missed targets: ${missed.join(', ')}` : ''}`);
    return result;
  } finally {
    await database.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}
