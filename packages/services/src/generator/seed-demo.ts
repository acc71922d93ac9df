import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { IsoDate } from '@kangyang/domain/units';
import { appSettings } from '../db/schema/index.ts';
import { systemActor } from '../actor.ts';
import type { Services } from '../services.ts';
import { upsertRegions } from '../regions/region.repo.ts';
import { demoDistrictRegions, referenceRegions } from './regions-data.ts';
import { DEMO_ACCOUNTS, seedDemoAccounts } from './seed-accounts.ts';
import { generateElders } from './generate-elders.ts';

export type DemoLogins = {
  adminPassword: string;
  staffPassword: string;
  accounts: { username: string; description: string }[];
};
export type DemoScale = 'demo' | 'toy';

export const GENERATOR_VERSION = '1';
export const DEFAULT_AS_OF = '2026-10-31' as IsoDate;
export const ELDERS_PER_SCALE: Readonly<Record<DemoScale, number>> = { demo: 20_000, toy: 600 };
const LOGINS_FILE = 'demo-logins.json';
const MARKER = 'demoData';

const password = (): string => `Ky-${randomBytes(9).toString('base64url')}`;

/**
 * Loads the demo district into an empty embedded database once (regions, demo accounts, elders) and
 * returns the demo logins; later starts reuse the data and read the logins back from the data dir.
 */
export async function ensureDemoData(
  services: Services,
  options: {
    dataDir: string;
    scale: DemoScale;
    adminPassword?: string | undefined;
    seed?: number;
    log: (message: string) => void;
  },
): Promise<DemoLogins> {
  const { db } = services.database;
  const loginsPath = join(options.dataDir, LOGINS_FILE);
  const [marker] = await db.select().from(appSettings).where(eq(appSettings.key, MARKER));
  if (marker && existsSync(loginsPath)) return JSON.parse(readFileSync(loginsPath, 'utf8')) as DemoLogins;
  const started = Date.now();
  const now = services.clock.now();
  const logins: DemoLogins = {
    adminPassword: options.adminPassword ?? password(),
    staffPassword: password(),
    accounts: DEMO_ACCOUNTS.map((account) => ({ username: account.username, description: account.description })),
  };
  options.log(`首次启动：正在生成演示数据 (first start: generating ${options.scale} data) …`);
  await upsertRegions(db, [...referenceRegions(), ...demoDistrictRegions()]);
  await seedDemoAccounts(db, { admin: logins.adminPassword, staff: logins.staffPassword }, now);
  const elders = await generateElders(services, {
    count: ELDERS_PER_SCALE[options.scale],
    seed: options.seed ?? 1,
    asOf: DEFAULT_AS_OF,
  });
  await services.audit.record(systemActor(), {
    action: 'generator.seed',
    resourceType: 'dataset',
    details: { scale: options.scale, elders, generatorVersion: GENERATOR_VERSION, asOf: DEFAULT_AS_OF },
  });
  await db
    .insert(appSettings)
    .values({
      key: MARKER,
      value: { scale: options.scale, generatorVersion: GENERATOR_VERSION, loadedAt: now.toISOString() },
      updatedAt: now,
    })
    .onConflictDoNothing();
  writeFileSync(loginsPath, JSON.stringify(logins, null, 2), { mode: 0o600 });
  options.log(
    `演示数据已生成 demo data ready: ${elders} elders in ${((Date.now() - started) / 1000).toFixed(1)} s (as of ${DEFAULT_AS_OF})`,
  );
  return logins;
}
