import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import {
  acquireDataDirLock,
  createServices,
  loadKeyring,
  openDatabase,
  systemClock,
  type Services,
} from '@kangyang/services';
import { createAccount } from '@kangyang/services/auth/accounts';
import { findElderWithRegionName } from '@kangyang/services/elders/elder.repo';
import { sampleElderIds, serverVersion } from '@kangyang/services/generator/generator.repo';
import { toDto } from '@kangyang/services/elders/elder-mapper';
import { buildApp } from '@kangyang/server/app';

/**
 * The server side of `api-read`, forked by bench/api-read.ts: the real app (buildApp, with the
 * background audit sealer of server.ts) and a bare Fastify route in the same process and on the
 * same database, running the elder's primary-key SELECT and answering the same JSON.
 */
export type ServerReady = {
  type: 'ready';
  appPort: number;
  barePort: number;
  username: string;
  password: string;
  ids: string[];
  engineVersion: string;
};

const [dataDir = '', scope = '330102', logLevel = 'info'] = process.argv.slice(2);
const SAMPLE_IDS = 5000;

/** A fresh district-level account over the dataset's region for this run (civil-affairs admin). */
async function benchAccount(services: Services): Promise<{ username: string; password: string }> {
  const username = `bench-${scope}-${randomBytes(4).toString('hex')}`;
  const password = `Bench-${randomBytes(12).toString('base64url')}`;
  const grants = [{ role: 'civilAffairsAdmin' as const, regionCode: scope }];
  await createAccount(
    services.database.db,
    { username, displayName: 'api-read bench', password, grants },
    services.clock.now(),
  );
  return { username, password };
}

/** The baseline: the same primary-key SELECT (elder and region name), the same JSON, nothing else. */
async function bareServer(services: Services) {
  const bare = Fastify({ logger: false });
  const { db } = services.database;
  bare.get<{ Params: { id: string } }>('/bare/elders/:id', async (request, reply) => {
    const found = await findElderWithRegionName(db, request.params.id, undefined);
    if (!found) return reply.code(404).send({ error: { code: 'NOT_FOUND' } });
    return toDto(found.row, services.clock.today(), found.regionName);
  });
  await bare.listen({ port: 0, host: '127.0.0.1' });
  return bare;
}

const portOf = (address: string | AddressInfo | null): number =>
  typeof address === 'object' && address ? address.port : 0;

async function main(): Promise<void> {
  const lock = acquireDataDirLock(dataDir, { command: 'bench api-read' }, () => undefined);
  const keyring = loadKeyring({}, dataDir, () => undefined);
  const database = await openDatabase({ dataDir });
  const services = createServices({ database, keyring, clock: systemClock });
  const account = await benchAccount(services);
  const ids = await sampleElderIds(database.db, scope, SAMPLE_IDS);
  const version = await serverVersion(database.db);
  const app = await buildApp({ services, logLevel });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const bare = await bareServer(services);
  let busy = false;
  const sealer = setInterval(() => {
    if (busy) return;
    busy = true;
    void services.audit.seal().finally(() => {
      busy = false;
    });
  }, 1000);
  process.on('message', (message: { type: string }) => {
    if (message.type === 'cpu') {
      const usage = process.cpuUsage();
      process.send?.({ type: 'cpu', micros: usage.user + usage.system });
      return;
    }
    if (message.type !== 'stop') return;
    clearInterval(sealer);
    void (async () => {
      await Promise.all([app.close(), bare.close()]);
      await services.audit.seal();
      await database.close();
      lock.release();
      process.send?.({ type: 'stopped', maxRssKiB: process.resourceUsage().maxRSS });
      process.exit(0);
    })();
  });
  const ready: ServerReady = {
    type: 'ready',
    appPort: portOf(app.server.address()),
    barePort: portOf(bare.server.address()),
    username: account.username,
    password: account.password,
    ids,
    engineVersion: `${database.engineVersion.replace('PGlite ', '')} (${version.split(' on ')[0] ?? version})`,
  };
  process.send?.(ready);
}

void main();
