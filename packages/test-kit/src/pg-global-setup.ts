import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const SCRIPT = fileURLToPath(new URL('../../../scripts/pg-test-cluster.sh', import.meta.url));

let clusterDir: string | undefined;

function runScript(args: string[]): string {
  const result = spawnSync('sh', [SCRIPT, ...args], { encoding: 'utf8', timeout: 600_000 });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
    throw new Error(`scripts/pg-test-cluster.sh ${args[0] ?? ''} failed (exit ${String(result.status)}):\n${output}`);
  }
  return result.stdout.trim();
}

/**
 * Starts the private PostgreSQL cluster of the `pg` tier (scripts/pg-test-cluster.sh) and hands its
 * URL to the test files (`kangyangPgUrl`); each file then gets a fresh database (test-services.ts).
 * No PostgreSQL means a failed tier, never a skipped one.
 */
export async function setup(project: TestProject): Promise<void> {
  clusterDir = mkdtempSync(join(tmpdir(), 'kangyang-pg-'));
  const url = runScript(['start', clusterDir]).split('\n').at(-1) ?? '';
  if (!url.startsWith('postgres://')) throw new Error(`pg-test-cluster.sh printed no URL: ${url}`);
  project.provide('kangyangPgUrl', url);
}

/** Stops the cluster and waits for its postmaster to exit, then removes its directory. */
export async function teardown(): Promise<void> {
  if (!clusterDir) return;
  runScript(['stop', clusterDir]);
  clusterDir = undefined;
}
