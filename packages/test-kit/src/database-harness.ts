import { inject } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { fromPglite, migrate, type Database } from '@kangyang/services';

/**
 * A PGlite database for one test file. When the global setup made a migrated template dump
 * (`kangyangPgliteTemplate`), the file loads it (no initdb, no migrations); otherwise it migrates.
 */
export async function openTemplateClone(): Promise<Database> {
  let template: string | undefined;
  try {
    template = inject('kangyangPgliteTemplate');
  } catch {
    template = undefined;
  }
  if (template) {
    const { readFile } = await import('node:fs/promises');
    const dump = new Blob([await readFile(template)]);
    const client = await PGlite.create({ loadDataDir: dump });
    const database = fromPglite(client);
    await migrate(database);
    return database;
  }
  const database = fromPglite(await PGlite.create());
  await migrate(database);
  return database;
}
