import type { Database } from '@kangyang/services';

/**
 * Rows of a raw SQL text on either engine, for assertions and deliberate tampering in tests (apps
 * cannot import drizzle-orm). No parameters: tests inline their own literals.
 */
export async function queryRows<T>(database: Database, text: string): Promise<T[]> {
  const result = (await database.db.execute(text)) as unknown as { rows: T[] };
  return result.rows;
}

/** The single row of a query such as `SELECT count(*)::int AS n FROM …`. */
export async function queryOne<T>(database: Database, text: string): Promise<T> {
  const [row] = await queryRows<T>(database, text);
  if (row === undefined) throw new Error(`no row from: ${text}`);
  return row;
}
