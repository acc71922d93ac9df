import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { rows, type Database } from './database.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

export type Migration = { name: string; sqlText: string; checksum: string };

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_-]+\.sql$/.test(file))
    .sort()
    .map((name) => {
      const sqlText = readFileSync(`${dir}/${name}`, 'utf8');
      return { name, sqlText, checksum: createHash('sha256').update(sqlText).digest('hex') };
    });
}

/**
 * Applies pending migrations in name order, each in its own transaction, under an advisory lock
 * (PostgreSQL) so that two starting processes never migrate at once. A changed merged migration
 * stops the start: merged migrations are never edited.
 */
export async function migrate(database: Database, migrations = readMigrations()): Promise<string[]> {
  const applied: string[] = [];
  // The lock comes first: two processes creating the bookkeeping table at once collide (pg_type).
  await database.exec('SELECT pg_advisory_lock(4242)');
  try {
    await database.exec(
      'CREATE TABLE IF NOT EXISTS kangyang_migrations (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = await rows<{ name: string; checksum: string }>(
      database.db,
      sql`SELECT name, checksum FROM kangyang_migrations`,
    );
    const known = new Map(done.map((row) => [row.name, row.checksum]));
    for (const migration of migrations) {
      const checksum = known.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum)
          throw new Error(`migration ${migration.name} was changed after it was applied`);
        continue;
      }
      const escaped = migration.name.replace(/'/g, "''");
      try {
        await database.exec(
          `BEGIN;\n${migration.sqlText}\n;INSERT INTO kangyang_migrations (name, checksum) VALUES ('${escaped}', '${migration.checksum}');\nCOMMIT;`,
        );
      } catch (error) {
        // A failed statement leaves the connection inside the aborted transaction: end it, so that
        // nothing of the migration stays and the connection (PGlite has only one) works again.
        await database.exec('ROLLBACK').catch(() => undefined);
        throw error;
      }
      applied.push(migration.name);
    }
  } finally {
    await database.exec('SELECT pg_advisory_unlock(4242)');
  }
  return applied;
}
