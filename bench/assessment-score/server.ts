import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import Fastify from 'fastify';
import { createServices, fromPglite, migrate, systemClock, testKeyring } from '@kangyang/services';
import { createAccount } from '@kangyang/services/auth/accounts';
import { scoreByCode, DEFAULT_ASSESSMENT_SETTINGS } from '@kangyang/domain/assessment';
import { buildApp } from '@kangyang/server/app';
import { scoreBodies } from './bodies.ts';

/**
 * The server side of `assessment-score`, forked by bench/assessment-score.ts: the real app
 * (authentication, permission, zod body and response schemas, the domain scorer, the error
 * handler) and a bare Fastify route in the same process that parses the same body and answers the
 * same JSON, looked up from a precomputed table (no scoring, no authentication, no schema).
 */
export type ServerReady = {
  type: 'ready';
  appPort: number;
  barePort: number;
  username: string;
  password: string;
  engineVersion: string;
};

const [seed = '1', count = '256', logLevel = 'info'] = process.argv.slice(2);

async function bareServer(bodies: ReturnType<typeof scoreBodies>) {
  const answers = new Map(
    bodies.map((body) => {
      const scored = scoreByCode(body.instrument, body.answers, body.flags, DEFAULT_ASSESSMENT_SETTINGS);
      if (!scored.ok) throw new Error(`bench body does not score: ${scored.error.code} ${scored.error.field}`);
      return [JSON.stringify(body), scored.value] as const;
    }),
  );
  const bare = Fastify({ logger: false });
  bare.post('/bare/score', async (request, reply) => {
    const found = answers.get(JSON.stringify(request.body));
    return found ?? reply.code(404).send({ error: { code: 'NOT_FOUND' } });
  });
  await bare.listen({ port: 0, host: '127.0.0.1' });
  return bare;
}

const portOf = (address: string | AddressInfo | null): number =>
  typeof address === 'object' && address ? address.port : 0;

async function main(): Promise<void> {
  const database = fromPglite(await PGlite.create());
  await migrate(database);
  const services = createServices({ database, keyring: testKeyring(), clock: systemClock });
  const username = 'bench-scorer';
  const password = `Bench-${randomBytes(12).toString('base64url')}`;
  await createAccount(
    database.db,
    {
      username,
      displayName: 'assessment-score bench',
      password,
      grants: [{ role: 'streetOfficer', regionCode: '330102' }],
    },
    new Date(),
  );
  const app = await buildApp({ services, logLevel });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const bare = await bareServer(scoreBodies(Number(seed), Number(count)));
  process.on('message', (message: { type: string }) => {
    if (message.type === 'cpu') {
      const usage = process.cpuUsage();
      process.send?.({ type: 'cpu', micros: usage.user + usage.system });
      return;
    }
    if (message.type !== 'stop') return;
    void (async () => {
      await Promise.all([app.close(), bare.close()]);
      await database.close();
      process.send?.({ type: 'stopped', maxRssKiB: process.resourceUsage().maxRSS });
      process.exit(0);
    })();
  });
  const ready: ServerReady = {
    type: 'ready',
    appPort: portOf(app.server.address()),
    barePort: portOf(bare.server.address()),
    username,
    password,
    engineVersion: database.engineVersion,
  };
  process.send?.(ready);
}

void main();
