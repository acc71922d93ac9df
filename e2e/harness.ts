// Browser-journey harness: builds the web app when stale, starts the real server on a fresh data
// dir with toy demo data, and drives Debian chromium through playwright-core (architecture.md §4).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WEB_DIST = join(ROOT, 'apps/web/dist');
const WEB_DIST_INDEX = join(WEB_DIST, 'index.html');
const WEB_SOURCES = [
  'apps/web/src',
  'apps/web/index.html',
  'apps/web/vite.config.ts',
  'apps/web/public',
  'packages/contracts/src',
  'packages/domain/src',
];
export const CHROMIUM = '/usr/bin/chromium';

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Builds apps/web into apps/web/dist when the build is missing or older than any web source. */
export function ensureWebBuild(): void {
  const built = existsSync(WEB_DIST_INDEX) ? statSync(WEB_DIST_INDEX).mtimeMs : 0;
  const newest = Math.max(...WEB_SOURCES.map((path) => newestMtime(join(ROOT, path))));
  if (built > newest) return;
  // Built beside dist and swapped in by rename, so a server of a parallel journey never serves a half-emptied dist.
  // NODE_ENV is `test` under Vitest: a build with it would ship React's and antd's development code.
  const staging = `${WEB_DIST}.build-${process.pid}`;
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', 'apps/web', '--logLevel', 'warn', '--outDir', staging],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (result.status !== 0) throw new Error(`web build failed:\n${result.stdout}\n${result.stderr}`);
  const retired = `${WEB_DIST}.old-${process.pid}`;
  if (existsSync(WEB_DIST)) renameSync(WEB_DIST, retired);
  renameSync(staging, WEB_DIST);
  rmSync(retired, { recursive: true, force: true });
}

/** A port nobody listens on right now (the server is told to use it; the banner confirms it). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

export type RunningServer = {
  url: string;
  adminPassword: string;
  staffPassword: string;
  dataDir: string;
  /** Everything the server printed so far (stdout and stderr). */
  log: () => string;
  stop: () => Promise<void>;
};

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function waitForHealth(url: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`server not healthy after ${timeoutMs} ms:\n${log()}`);
}

async function waitForBanner(
  read: () => string,
  child: ChildProcess,
  timeoutMs: number,
): Promise<{ admin: string; staff: string }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const text = read();
    const admin = /演示账号 admin \/ (\S+)/.exec(text)?.[1];
    const staff = /密码 password: (\S+)/.exec(text)?.[1];
    if (admin && staff) return { admin, staff };
    if (child.exitCode !== null) break;
    await sleep(100);
  }
  throw new Error(`no demo logins in the server banner:\n${read()}`);
}

/** Starts `tsx apps/server/src/main.ts` on a fresh temp DATA_DIR with the toy demo set (600 elders). */
export async function startServer(options: { timeoutMs?: number } = {}): Promise<RunningServer> {
  const timeoutMs = options.timeoutMs ?? 180_000;
  const dataDir = mkdtempSync(join(tmpdir(), 'kangyang-e2e-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    DEMO_SCALE: 'toy',
    DEMO_DATA: 'auto',
    LOG_LEVEL: 'warn',
    WEB_DIST: join(ROOT, 'apps/web/dist'),
  };
  delete env['ADMIN_PASSWORD'];
  delete env['DATABASE_URL'];
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'apps/server/src/main.ts')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const log = () => output;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      await Promise.race([exited, sleep(20_000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(url, child, log, timeoutMs);
    const logins = await waitForBanner(log, child, 10_000);
    return { url, adminPassword: logins.admin, staffPassword: logins.staff, dataDir, log, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Debian chromium, headless, with every background fetch to the outside switched off. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: run sh scripts/test-deps.sh (apt-get install -y chromium fonts-wqy-microhei)`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Screenshots of one journey, numbered in order, in artifacts/e2e/<journey>/. */
export function journeyArtifacts(journey: string) {
  const dir = join(ROOT, 'artifacts/e2e', journey);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let count = 0;
  return {
    dir,
    /** A full-page screenshot (or just the viewport, for phone-sized pictures). */
    async shot(page: Page, step: string, options: { fullPage?: boolean } = {}): Promise<string> {
      count += 1;
      const path = join(dir, `${String(count).padStart(2, '0')}-${step}.png`);
      // from the top, so the sticky header sits where it belongs; transitions finished at once
      if (options.fullPage ?? true) await page.evaluate('window.scrollTo(0, 0)');
      await page.screenshot({ path, fullPage: options.fullPage ?? true, animations: 'disabled' });
      return path;
    },
    /**
     * Copies a screenshot into the repository's docs (README pictures) when asked with
     * PUBLISH_SCREENSHOTS=1 (`npm run screenshots`); a plain test run leaves tracked files alone.
     */
    publish(from: string, docsName: string): void {
      if (process.env['PUBLISH_SCREENSHOTS'] !== '1') return;
      const target = join(ROOT, 'docs/screenshots', docsName);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(from, target);
    },
    writeText(name: string, text: string): void {
      writeFileSync(join(dir, name), text);
    },
  };
}
