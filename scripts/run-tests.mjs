// npm run test:all: every test tier in order, then every benchmark once at toy size, untimed
// (architecture.md §3 habit 11, §4). Fails on any failure; a tier that cannot run (no PostgreSQL,
// no browser, no tests at all) fails instead of being skipped. The last line is `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const vitest = join(root, 'node_modules/vitest/vitest.mjs');
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
const work = mkdtempSync(join(tmpdir(), 'kangyang-run-tests-'));

const TIERS = [
  { name: 'unit + web', projects: ['unit', 'web'], what: 'pure rules, contracts, components' },
  { name: 'db', projects: ['db'], what: 'services and API on PGlite' },
  { name: 'pg', projects: ['pg'], what: 'services on a private PostgreSQL cluster' },
  { name: 'e2e', projects: ['e2e'], what: 'browser journeys (Debian chromium)' },
];

const results = [];

function header(index, total, title, what) {
  const line = '='.repeat(100);
  console.log(`\n${line}\n== [${index}/${total}] ${title}: ${what}\n${line}`);
}

const seconds = (started) => Math.round((performance.now() - started) / 100) / 10;

/** Runs one tier through Vitest and reads its counts from the JSON reporter's file. */
function runTier(tier) {
  const output = join(work, `${tier.projects.join('-')}.json`);
  const args = [vitest, 'run', ...tier.projects.flatMap((project) => ['--project', project])];
  args.push('--reporter=default', '--reporter=json', `--outputFile.json=${output}`);
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } });
  const result = { name: tier.name, passed: 0, failed: 0, skipped: 0, seconds: seconds(started), problem: '' };
  if (!existsSync(output)) {
    result.failed = 1;
    result.problem = `Vitest wrote no report (exit ${run.status ?? run.signal}): the tier did not run`;
    return result;
  }
  const report = JSON.parse(readFileSync(output, 'utf8'));
  result.passed = report.numPassedTests ?? 0;
  result.failed = report.numFailedTests ?? 0;
  result.skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  const failedFiles = (report.testResults ?? []).filter((file) => file.status === 'failed').length;
  if (report.numTotalTests === 0) {
    result.failed = Math.max(result.failed, 1);
    result.problem = 'no tests ran: a tier is never skipped';
  } else if (run.status !== 0 && result.failed === 0) {
    result.failed = Math.max(failedFiles, 1);
    result.problem = `Vitest exited ${run.status ?? run.signal} (a file failed to load, a hook or the global setup failed)`;
  } else if (result.skipped > 0) {
    result.problem = `${result.skipped} skipped or todo`;
  }
  return result;
}

/** bench/*.ts except the runner itself; helpers live in folders (bench/lib/). */
function benchmarkNames() {
  const dir = join(root, 'bench');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && entry.name !== 'run.ts')
    .map((entry) => entry.name.replace(/\.ts$/, ''))
    .sort();
}

/** Runs every benchmark once at toy size; the gate keeps bench/results/ as it was (toy figures are no results). */
function runBenchmarks() {
  const names = benchmarkNames();
  const result = { name: 'bench (toy)', passed: 0, failed: 0, skipped: 0, seconds: 0, problem: '' };
  const started = performance.now();
  if (names.length === 0) {
    result.failed = 1;
    result.problem = 'no benchmarks in bench/: a tier is never skipped';
    return result;
  }
  if (!existsSync(join(root, 'bench/run.ts'))) {
    result.failed = names.length;
    result.problem = `bench/run.ts is missing; cannot run ${names.join(', ')}`;
    return result;
  }
  const resultsDir = join(root, 'bench/results');
  const saved = join(work, 'bench-results');
  if (existsSync(resultsDir)) cpSync(resultsDir, saved, { recursive: true });
  const failures = [];
  try {
    for (const name of names) {
      console.log(`\n-- bench ${name} --scale toy`);
      const run = spawnSync(process.execPath, [tsx, 'bench/run.ts', name, '--scale', 'toy'], {
        cwd: root,
        stdio: 'inherit',
      });
      if (run.status === 0) result.passed += 1;
      else failures.push(`${name} (exit ${run.status ?? run.signal})`);
    }
  } finally {
    rmSync(resultsDir, { recursive: true, force: true });
    if (existsSync(saved)) cpSync(saved, resultsDir, { recursive: true });
  }
  result.failed = failures.length;
  if (failures.length > 0) result.problem = `failed: ${failures.join(', ')}`;
  result.seconds = seconds(started);
  return result;
}

const started = performance.now();
const total = TIERS.length + 1;
TIERS.forEach((tier, index) => {
  header(index + 1, total, tier.name, tier.what);
  results.push(runTier(tier));
});
header(total, total, 'bench', 'every benchmark once at toy size, untimed (not tests: no durations asserted)');
results.push(runBenchmarks());
rmSync(work, { recursive: true, force: true });

console.log(`\n${'='.repeat(100)}\n== Summary (${seconds(started)} s)`);
for (const result of results) {
  const status = result.failed > 0 ? 'FAIL' : 'ok  ';
  const counts = `${result.passed} passed, ${result.failed} failed`;
  console.log(
    `${status} ${result.name.padEnd(12)} ${counts.padEnd(26)} ${`${result.seconds} s`.padStart(8)}  ${result.problem}`,
  );
}
const passed = results.reduce((sum, result) => sum + result.passed, 0);
const failed = results.reduce((sum, result) => sum + result.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
