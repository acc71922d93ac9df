import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import type * as schema from './schema/index.ts';

/** Drizzle database typed against our schema; runs on PGlite and node-postgres alike. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Engine = 'pglite' | 'postgres';

export type Database = {
  readonly db: Db;
  readonly engine: Engine;
  readonly engineVersion: string;
  /** Runs raw SQL text (several statements allowed, no parameters): migrations, maintenance. */
  exec(sqlText: string): Promise<void>;
  checkpoint(): Promise<void>;
  close(): Promise<void>;
};

/** Rows of a raw query; both drivers answer `{ rows }`. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
