import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '@kangyang/test-kit/test-services';
import { rows, type Database } from './database.ts';
import { migrate, readMigrations } from './migrate.ts';

/** The migrations run unchanged on PGlite (db tier) and PostgreSQL (pg tier): this file runs on both. */
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

const applied = async () =>
  rows<{ name: string; checksum: string }>(
    database.db,
    sql`SELECT name, checksum FROM kangyang_migrations ORDER BY name`,
  );

describe('migrations (architecture.md §1 Drizzle)', () => {
  it('has applied every migration file once, with its checksum', async () => {
    const files = readMigrations();
    expect(files.length).toBeGreaterThan(0);
    expect(await applied()).toEqual(files.map((file) => ({ name: file.name, checksum: file.checksum })));
  });

  it('is idempotent: a second run applies nothing', async () => {
    expect(await migrate(database)).toEqual([]);
  });

  it('refuses to start when a merged migration was edited', async () => {
    const [first, ...rest] = readMigrations();
    if (!first) throw new Error('no migrations');
    const edited = { ...first, sqlText: `${first.sqlText}\n-- edited`, checksum: 'edited' };
    await expect(migrate(database, [edited, ...rest])).rejects.toThrow(
      `migration ${first.name} was changed after it was applied`,
    );
  });

  it('applies a new migration in one transaction: a failing one leaves nothing behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kangyang-migrations-'));
    writeFileSync(join(dir, '9998_good.sql'), 'CREATE TABLE migration_probe (id int PRIMARY KEY);');
    writeFileSync(join(dir, '9999_bad.sql'), 'CREATE TABLE migration_half (id int);\nSELECT no_such_function();');
    const extra = readMigrations(dir);
    await expect(migrate(database, [...readMigrations(), ...extra])).rejects.toThrow();
    const tables = await rows<{ name: string }>(
      database.db,
      sql`SELECT table_name AS name FROM information_schema.tables WHERE table_name IN ('migration_probe', 'migration_half')`,
    );
    expect(tables.map((table) => table.name)).toEqual(['migration_probe']);
    expect((await applied()).map((row) => row.name)).toContain('9998_good.sql');
    expect((await applied()).map((row) => row.name)).not.toContain('9999_bad.sql');
    // The advisory lock was released despite the failure: the next run works.
    await expect(migrate(database, [...readMigrations(), ...extra.slice(0, 1)])).resolves.toEqual([]);
  });
});
