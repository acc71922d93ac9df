import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCitizenId } from '@kangyang/domain/identity';
import type { IsoDate } from '@kangyang/domain/units';
import { LOCK_FILE } from '@kangyang/services';
import { csvFile, type FixtureRow } from '@kangyang/services/imports/import-fixtures';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { runCli } from './cli.ts';
import type { CliContext } from './command.ts';
import { loadConfig } from './config.ts';
import { cliActor, openLocalSession } from './session.ts';

let context: TestContext;
const work = mkdtempSync(join(tmpdir(), 'kangyang-cli-test-'));

beforeAll(async () => {
  context = await openTestServices();
});
afterAll(async () => context.close());

type Captured = { out: string; err: string };

/** The CLI over the test database (a session that leaves the shared database open). */
function testCli(): { cli: CliContext; captured: Captured } {
  const captured = { out: '', err: '' };
  const io = {
    out: (text: string) => void (captured.out += text),
    err: (text: string) => void (captured.err += text),
    interactive: false,
  };
  const cli: CliContext = {
    config: loadConfig({ DATA_DIR: work }),
    io,
    openSession: async () => ({
      services: context.services,
      actor: cliActor(),
      close: async () => void (await context.services.audit.seal()),
    }),
  };
  return { cli, captured };
}

/** The CLI as `npx kangyang` runs it: real sessions on a data dir (lock, PGlite, migrations). */
function realCli(dataDir: string): { cli: CliContext; captured: Captured } {
  const captured = { out: '', err: '' };
  const io = {
    out: (text: string) => void (captured.out += text),
    err: (text: string) => void (captured.err += text),
    interactive: false,
  };
  const config = loadConfig({ DATA_DIR: dataDir });
  return {
    cli: { config, io, openSession: (command, options) => openLocalSession(config, io, command, options) },
    captured,
  };
}

let year = 1925;
function fileWith(valid: number, bad: number): string {
  year += 1;
  const lines: FixtureRow[] = Array.from({ length: valid + bad }, (_, index) => ({
    name: '孙八',
    idNumber: makeCitizenId('330102', `${year}-07-07` as IsoDate, index, 'male'),
    phone: index < valid ? '13600000000' : '1360000',
    residenceRegionCode: '330102003002',
  }));
  const path = join(work, `elders-${year}.csv`);
  writeFileSync(path, csvFile(lines));
  return path;
}

async function elderCount(): Promise<number> {
  return (await context.services.elders.list(cliActor(), { regionCode: '330102003002', limit: 1, offset: 0 })).total;
}

describe('kangyang import elders (REG-6)', () => {
  it('imports the valid rows, prints counts, rows/s and the bad rows; a re-run adds nothing', async () => {
    const file = fileWith(3, 1);
    const before = await elderCount();
    const first = testCli();
    expect(await runCli(['import', 'elders', file], first.cli)).toBe(0);
    expect(first.captured.out).toContain('新增 3，已登记（未重复导入）0，有误 1');
    expect(first.captured.out).toMatch(/第 5 行 {2}phone {2}PHONE_FORMAT/);
    expect(first.captured.out).toMatch(/约 [\d,]+ 行\/秒/);
    expect(first.captured.err).toMatch(/导入 4 \/ 4 行 {2}[1-9][\d,]* 行\/秒 {2}剩余 0:00/);
    expect(await elderCount()).toBe(before + 3);

    const again = testCli();
    expect(await runCli(['import', 'elders', file], again.cli)).toBe(0);
    expect(again.captured.out).toContain('新增 0，已登记（未重复导入）3，有误 1');
    expect(await elderCount()).toBe(before + 3);
  });

  it('all-or-nothing with a bad row exits 1 with IMPORT_HAS_INVALID_ROWS and writes nothing; --errors writes the report', async () => {
    const file = fileWith(2, 1);
    const before = await elderCount();
    const { cli, captured } = testCli();
    const report = join(work, 'errors.xlsx');
    expect(await runCli(['import', 'elders', file, '--mode', 'allOrNothing', '--errors', report], cli)).toBe(1);
    expect(captured.err).toContain('IMPORT_HAS_INVALID_ROWS');
    expect(await elderCount()).toBe(before);
    const withReport = testCli();
    expect(await runCli(['import', 'elders', file, '--errors', report], withReport.cli)).toBe(0);
    expect(readFileSync(report).subarray(0, 2).toString()).toBe('PK');
  });

  it('audits the work under the actor name cli', async () => {
    const { cli } = testCli();
    expect(await runCli(['import', 'elders', fileWith(1, 0)], cli)).toBe(0);
    const audit = await context.services.audit.search({ action: 'elder.import' }, 50, 0);
    expect(audit.items.length).toBeGreaterThan(0);
    expect(audit.items.every((row) => row.actorName === 'cli')).toBe(true);
  });

  it('refuses bad arguments with the usage and exit 1', async () => {
    const { cli, captured } = testCli();
    expect(await runCli(['import', 'elders'], cli)).toBe(1);
    expect(await runCli(['import', 'elders', 'a.csv', '--mode', 'sometimes'], cli)).toBe(1);
    expect(await runCli(['import', 'elders', 'a.csv', '--bogus'], cli)).toBe(1);
    expect(await runCli(['frobnicate'], cli)).toBe(1);
    expect(captured.err).toContain('用法 usage: kangyang import elders FILE');
  });
});

