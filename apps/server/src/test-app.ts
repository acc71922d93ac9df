import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { createTestAccounts, ROLE_ACCOUNTS, type AccountSpec, type TestAccount } from '@kangyang/test-kit/accounts';
import { buildApp } from './app.ts';

/** For API tests (`*.routes.db.test.ts`): the real app over a fresh test database, never listening. */
export type TestApp = TestContext & {
  app: FastifyInstance;
  accounts: Map<string, TestAccount>;
  /** Bearer tokens from real logins through POST /api/auth/login, by username. */
  tokens: Map<string, string>;
  /** Logs in over HTTP from a fresh client address (the per-IP login limit stays out of the way). */
  login(username: string, password?: string): Promise<LightMyRequestResponse>;
  tokenOf(username: string): string;
  close(): Promise<void>;
};

let addressCounter = 0;
/** A distinct client address per call: 10.x.y.z. */
export function nextClientAddress(): string {
  addressCounter += 1;
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
}

export async function openTestApp(
  options: { accounts?: readonly AccountSpec[]; login?: boolean; now?: string } = {},
): Promise<TestApp> {
  const context = await openTestServices(options.now ? { now: options.now } : {});
  const app = await buildApp({ services: context.services, logLevel: 'silent' });
  await app.ready();
  const accounts = await createTestAccounts(context.database, context.clock.now(), options.accounts ?? ROLE_ACCOUNTS);
  const tokens = new Map<string, string>();
  const login = (username: string, password?: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: password ?? accounts.get(username)?.password ?? '' },
      remoteAddress: nextClientAddress(),
    });
  if (options.login !== false) {
    for (const username of accounts.keys()) {
      const reply = await login(username);
      if (reply.statusCode !== 200) throw new Error(`login of ${username} failed: ${reply.statusCode} ${reply.body}`);
      tokens.set(username, (reply.json() as { token: string }).token);
    }
  }
  return {
    ...context,
    app,
    accounts,
    tokens,
    login,
    tokenOf: (username) => {
      const token = tokens.get(username);
      if (!token) throw new Error(`no token for ${username}`);
      return token;
    },
    close: async () => {
      await app.close();
      await context.close();
    },
  };
}
