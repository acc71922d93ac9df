import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { appSettings } from '../db/schema/index.ts';
import type { Services } from '../services.ts';
import { DEMO_ACCOUNTS, seedDemoAccounts } from './seed-accounts.ts';
import { generateDataset } from './generate-dataset.ts';
import { linkDemoCaregiver } from '../home-care/demo-caregiver.ts';
import { linkDemoSelfService } from '../self-service/demo-links.ts';
import { generateAssessmentHistories } from './assessments.ts';
import { DEFAULT_AS_OF, GENERATOR_VERSION, SCALES } from './scales.ts';
import { seedDemoEntitlements } from '../ledger/demo-ledger.ts';

export type DemoLogins = {
  adminPassword: string;
  staffPassword: string;
  accounts: { username: string; description: string }[];
};
export type DemoScale = 'demo' | 'toy';

export { DEFAULT_AS_OF, GENERATOR_VERSION } from './scales.ts';
export const ELDERS_PER_SCALE: Readonly<Record<DemoScale, number>> = {
  demo: SCALES.demo.elders,
  toy: SCALES.toy.elders,
};
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
  const dataset = await generateDataset(services, { scale: options.scale, seed: options.seed ?? 1 });
  await seedDemoAccounts(db, { admin: logins.adminPassword, staff: logins.staffPassword }, now);
  await linkDemoCaregiver(services);
  await linkDemoSelfService(db, now);
  await generateAssessmentHistories(services, { seed: options.seed ?? 1, asOf: dataset.asOf });
  await seedDemoEntitlements(db, { asOf: dataset.asOf, now });
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
    `演示数据已生成 demo data ready: ${dataset.elders} elders in ${((Date.now() - started) / 1000).toFixed(1)} s (as of ${DEFAULT_AS_OF})`,
  );
  return logins;
}
