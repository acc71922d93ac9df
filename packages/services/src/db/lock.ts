import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = 'kangyang.lock';

export type LockHolder = { pid: number; host: string; startedAt: string; url?: string; command?: string };

export type DataDirLock = { readonly path: string; update(url: string): void; release(): void };

export class DataDirLockedError extends Error {
  readonly holder: LockHolder;
  constructor(holder: LockHolder) {
    super(
      `data directory is locked by pid ${holder.pid} on ${holder.host}${holder.url ? ` serving ${holder.url}` : ''}`,
    );
    this.holder = holder;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Writes the lock file whole or not at all, so that a concurrent starter never reads a half-written
 * (empty) lock and takes it for a stale one: a temp file is linked into place (exclusive: fails with
 * EEXIST when a lock exists) or renamed over it (update).
 */
function writeWhole(path: string, holder: LockHolder, exclusive: boolean): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(holder));
  try {
    if (exclusive) linkSync(temp, path);
    else renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}

function readHolder(path: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

/**
 * Takes the data-dir lock (REL-7): creates `kangyang.lock` exclusively with pid, host, start time and
 * URL. A live holder means refusal (DataDirLockedError); a dead holder's lock and PGlite's stale
 * `postmaster.pid` are removed, then the lock is taken.
 */
export function acquireDataDirLock(
  dataDir: string,
  info: { command: string; url?: string },
  log: (message: string) => void,
): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const holder: LockHolder = {
      pid: process.pid,
      host: hostname(),
      startedAt: new Date().toISOString(),
      command: info.command,
      ...(info.url ? { url: info.url } : {}),
    };
    try {
      writeWhole(path, holder, true);
      return makeLock(path, holder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = readHolder(path);
      if (current && current.host === hostname() && isAlive(current.pid) && current.pid !== process.pid)
        throw new DataDirLockedError(current);
      if (current && current.host !== hostname()) throw new DataDirLockedError(current);
      log(`removing stale data-dir lock of pid ${current?.pid ?? '?'}`);
      rmSync(path, { force: true });
      const postmaster = join(dataDir, 'pgdata', 'postmaster.pid');
      if (existsSync(postmaster)) rmSync(postmaster, { force: true });
      const rootPostmaster = join(dataDir, 'postmaster.pid');
      if (existsSync(rootPostmaster)) rmSync(rootPostmaster, { force: true });
    }
  }
  throw new Error(`could not take the data-dir lock at ${path}`);
}

function makeLock(path: string, holder: LockHolder): DataDirLock {
  let released = false;
  return {
    path,
    update(url: string) {
      if (released) return;
      writeWhole(path, { ...holder, url }, false);
    },
    release() {
      if (released) return;
      released = true;
      const current = readHolder(path);
      if (current?.pid === process.pid) rmSync(path, { force: true });
    },
  };
}
