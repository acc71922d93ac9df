import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElder } from '@kangyang/test-kit/builders';
import { LOCK_FILE } from '@kangyang/services';

/**
 * FT-13 and FT-14 with real processes: `node --import tsx apps/server/src/main.ts` on a temporary
 * DATA_DIR with the toy demo data, as `npm start` runs it.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SERVER_MAIN = join(ROOT, 'apps/server/src/main.ts');
const CLI_MAIN = join(ROOT, 'apps/cli/src/main.ts');
const ADMIN_PASSWORD = 'Ft13-Admin-Password!';
const dataDir = mkdtempSync(join(tmpdir(), 'kangyang-ft13-'));
const children: ChildProcess[] = [];

type Running = { child: ChildProcess; url: string; output: () => string; exited: Promise<number | null> };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function run(main: string, args: string[], env: Record<string, string>): Omit<Running, 'url'> {
  const child = spawn(process.execPath, ['--import', 'tsx', main, ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'development', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

async function startServer(): Promise<Running> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { PORT: String(port), DEMO_SCALE: 'toy', ADMIN_PASSWORD, WEB_DIST: join(dataDir, 'no-web') };
  return { ...run(SERVER_MAIN, [], env), url };
}

async function health(url: string): Promise<number> {
  try {
    return (await fetch(`${url}/api/health`)).status;
  } catch {
    return 0;
  }
}

async function waitHealthy(server: Running, timeoutMs = 150_000): Promise<void> {
  let exitCode: number | null | undefined;
  void server.exited.then((code) => (exitCode = code));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`server exited ${exitCode} before serving:\n${server.output()}`);
    if ((await health(server.url)) === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms:\n${server.output()}`);
}

async function login(url: string): Promise<string> {
  const reply = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  expect(reply.status).toBe(200);
  return ((await reply.json()) as { token: string }).token;
}

async function api(url: string, token: string, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
  });
}

async function elderTotal(url: string, token: string): Promise<number> {
  const reply = await api(url, token, '/api/elders?limit=1');
  expect(reply.status).toBe(200);
  return ((await reply.json()) as { total: number }).total;
}

const lockHolder = (): { pid: number; url?: string } =>
  JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')) as { pid: number; url?: string };

let first: Running;
let token = '';
let createdId = '';
let totalBefore = 0;

beforeAll(async () => {
  first = await startServer();
  await waitHealthy(first);
  token = await login(first.url);
  const created = await api(first.url, token, '/api/elders', { method: 'POST', body: JSON.stringify(buildElder()) });
  expect(created.status).toBe(201);
  createdId = ((await created.json()) as { id: string }).id;
  totalBefore = await elderTotal(first.url, token);
}, 200_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('FT-13 data-dir lock (REL-7)', () => {
  it('a second server on the same DATA_DIR exits non-zero naming the holder pid and URL', async () => {
    expect(lockHolder()).toMatchObject({ pid: first.child.pid, url: first.url });
    const second = await startServer();
    const code = await second.exited;
    expect(code).not.toBe(0);
    expect(second.output()).toContain('DATA_DIR_LOCKED');
    expect(second.output()).toContain(String(first.child.pid));
    expect(second.output()).toContain(first.url);
  }, 60_000);

  it('a writing CLI command on the same DATA_DIR refuses too, naming the holder', async () => {
    const file = join(dataDir, 'one-elder.csv');
    writeFileSync(file, '姓名,身份证号,居住地区划代码\n测试,11010519491231002X,330102002001\n');
    const cli = run(CLI_MAIN, ['import', 'elders', file], {});
    const code = await cli.exited;
    expect(code, cli.output()).toBe(2);
    expect(cli.output()).toContain('DATA_DIR_LOCKED');
    expect(cli.output()).toContain(String(first.child.pid));
    expect(cli.output()).toContain(first.url);
  }, 60_000);

  it('the first server keeps serving with its data intact', async () => {
    expect(await health(first.url)).toBe(200);
    expect((await api(first.url, token, `/api/elders/${createdId}`)).status).toBe(200);
    expect(await elderTotal(first.url, token)).toBe(totalBefore);
    expect(lockHolder().pid).toBe(first.child.pid);
  });

  it('after kill -9 the stale lock is recovered and the data is still there (demo data not regenerated)', async () => {
    first.child.kill('SIGKILL');
    await first.exited;
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true);
    const again = await startServer();
    await waitHealthy(again);
    expect(again.output()).toContain('stale data-dir lock');
    expect(again.output()).not.toContain('first start');
    const relogin = await login(again.url);
    expect((await api(again.url, relogin, `/api/elders/${createdId}`)).status).toBe(200);
    expect(await elderTotal(again.url, relogin)).toBe(totalBefore);
    expect(lockHolder()).toMatchObject({ pid: again.child.pid, url: again.url });
    first = again;
    token = relogin;
  }, 200_000);
});

describe('FT-14 SIGTERM under light load (REL-8)', () => {
  it('completes in-flight requests, answers only 503 once draining, exits 0 and releases the lock', async () => {
    const server = first;
    const creates = Array.from({ length: 6 }, () => buildElder());
    const requests = [
      ...creates.map((body) => api(server.url, token, '/api/elders', { method: 'POST', body: JSON.stringify(body) })),
      ...Array.from({ length: 8 }, () => api(server.url, token, '/api/elders?limit=200')),
    ].map((request) =>
      request.then(
        async (reply) => ({ status: reply.status, after: signalledAt > 0, text: await reply.text() }),
        (error: unknown) => ({ status: 0, after: signalledAt > 0, text: String(error) }),
      ),
    );
    let signalledAt = 0;
    await new Promise((resolve) => setTimeout(resolve, 30));
    signalledAt = Date.now();
    server.child.kill('SIGTERM');
    const outcomes = await Promise.all(requests);
    const code = await server.exited;

    expect(code, server.output()).toBe(0);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    const answered = outcomes.filter((outcome) => outcome.status !== 0);
    expect(answered.length).toBeGreaterThan(0);
    for (const outcome of answered) expect([200, 201, 503], outcome.text).toContain(outcome.status);
    const completedAfterSignal = outcomes.filter((outcome) => outcome.after && [200, 201].includes(outcome.status));
    expect(completedAfterSignal.length).toBeGreaterThan(0);

    const next = await startServer();
    await waitHealthy(next);
    expect(next.output()).not.toContain('stale data-dir lock');
    const relogin = await login(next.url);
    const acknowledged = outcomes.filter((outcome) => outcome.status === 201).length;
    expect(await elderTotal(next.url, relogin)).toBe(totalBefore + acknowledged);
    next.child.kill('SIGTERM');
    expect(await next.exited).toBe(0);
  }, 240_000);

  it('the audit chain of the served data verifies after the shutdown (FT-11, AUD-6)', async () => {
    const cli = run(CLI_MAIN, ['audit', 'verify'], {});
    const code = await cli.exited;
    expect(code, cli.output()).toBe(0);
  }, 120_000);
});
