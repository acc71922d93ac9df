import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyPgDatabaseUrl } from '@kangyang/test-kit/test-services';
import { rows, type Database } from './database.ts';
import { migrate, readMigrations } from './migrate.ts';
import { fromPglite, openDatabase } from './open-db.ts';

/** PostgreSQL tier: the same migration files give the same schema as on PGlite, and concurrent starts migrate once. */
let pglite: Database;
let postgres: Database;
beforeAll(async () => {
  pglite = fromPglite(await PGlite.create());
  await migrate(pglite);
  const url = await emptyPgDatabaseUrl();
  if (!url) throw new Error('the pg tier provides no PostgreSQL cluster (kangyangPgUrl)');
  postgres = await openDatabase({ databaseUrl: url, poolSize: 4, migrate: false });
});
afterAll(async () => {
  await pglite.close();
  await postgres.close();
});

/**
 * The parts of a schema that must match: columns, constraints, indexes and triggers of public tables.
 * NOT NULL is compared through the columns (PostgreSQL 18 also lists it as constraints of type 'n').
 */
async function schemaOf(
  database: Database,
): Promise<{ columns: string[]; constraints: string[]; indexes: string[]; triggers: string[] }> {
  const list = async (query: ReturnType<typeof sql>) =>
    (await rows<{ item: string }>(database.db, query)).map((row) => row.item).sort();
  return {
    columns: await list(sql`SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable AS item
      FROM information_schema.columns WHERE table_schema = 'public'`),
    constraints: await list(sql`SELECT conrelid::regclass::text || ' ' || conname::text || ' ' || contype::text AS item
      FROM pg_constraint WHERE connamespace = (SELECT oid FROM pg_namespace WHERE nspname = 'public') AND contype <> 'n'`),
    indexes: await list(sql`SELECT tablename || ' ' || indexname AS item FROM pg_indexes WHERE schemaname = 'public'`),
    triggers: await list(
      sql`SELECT tgrelid::regclass::text || ' ' || tgname::text AS item FROM pg_trigger WHERE NOT tgisinternal`,
    ),
  };
}

describe('migrations on PostgreSQL 15 and PGlite (PostgreSQL 18) alike', () => {
  it('two processes starting at once on an empty database migrate it once (advisory lock)', async () => {
    const url = await emptyPgDatabaseUrl();
    if (!url) throw new Error('no cluster');
    const [first, second] = [
      await openDatabase({ databaseUrl: url, migrate: false }),
      await openDatabase({ databaseUrl: url, migrate: false }),
    ];
    const [a, b] = await Promise.all([migrate(first), migrate(second)]);
    expect([...a, ...b].sort()).toEqual(readMigrations().map((file) => file.name));
    const [count] = await rows<{ n: number }>(first.db, sql`SELECT count(*)::int AS n FROM kangyang_migrations`);
    expect(count?.n).toBe(readMigrations().length);
    await first.close();
    await second.close();
  });

  it('the same files give the same tables, columns, constraints, indexes and triggers', async () => {
    await migrate(postgres);
    const [onPglite, onPostgres] = [await schemaOf(pglite), await schemaOf(postgres)];
    expect(onPostgres.columns.length).toBeGreaterThan(50);
    expect(onPostgres).toEqual(onPglite);
  });
});
