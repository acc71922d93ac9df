import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { rows } from '../db/database.ts';
import { createAccount } from './accounts.ts';

/** MLP-3 lockout and MLP-4 sessions in the service, on PGlite and on PostgreSQL (with real concurrency). */
let context: TestContext;
const password = 'Correct-Horse-Battery-9';
let ip = 0;
const meta = () => {
  ip += 1;
  return { requestId: `auth-${ip}`, ip: `10.20.${ip >> 8}.${ip & 255}`, userAgent: 'vitest' };
};

async function account(username: string, role: 'streetOfficer' | 'sysAdmin' = 'streetOfficer'): Promise<string> {
  const grants = [{ role, regionCode: '330102002' }];
  return createAccount(context.database.db, { username, displayName: username, password, grants }, context.clock.now());
}

async function userRow(username: string) {
  const [row] = await rows<{ failed_count: number; locked_until: Date | null }>(
    context.database.db,
    sql`SELECT failed_count, locked_until FROM users WHERE username = ${username}`,
  );
  return row;
}

const login = (username: string, secret = password) =>
  context.services.auth.login({ username, password: secret }, meta());

beforeAll(async () => {
  context = await openTestServices();
});
afterAll(async () => context.close());

describe('MLP-3 lockout', () => {
  it('locks after 5 consecutive failures for 15 minutes, even with the right password, then resets', async () => {
    await account('lockme');
    for (let attempt = 0; attempt < 5; attempt += 1)
      await expect(login('lockme', 'wrong')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(await userRow('lockme')).toMatchObject({ failed_count: 5 });
    await expect(login('lockme')).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED', params: { retryAfterSeconds: 900 } });
    context.clock.advance(15 * 60_000 + 1000);
    await expect(login('lockme')).resolves.toHaveProperty('token');
    expect(await userRow('lockme')).toMatchObject({ failed_count: 0, locked_until: null });
  });

  it('a success in between resets the count: failures must be consecutive', async () => {
    await account('careless');
    for (let attempt = 0; attempt < 4; attempt += 1) await expect(login('careless', 'wrong')).rejects.toThrow();
    await login('careless');
    for (let attempt = 0; attempt < 4; attempt += 1) await expect(login('careless', 'wrong')).rejects.toThrow();
    await expect(login('careless')).resolves.toHaveProperty('token');
  });

  it('counts parallel failures exactly (one atomic UPDATE per failure)', async () => {
    await account('parallel');
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => login('parallel', 'wrong')));
    expect(results.every((result) => result.status === 'rejected')).toBe(true);
    expect(await userRow('parallel')).toMatchObject({ failed_count: 8 });
    await expect(login('parallel')).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED' });
  });
});

describe('MLP-4 sessions', () => {
  it('stores only the SHA-256 of a fresh 256-bit token at every login', async () => {
    await account('hashed');
    const first = await login('hashed');
    const second = await login('hashed');
    expect(first.token).not.toBe(second.token);
    expect(Buffer.from(first.token, 'base64url')).toHaveLength(32);
    const stored = await rows<{ token_hash: string }>(
      context.database.db,
      sql`SELECT token_hash FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = 'hashed'`,
    );
    const expected = [first.token, second.token].map((token) => createHash('sha256').update(token).digest('hex'));
    expect(stored.map((row) => row.token_hash).sort()).toEqual(expected.sort());
  });

  it('revoking all sessions of a user (disable, password change, 2FA reset) ends them at once', async () => {
    const userId = await account('revoked');
    const { token } = await login('revoked');
    await expect(context.services.auth.authenticate(token, meta())).resolves.toMatchObject({ userId });
    await context.services.auth.revokeAllSessions(userId);
    await expect(context.services.auth.authenticate(token, meta())).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('administrators idle out after 15 minutes, staff after 30', async () => {
    await account('admin-idle', 'sysAdmin');
    await account('staff-idle');
    const admin = (await login('admin-idle')).token;
    const staff = (await login('staff-idle')).token;
    context.clock.advance(16 * 60_000);
    await expect(context.services.auth.authenticate(admin, meta())).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(context.services.auth.authenticate(staff, meta())).resolves.toBeDefined();
  });
});
