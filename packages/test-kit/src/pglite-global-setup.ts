import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { fromPglite, migrate } from '@kangyang/services';

/** Migrates one PGlite once and dumps it; every db test file loads the dump (initdb costs 3–4 s). */
export async function setup(project: TestProject): Promise<void> {
  const client = await PGlite.create();
  await migrate(fromPglite(client));
  const dump = await client.dumpDataDir('none');
  const dir = join(tmpdir(), 'kangyang-test-template');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await client.close();
  project.provide('kangyangPgliteTemplate', file);
}
