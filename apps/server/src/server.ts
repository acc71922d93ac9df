import { readFileSync } from 'node:fs';
import {
  DataDirLockedError,
  acquireDataDirLock,
  createServices,
  loadKeyring,
  openDatabase,
  systemClock,
  type DataDirLock,
  type Database,
  type Services,
} from '@kangyang/services';
import { ensureDemoData, type DemoLogins } from '@kangyang/services/generator/seed-demo';
import { ensureProfiles } from '@kangyang/services/profiles/ensure-profiles';
import type { Config } from './config.ts';
import { buildApp } from './app.ts';
import { printBanner } from './banner.ts';

const BACKGROUND_INTERVAL_MS = 1000;
const IDEMPOTENCY_RETENTION_MS = 7 * 24 * 3_600_000; // PRV-5: 7 days

/** Seals audit rows (AUD-4, within a second), runs due jobs, purges expired idempotency records. */
async function runBackground(services: Services): Promise<void> {
  await services.audit.seal();
  await services.jobs.runDue();
  if (services.clock.now().getUTCSeconds() === 0) await services.idempotency.purge(IDEMPOTENCY_RETENTION_MS);
}

/** REL-7: a live holder of the data dir means refusal, naming it; the holder keeps serving. */
function takeLockOrExit(dataDir: string): DataDirLock {
  try {
    return acquireDataDirLock(dataDir, { command: 'server' }, (message) => console.warn(message));
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    console.error(
      `DATA_DIR_LOCKED: 数据目录 ${dataDir} 已被进程 ${error.holder.pid} 占用${error.holder.url ? `（${error.holder.url}）` : ''}，本进程退出。`,
    );
    console.error(`DATA_DIR_LOCKED: ${error.message}`);
    process.exit(2);
  }
}

/** Opens the database under the data-dir lock (embedded) and builds the services. */
async function openServices(config: Config): Promise<{ services: Services; database: Database; lock?: DataDirLock }> {
  const embedded = !config.DATABASE_URL;
  const lock = embedded ? takeLockOrExit(config.DATA_DIR) : undefined;
  if (config.mode === 'production' && embedded)
    console.warn('WARNING: production mode on the embedded database (PGlite) has no fsync: use PostgreSQL (REL-7).');
  const keyring = loadKeyring(
    {
      dataEncryptionKey: config.DATA_ENCRYPTION_KEY,
      blindIndexKey: config.BLIND_INDEX_KEY,
      auditChainKey: config.AUDIT_CHAIN_KEY,
    },
    config.DATA_DIR,
    (message) => console.warn(message),
  );
  const database = await openDatabase(embedded ? { dataDir: config.DATA_DIR } : { databaseUrl: config.DATABASE_URL });
  const services = createServices({
    database,
    keyring,
    clock: systemClock,
    authPolicy: { mode: config.mode },
    importsDir: `${config.DATA_DIR}/imports`,
    log: (message) => console.warn(message),
  });
  return { services, database, lock };
}

/** Demo data and plan profiles on a fresh embedded demo database (REG-*, POL-1, POL-2). */
async function seedDemo(config: Config, services: Services): Promise<DemoLogins | undefined> {
  if (config.DATABASE_URL || config.DEMO_DATA !== 'auto' || config.mode !== 'demo') return undefined;
  const demo = await ensureDemoData(services, {
    dataDir: config.DATA_DIR,
    scale: config.DEMO_SCALE,
    adminPassword: config.ADMIN_PASSWORD,
    log: (message) => console.log(message),
  });
  await ensureProfiles(services, { log: (message) => console.warn(message) });
  return demo;
}

/** Runs background work every second, never overlapping; returns a stop function that awaits the last run. */
function startBackground(services: Services, onError: (error: unknown) => void): () => Promise<void> {
  let background = Promise.resolve();
  let busy = false;
  const worker = setInterval(() => {
    if (busy) return;
    busy = true;
    background = runBackground(services)
      .catch(onError)
      .finally(() => {
        busy = false;
      });
  }, BACKGROUND_INTERVAL_MS);
  return async () => {
    clearInterval(worker);
    await background;
  };
}

/** Opens the database (under the data-dir lock when embedded), seeds demo data, listens, drains on signals. */
export async function startServer(config: Config): Promise<void> {
  const { services, database, lock } = await openServices(config);
  const demo = await seedDemo(config, services);
  let draining = false;
  const tls =
    config.TLS_CERT_FILE && config.TLS_KEY_FILE
      ? { cert: readFileSync(config.TLS_CERT_FILE), key: readFileSync(config.TLS_KEY_FILE) }
      : undefined;
  const app = await buildApp({
    services,
    logLevel: config.LOG_LEVEL,
    webDist: config.WEB_DIST,
    trustProxy: config.TRUST_PROXY === 'true',
    secureCookie: config.mode === 'production' || tls !== undefined,
    isDraining: () => draining,
    https: tls,
  });
  await app.listen({ port: config.PORT, host: config.HOST });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = `${tls ? 'https' : 'http'}://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`;
  lock?.update(url);
  printBanner(url, demo);
  const stopBackground = startBackground(services, (error) => app.log.error({ err: error }, 'background work failed'));
  // KPI-1: indicator rollups once on start (after demo seeding), then hourly through the jobs queue.
  const initialRefresh = services.rollupRefresh
    .refresh('start')
    .then(() => services.rollupRefresh.scheduleNext())
    .catch((error: unknown) => app.log.error({ err: error }, 'indicator refresh failed'));

  let stopping = false;
  const shutdown = async (signal: string, exitCode: number) => {
    if (stopping) process.exit(exitCode || 1);
    stopping = true;
    draining = true;
    app.log.info({ signal }, 'draining');
    const forced = setTimeout(() => process.exit(1), 15_000);
    forced.unref();
    await Promise.race([app.close(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
    await stopBackground();
    await initialRefresh; // a refresh still running finishes before the database closes
    await services.imports.stop(); // the running import ends after its current batch and resumes on re-upload
    await services.audit.seal().catch(() => 0);
    await database.checkpoint().catch(() => undefined);
    await database.close();
    lock?.release();
    process.exit(exitCode);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  process.on('uncaughtException', (error) => {
    console.error(error);
    void shutdown('uncaughtException', 1);
  });
}
