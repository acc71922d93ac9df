import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { fromPglite, migrate } from '@kangyang/services';

const DIR = join(tmpdir(), 'kangyang-test-template');
let templateFile: string | undefined;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the dumps of test runs that have ended (each dump is ~40 MB and named after its run's pid). */
function removeOrphanedDumps(): void {
  for (const name of readdirSync(DIR)) {
    const pid = Number(/^template-(\d+)\.tar$/.exec(name)?.[1]);
    if (Number.isSafeInteger(pid) && pid !== process.pid && !isAlive(pid)) rmSync(join(DIR, name), { force: true });
  }
}

/** Migrates one PGlite once and dumps it; every db test file loads the dump (initdb costs 3–4 s). */
export async function setup(project: TestProject): Promise<void> {
  const client = await PGlite.create();
  await migrate(fromPglite(client));
  const dump = await client.dumpDataDir('none');
  mkdirSync(DIR, { recursive: true });
  removeOrphanedDumps();
  templateFile = join(DIR, `template-${process.pid}.tar`);
  writeFileSync(templateFile, Buffer.from(await dump.arrayBuffer()));
  await client.close();
  project.provide('kangyangPgliteTemplate', templateFile);
}

export async function teardown(): Promise<void> {
  if (templateFile) rmSync(templateFile, { force: true });
  templateFile = undefined;
}
