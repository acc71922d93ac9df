import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { acquireDataDirLock, createServices, loadKeyring, openDatabase, systemClock } from '@kangyang/services';
import { createAccount } from '@kangyang/services/auth/accounts';
import { liveElderCounts } from '@kangyang/services/indicators/indicator.repo';
import { childrenOf } from '@kangyang/services/regions/region.repo';
import { sampleElderIds, serverVersion } from '@kangyang/services/generator/generator.repo';
import { ensureProfiles } from '@kangyang/services/profiles/ensure-profiles';
import { periodOf } from '@kangyang/domain/ledger';
import { buildApp } from '@kangyang/server/app';

/**
 * The server side of `dashboard`, forked by bench/dashboard.ts: the real app over a data dir whose
 * rollups it refreshes first (timed), a bare Fastify route answering the same JSON per path, and
 * on request a rollup refresh running while the driver loads a lookup endpoint.
 */
export type DashboardReady = {
  type: 'ready';
  appPort: number;
  barePort: number;
  token: string;
  paths: string[];
  lookupPaths: string[];
  firstRefreshSeconds: number;
  liveGroupBySeconds: number;
  rollupRows: number;
  engineVersion: string;
};

const [dataDir = '', scope = '9901', profileId = '000', logLevel = 'warn'] = process.argv.slice(2);

async function main(): Promise<void> {
  const lock = acquireDataDirLock(dataDir, { command: 'bench dashboard' }, () => undefined);
  const keyring = loadKeyring({}, dataDir, () => undefined);
  const database = await openDatabase({ dataDir });
  const services = createServices({ database, keyring, clock: systemClock });
  const { db } = database;
  await ensureProfiles(services, {});
  const current = periodOf(services.clock.today());
  let started = performance.now();
  const refreshed = await services.rollupRefresh.refresh('manual', [current]);
  const firstRefreshSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  await liveElderCounts(db, scope);
  const liveGroupBySeconds = (performance.now() - started) / 1000;

  const username = `bench-dash-${randomBytes(4).toString('hex')}`;
  const password = `Bench-${randomBytes(12).toString('base64url')}`;
  const grants = [{ role: 'civilAffairsAdmin' as const, regionCode: scope }];
  await createAccount(db, { username, displayName: 'dashboard bench', password, grants }, services.clock.now());
  const app = await buildApp({ services, logLevel });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const token = login.json<{ token: string }>().token;

  const childCodes = (await childrenOf(db, scope)).slice(0, 4).map((region) => region.code);
  const indicatorId = `${profileId}-6`;
  const paths = [
    `/api/plans/${profileId}/indicators?region=${scope}`,
    `/api/regions/${scope}/overview`,
    `/api/plans/${profileId}/indicators/${indicatorId}/breakdown?region=${scope}`,
    ...childCodes.flatMap((code) => [
      `/api/plans/${profileId}/indicators?region=${code}`,
      `/api/regions/${code}/overview`,
    ]),
  ];
  const bodies = new Map<string, string>();
  for (const [index, path] of paths.entries()) {
    const reply = await app.inject({ method: 'GET', url: path, headers: { authorization: `Bearer ${token}` } });
    if (reply.statusCode !== 200) throw new Error(`${path}: ${reply.statusCode} ${reply.body}`);
    bodies.set(`/bare/${index}`, reply.body);
  }
  const bare = Fastify({ logger: false });
  bare.get<{ Params: { index: string } }>('/bare/:index', async (request, reply) =>
    reply.type('application/json; charset=utf-8').send(bodies.get(`/bare/${request.params.index}`)),
  );
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const ids = await sampleElderIds(db, scope, 2000);
  const version = await serverVersion(db);

  process.on('message', (message: { type: string }) => {
    if (message.type === 'cpu') {
      const usage = process.cpuUsage();
      process.send?.({ type: 'cpu', micros: usage.user + usage.system });
    } else if (message.type === 'refresh') {
      const began = performance.now();
      void services.rollupRefresh
        .refresh('manual', [current])
        .then(() => process.send?.({ type: 'refreshed', seconds: (performance.now() - began) / 1000 }));
    } else if (message.type === 'stop') {
      void (async () => {
        await Promise.all([app.close(), bare.close()]);
        await database.close();
        lock.release();
        process.send?.({ type: 'stopped', maxRssKiB: process.resourceUsage().maxRSS });
        process.exit(0);
      })();
    }
  });
  const portOf = (address: string | AddressInfo | null): number =>
    typeof address === 'object' && address ? address.port : 0;
  const ready: DashboardReady = {
    type: 'ready',
    appPort: portOf(app.server.address()),
    barePort: portOf(bare.server.address()),
    token,
    paths,
    lookupPaths: ids.map((id) => `/api/elders/${id}`),
    firstRefreshSeconds,
    liveGroupBySeconds,
    rollupRows: refreshed.rows,
    engineVersion: `${database.engineVersion.replace('PGlite ', '')} (${version.split(' on ')[0] ?? version})`,
  };
  process.send?.(ready);
}

void main();
