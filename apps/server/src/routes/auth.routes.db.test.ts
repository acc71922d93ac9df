import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stepOf, totpCode } from '@kangyang/services/auth/totp';
import { buildElder } from '@kangyang/test-kit/builders';
import { TEST_PASSWORD } from '@kangyang/test-kit/accounts';
import { queryOne } from '@kangyang/test-kit/sql';
import { nextClientAddress, openTestApp, type TestApp } from '../test-app.ts';

let t: TestApp;
const MINUTE = 60_000;

beforeAll(async () => {
  t = await openTestApp({
    login: false,
    accounts: [
      { username: 'street', role: 'streetOfficer', regionCode: '330102002' },
      { username: 'victim', role: 'streetOfficer', regionCode: '330102002' },
      { username: 'sysadmin', role: 'sysAdmin', regionCode: '330102' },
      { username: 'idle', role: 'streetOfficer', regionCode: '330102002' },
      { username: 'marathon', role: 'streetOfficer', regionCode: '330102002' },
      { username: 'leaver', role: 'streetOfficer', regionCode: '330102002' },
      { username: 'retired', role: 'streetOfficer', regionCode: '330102002' },
      { username: 'totp', role: 'streetOfficer', regionCode: '330102002' },
    ],
  });
});
afterAll(async () => t.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function loginFrom(ip: string, username: string, password: string) {
  return t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });
}

async function tokenOf(username: string): Promise<string> {
  const reply = await t.login(username);
  expect(reply.statusCode, reply.body).toBe(200);
  return (reply.json() as { token: string }).token;
}

const me = (token: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });

/** Rows of the tables a request could write, except the audit log (denials are audited, AZ-4). */
async function businessCounts(): Promise<Record<string, number>> {
  return queryOne<Record<string, number>>(
    t.database,
    `SELECT (SELECT count(*)::int FROM elders) AS elders,
               (SELECT count(*)::int FROM sessions) AS sessions,
               (SELECT count(*)::int FROM sessions WHERE revoked_at IS NOT NULL) AS revoked,
               (SELECT coalesce(sum(version), 0)::int FROM elders) AS versions,
               (SELECT count(*)::int FROM users WHERE failed_count > 0) AS failing`,
  );
}

