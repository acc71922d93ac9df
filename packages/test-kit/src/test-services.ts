import { inject } from 'vitest';
import { createServices, openDatabase, testKeyring, type Database, type Services } from '@kangyang/services';
import { upsertRegions } from '@kangyang/services/regions/region.repo';
import { demoDistrictRegions, referenceRegions } from '@kangyang/services/generator/regions-data';
import { fakeClock, type FakeClock } from './fake-clock.ts';
import { openTemplateClone } from './database-harness.ts';

export type TestContext = { services: Services; database: Database; clock: FakeClock; close(): Promise<void> };

/**
 * Services over a fresh database for one test file: a clone of the migrated PGlite template, or a
 * fresh schema on the private PostgreSQL cluster when the `pg` tier runs (the engine comes from
 * Vitest `provide`). Regions of the demo district are loaded; the clock is fake.
 */
export async function openTestServices(options: { now?: string; regions?: boolean } = {}): Promise<TestContext> {
  const database = await openTestDatabase();
  const clock = fakeClock(options.now);
  const services = createServices({ database, keyring: testKeyring(), clock });
  if (options.regions !== false) await upsertRegions(database.db, [...referenceRegions(), ...demoDistrictRegions(4)]);
  return { services, database, clock, close: () => database.close() };
}

export async function openTestDatabase(): Promise<Database> {
  const pgUrl = safeInject('kangyangPgUrl');
  if (pgUrl) return openDatabase({ databaseUrl: await freshPgDatabase(pgUrl), poolSize: 4 });
  return openTemplateClone();
}

/** On the `pg` tier: the URL of a new, empty (unmigrated) database on the test cluster; else undefined. */
export async function emptyPgDatabaseUrl(): Promise<string | undefined> {
  const pgUrl = safeInject('kangyangPgUrl');
  return pgUrl ? freshPgDatabase(pgUrl) : undefined;
}

function safeInject(key: 'kangyangPgUrl'): string | undefined {
  try {
    return inject(key);
  } catch {
    return undefined;
  }
}

/** Creates an empty database on the test cluster for one file and returns its URL. */
async function freshPgDatabase(clusterUrl: string): Promise<string> {
  const { default: pg } = await import('pg');
  const name = `t_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e9).toString(36)}`;
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    kangyangPgUrl?: string;
    kangyangPgliteTemplate?: string;
  }
}
