import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readMigrations } from '@kangyang/services';
import { GENERATOR_VERSION, type ScaleName } from '@kangyang/services/generator/scales';

/**
 * Generated data dirs for benchmarks (scale.md §2): generated once per (scale, seed, generator
 * version, schema version) by `kangyang generate` into `artifacts/datasets/` and reused. A run
 * works on a copy, so the cache never collects a run's audit rows.
 */
export type Dataset = {
  dir: string;
  scale: ScaleName;
  seed: number;
  generatorVersion: string;
  schemaVersion: string;
  /** Seconds `kangyang generate` took, when this call generated the dataset; undefined when cached. */
  generatedSeconds: number | undefined;
  elders: number;
};

const ROOT = resolve(import.meta.dirname, '..', '..');
const CACHE = join(ROOT, 'artifacts', 'datasets');
const MANIFEST = 'bench-dataset.json';

/** A short hash of every migration: a schema change makes a new cache key. */
export function schemaVersion(): string {
  const hash = createHash('sha256');
  for (const migration of readMigrations()) hash.update(`${migration.name}:${migration.checksum}\n`);
  return hash.digest('hex').slice(0, 12);
}

/** The CLI's environment without key settings, so the data dir's own development keys are used. */
function cliEnvironment(dataDir: string): NodeJS.ProcessEnv {
  const keep = Object.entries(process.env).filter(
    ([name]) => !['DATABASE_URL', 'DATA_ENCRYPTION_KEY', 'BLIND_INDEX_KEY', 'AUDIT_CHAIN_KEY'].includes(name),
  );
  return { ...Object.fromEntries(keep), DATA_DIR: dataDir, NODE_ENV: 'development' };
}

async function runGenerate(dir: string, scale: ScaleName, seed: number, log: (line: string) => void): Promise<string> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'apps/cli/bin/kangyang.mjs'), 'generate', '--scale', scale, '--seed', String(seed)],
    { cwd: ROOT, env: cliEnvironment(dir), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => log(chunk.toString().trimEnd()));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  if (code !== 0) throw new Error(`kangyang generate --scale ${scale} failed (exit ${code}):\n${output}`);
  return output;
}

/** The cached data dir of a scale, generating it first when missing. */
export async function ensureDatasetDir(
  scale: ScaleName,
  seed = 1,
  log: (line: string) => void = (line) => console.error(line),
): Promise<Dataset> {
  const schema = schemaVersion();
  const dir = join(CACHE, `${scale}-seed${seed}-g${GENERATOR_VERSION}-s${schema}`);
  const manifest = join(dir, MANIFEST);
  if (existsSync(manifest)) {
    const cached = JSON.parse(readFileSync(manifest, 'utf8')) as Dataset;
    return { ...cached, dir, generatedSeconds: undefined };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log(`generating the ${scale} dataset (seed ${seed}) into ${dir} …`);
  const started = performance.now();
  const output = await runGenerate(dir, scale, seed, log);
  const generatedSeconds = Math.round(performance.now() - started) / 1000;
  const elders = Number(/elders ([\d,]+)/.exec(output)?.[1]?.replaceAll(',', '') ?? Number.NaN);
  const dataset: Dataset = {
    dir,
    scale,
    seed,
    generatorVersion: GENERATOR_VERSION,
    schemaVersion: schema,
    generatedSeconds,
    elders,
  };
  writeFileSync(manifest, JSON.stringify(dataset, null, 2));
  log(output.trimEnd());
  return dataset;
}

/** The city dataset of scale.md §2 (≈1.5 M elders), cached. */
export const ensureCityDataDir = (seed = 1, log?: (line: string) => void): Promise<Dataset> =>
  ensureDatasetDir('city', seed, log);

/** A private copy of a cached data dir for one run (removed with `dispose`). */
export function workingCopy(dataset: Dataset, name: string): { dir: string; dispose(): void } {
  const dir = join(ROOT, 'artifacts', 'bench-work', `${name}-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(dataset.dir, dir, { recursive: true, filter: (source) => !source.endsWith('kangyang.lock') });
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
