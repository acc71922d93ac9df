import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db/database.ts';
import { uuidv7 } from '../ids.ts';
import { insertLink } from './link.repo.ts';

/**
 * The demo's `elder` login is one generated elder of 湖滨街道 (relation self); the `family` login is a
 * child of another. Both links carry the consent time, as an intake worker would record it (AZ-8).
 */
export async function linkDemoSelfService(
  db: Db,
  now: Date,
  usernames: { elder: string; family: string } = { elder: 'elder', family: 'family' },
): Promise<void> {
  const users = await rows<{ id: string; username: string }>(
    db,
    sql`SELECT id, username FROM users WHERE username IN (${usernames.elder}, ${usernames.family})`,
  );
  const elders = await rows<{ id: string; countyCode: string }>(
    db,
    sql`SELECT id, county_code AS "countyCode" FROM elders
      WHERE residence_region_code LIKE '330102002%' AND status = 'active' AND lng IS NOT NULL
      ORDER BY birth_date, id LIMIT 2`,
  );
  const userOf = (name: string) => users.find((user) => user.username === name)?.id;
  const pairs: [string | undefined, { id: string; countyCode: string } | undefined, string][] = [
    [userOf(usernames.elder), elders[0], 'self'],
    [userOf(usernames.family), elders[1], 'child'],
  ];
  for (const [userId, elder, relation] of pairs) {
    if (!userId || !elder) continue;
    await insertLink(db, {
      countyCode: elder.countyCode,
      id: uuidv7(now.getTime()),
      userId,
      elderId: elder.id,
      relation,
      grantedBy: null,
      now,
    });
  }
}
