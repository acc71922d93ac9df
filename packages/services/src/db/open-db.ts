import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema/index.ts';
import type { Database, Db } from './database.ts';
import { migrate } from './migrate.ts';

export type DatabaseOptions = { dataDir?: string; databaseUrl?: string; migrate?: boolean; poolSize?: number };

/** Opens PGlite in `dataDir` (or in memory without one) or PostgreSQL at `databaseUrl`, then migrates. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const database = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.poolSize ?? 10)
    : await openPglite(options.dataDir);
  if (options.migrate !== false) await migrate(database);
  return database;
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = dataDir ? await PGlite.create(join(dataDir, 'pgdata')) : await PGlite.create();
  return fromPglite(client);
}

export function fromPglite(client: PGlite): Database {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    engineVersion: 'PGlite 0.5.16',
    exec: async (sqlText) => {
      await client.exec(sqlText);
    },
    checkpoint: async () => {
      await client.exec('CHECKPOINT');
    },
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

async function openPostgres(databaseUrl: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  const versionResult = await pool.query<{ server_version: string }>('SHOW server_version');
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    engineVersion: `PostgreSQL ${versionResult.rows[0]?.server_version ?? '?'}`,
    exec: async (sqlText) => {
      await pool.query(sqlText);
    },
    checkpoint: async () => {
      await pool.query('CHECKPOINT').catch(() => undefined);
    },
    close: async () => {
      await pool.end();
    },
  };
}