/** A write attempt with the token: creating an elder and listing. Both must be 401 and write nothing. */
async function expectRefusedAndNothingWritten(token: string): Promise<void> {
  const before = await businessCounts();
  const create = await t.app.inject({
    method: 'POST',
    url: '/api/elders',
    headers: bearer(token),
    payload: buildElder(),
  });
  expect(create.statusCode).toBe(401);
  expect(create.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  expect((await me(token)).statusCode).toBe(401);
  expect(await businessCounts()).toEqual(before);
}

describe('FT-9 brute force (MLP-3)', () => {
  it('locks after 5 failures: the 6th to 12th attempts answer 423 ACCOUNT_LOCKED with retryAfterSeconds', async () => {
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 12; attempt += 1) {
      const reply = await loginFrom(nextClientAddress(), 'victim', `wrong-${attempt}`);
      statuses.push(reply.statusCode);
      if (reply.statusCode === 423) {
        const body = reply.json() as { error: { code: string; message: string } };
        expect(body.error.code).toBe('ACCOUNT_LOCKED');
        expect(reply.headers['retry-after']).toBe('900');
        expect(body.error.message).toContain('900');
      }
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 423, 423, 423, 423, 423, 423, 423]);
  });

  it('refuses the right password while locked, and accepts it once the fake clock passes 15 minutes', async () => {
    const locked = await loginFrom(nextClientAddress(), 'victim', TEST_PASSWORD);
    expect(locked.statusCode).toBe(423);
    t.clock.advance(14 * MINUTE);
    const stillLocked = await loginFrom(nextClientAddress(), 'victim', TEST_PASSWORD);
    expect(stillLocked.statusCode).toBe(423);
    expect(Number(stillLocked.headers['retry-after'])).toBe(60);
    t.clock.advance(MINUTE + 1000);
    const open = await loginFrom(nextClientAddress(), 'victim', TEST_PASSWORD);
    expect(open.statusCode).toBe(200);
    expect(open.json()).toHaveProperty('token');
  });

  it('treats unknown usernames the same (no account enumeration)', async () => {
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 6; attempt += 1)
      statuses.push((await loginFrom(nextClientAddress(), 'nobody-here', 'whatever-1')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 423]);
    const unknown = await loginFrom(nextClientAddress(), 'nobody-else', 'whatever-1');
    const known = await loginFrom(nextClientAddress(), 'street', 'whatever-1');
    expect(unknown.body.replace(/"requestId":"[^"]*"/, '')).toBe(known.body.replace(/"requestId":"[^"]*"/, ''));
  });

  it('spraying one password over 100 usernames from one IP hits 429 RATE_LIMITED with Retry-After', async () => {
    const ip = nextClientAddress();
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof loginFrom>> | undefined;
    for (let index = 0; index < 100; index += 1) {
      const reply = await loginFrom(ip, `spray-${index}`, 'Summer2026!');
      statuses.push(reply.statusCode);
      if (reply.statusCode === 429) limited ??= reply;
    }
    expect(statuses.slice(0, 20).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(20).every((status) => status === 429)).toBe(true);
    expect(limited?.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
    // The limit is per IP: the same minute, another client signs in.
    expect((await loginFrom(nextClientAddress(), 'street', TEST_PASSWORD)).statusCode).toBe(200);
    // And the sprayed IP is served again after the window.
    t.clock.advance(MINUTE);
    expect((await loginFrom(ip, 'street', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('audits each failure and lockout (AUD-1)', async () => {
    const found = await t.services.audit.search({ action: 'auth.login', outcome: 'denied' }, 500, 0);
    const reasons = new Set(found.items.map((row) => row.reason));
    expect(reasons).toContain('badCredentials');
    expect(reasons).toContain('locked');
  });
});

describe('FT-10 tokens (MLP-4): all 401, nothing written', () => {
  it('refuses a forged token', async () => {
    await expectRefusedAndNothingWritten(randomBytes(32).toString('base64url'));
    await expectRefusedAndNothingWritten('not-a-token');
  });

  it('refuses a real token with one character altered', async () => {
    const token = await tokenOf('street');
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    expect((await me(token)).statusCode).toBe(200);
    await expectRefusedAndNothingWritten(`${token.slice(0, -1)}${last}`);
    await expectRefusedAndNothingWritten(`${token}x`);
  });

  it('refuses a token after logout', async () => {
    const token = await tokenOf('leaver');
    const logout = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(token) });
    expect(logout.statusCode).toBe(204);
    await expectRefusedAndNothingWritten(token);
  });

  it('expires a staff session after 30 idle minutes, an administrator session after 15 (fake clock)', async () => {
    const staff = await tokenOf('idle');
    const admin = await tokenOf('sysadmin');
    t.clock.advance(14 * MINUTE);
    expect((await me(staff)).statusCode).toBe(200);
    expect((await me(admin)).statusCode).toBe(200);
    t.clock.advance(15 * MINUTE + 1000);
    expect((await me(admin)).statusCode).toBe(401);
    expect((await me(staff)).statusCode).toBe(200);
    t.clock.advance(30 * MINUTE + 1000);
    await expectRefusedAndNothingWritten(staff);
  });

  it('ends a session at its absolute lifetime of 12 hours however active it is', async () => {
    const token = await tokenOf('marathon');
    for (let minute = 0; minute < 12 * 60 - 10; minute += 10) {
      t.clock.advance(10 * MINUTE);
      expect((await me(token)).statusCode).toBe(200);
    }
    t.clock.advance(11 * MINUTE);
    await expectRefusedAndNothingWritten(token);
  });

  it('refuses the token of a disabled user, and the disabled user cannot sign in', async () => {
    const token = await tokenOf('retired');
    expect((await me(token)).statusCode).toBe(200);
    await t.database.exec(`UPDATE users SET status = 'disabled' WHERE username = 'retired'`);
    t.clock.advance(31_000); // sessions are re-read from the database at least every 30 s
    await expectRefusedAndNothingWritten(token);
    const again = await t.login('retired');
    expect(again.statusCode).toBe(401);
    expect(again.json()).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
  });

  it('audits each refused token as a denial (AZ-4)', async () => {
    const found = await t.services.audit.search({ action: 'http.request', outcome: 'denied' }, 500, 0);
    expect(found.items.filter((row) => row.reason === 'unauthenticated').length).toBeGreaterThanOrEqual(10);
  });
});

describe('TOTP (MLP-1)', () => {
  it('refuses a replayed code, and a code of a used step', async () => {
    const token = await tokenOf('totp');
    const enrol = await t.app.inject({ method: 'POST', url: '/api/auth/totp/enrol', headers: bearer(token) });
    expect(enrol.statusCode).toBe(200);
    const { secret } = enrol.json() as { secret: string };
    const confirm = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/confirm',
      headers: bearer(token),
      payload: { code: totpCode(secret, stepOf(t.clock.now())) },
    });
    expect(confirm.statusCode).toBe(200);

    const login = (totp?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'totp', password: TEST_PASSWORD, ...(totp ? { totp } : {}) },
        remoteAddress: nextClientAddress(),
      });
    const missing = await login();
    expect(missing.statusCode).toBe(401);
    expect(missing.json()).toMatchObject({ error: { code: 'TOTP_REQUIRED', field: 'totp' } });
    t.clock.advance(31_000);
    const code = totpCode(secret, stepOf(t.clock.now()));
    expect((await login(code)).statusCode).toBe(200);
    const replay = await login(code);
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ error: { code: 'TOTP_INVALID', field: 'totp' } });
    const previous = await login(totpCode(secret, stepOf(t.clock.now()) - 1));
    expect(previous.statusCode).toBe(401);
    t.clock.advance(30_000);
    expect((await login(totpCode(secret, stepOf(t.clock.now())))).statusCode).toBe(200);
  });
});
