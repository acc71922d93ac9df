import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE } from './lock.ts';

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kangyang-lock-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const holderIn = (dir: string) => JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as Record<string, unknown>;
const writeHolder = (dir: string, holder: Record<string, unknown>) =>
  writeFileSync(join(dir, LOCK_FILE), JSON.stringify(holder));

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.exit(0)']);
  return child.pid ?? 999_999;
}

describe('data-dir lock (REL-7)', () => {
  it('takes the lock with pid, host, start time and command, and writes the URL once listening', () => {
    const dir = freshDir();
    const messages: string[] = [];
    const lock = acquireDataDirLock(dir, { command: 'server' }, (message) => messages.push(message));
    expect(holderIn(dir)).toMatchObject({ pid: process.pid, host: hostname(), command: 'server' });
    lock.update('http://127.0.0.1:3000');
    expect(holderIn(dir)).toMatchObject({ pid: process.pid, url: 'http://127.0.0.1:3000' });
    expect(readdirSync(dir)).toEqual([LOCK_FILE]); // no temp file left behind
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    expect(messages).toEqual([]);
  });

  it('refuses while a live process holds it, naming the holder pid and URL, and leaves its lock alone', () => {
    const dir = freshDir();
    const live = {
      pid: process.ppid,
      host: hostname(),
      startedAt: '2026-11-02T00:00:00Z',
      url: 'http://127.0.0.1:3917',
    };
    writeHolder(dir, live);
    let refusal: unknown;
    try {
      acquireDataDirLock(dir, { command: 'cli import elders' }, () => undefined);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DataDirLockedError);
    expect((refusal as DataDirLockedError).holder).toMatchObject({ pid: process.ppid, url: live.url });
    expect((refusal as Error).message).toContain(String(process.ppid));
    expect((refusal as Error).message).toContain(live.url);
    expect(holderIn(dir)).toEqual(live);
  });

  it('refuses a lock held from another host (a shared disk): it cannot tell whether that process lives', () => {
    const dir = freshDir();
    writeHolder(dir, { pid: deadPid(), host: 'another-host', startedAt: '2026-11-02T00:00:00Z' });
    expect(() => acquireDataDirLock(dir, { command: 'server' }, () => undefined)).toThrow(DataDirLockedError);
  });

  it("removes a dead holder's lock and PGlite's stale postmaster.pid, logging it, then takes the lock", () => {
    const dir = freshDir();
    const pid = deadPid();
    writeHolder(dir, { pid, host: hostname(), startedAt: '2026-11-02T00:00:00Z', url: 'http://127.0.0.1:1' });
    mkdirSync(join(dir, 'pgdata'));
    writeFileSync(join(dir, 'pgdata', 'postmaster.pid'), `${pid}\n`);
    const messages: string[] = [];
    const lock = acquireDataDirLock(dir, { command: 'server' }, (message) => messages.push(message));
    expect(messages).toEqual([`removing stale data-dir lock of pid ${pid}`]);
    expect(existsSync(join(dir, 'pgdata', 'postmaster.pid'))).toBe(false);
    expect(holderIn(dir)).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('treats an unreadable lock file as stale', () => {
    const dir = freshDir();
    writeFileSync(join(dir, LOCK_FILE), '');
    const lock = acquireDataDirLock(dir, { command: 'server' }, () => undefined);
    expect(holderIn(dir)).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('release never removes a lock that another process has taken since', () => {
    const dir = freshDir();
    const lock = acquireDataDirLock(dir, { command: 'server' }, () => undefined);
    const other = { pid: process.ppid, host: hostname(), startedAt: '2026-11-02T00:00:00Z' };
    writeHolder(dir, other);
    lock.release();
    expect(holderIn(dir)).toEqual(other);
  });
});