describe('kangyang export elders (API-8)', () => {
  it('writes the masked .xlsx and prints its row count and SHA-256', async () => {
    const { cli, captured } = testCli();
    const target = join(work, 'export.xlsx');
    expect(await runCli(['export', 'elders', target, '--region', '330102003002'], cli)).toBe(0);
    const hash = createHash('sha256').update(readFileSync(target)).digest('hex');
    expect(captured.out).toContain(`SHA-256 ${hash}`);
    expect(captured.out).toMatch(/已导出 [1-9]\d* 位老人/);
  });
});

describe('kangyang audit verify (AUD-6)', () => {
  it('prints the row count and head hash, then names the first bad sequence number after tampering', async () => {
    await context.services.audit.seal();
    const ok = testCli();
    expect(await runCli(['audit', 'verify'], ok.cli)).toBe(0);
    expect(ok.captured.out).toMatch(/audit log OK: \d+ rows/);
    expect(ok.captured.out).toMatch(/head [0-9a-f]{64}/);
    await context.database.exec(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change;
      UPDATE audit_log SET action = 'tampered' WHERE chain_seq = 2 AND chain = (SELECT chain FROM audit_heads ORDER BY chain LIMIT 1);
      ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change;`);
    const bad = testCli();
    expect(await runCli(['audit', 'verify'], bad.cli)).toBe(1);
    expect(bad.captured.err).toContain('first bad sequence number 2');
  });
});

describe('data-dir lock (REL-7, FT-13)', () => {
  it('refuses every command with exit 2 naming the holder pid and URL while a live process holds the lock', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kangyang-cli-lock-'));
    const holder = {
      pid: process.ppid,
      host: hostname(),
      startedAt: new Date().toISOString(),
      url: 'http://127.0.0.1:3999',
      command: 'server',
    };
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify(holder));
    for (const argv of [
      ['import', 'elders', fileWith(1, 0)],
      ['export', 'elders', join(dataDir, 'x.xlsx')],
      ['migrate'],
      ['audit', 'verify'],
    ]) {
      const { cli, captured } = realCli(dataDir);
      expect(await runCli(argv, cli)).toBe(2);
      expect(captured.err).toContain(`DATA_DIR_LOCKED`);
      expect(captured.err).toContain(`pid ${process.ppid}`);
      expect(captured.err).toContain('--server http://127.0.0.1:3999');
    }
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'))).toEqual(holder);
    expect(existsSync(join(dataDir, 'pgdata'))).toBe(false);
  });

  it('migrate takes the lock on a free data dir, migrates, and releases it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kangyang-cli-migrate-'));
    const { cli, captured } = realCli(dataDir);
    expect(await runCli(['migrate'], cli)).toBe(0);
    expect(captured.out).toContain('0001_foundation.sql');
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  }, 120_000);
});
