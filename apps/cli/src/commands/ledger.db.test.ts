import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@kangyang/test-kit/sql';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { runCli } from '../cli.ts';
import type { CliContext } from '../command.ts';
import { loadConfig } from '../config.ts';
import { cliActor } from '../session.ts';

let context: TestContext;
const work = mkdtempSync(join(tmpdir(), 'kangyang-ledger-cli-'));

beforeAll(async () => {
  context = await openTestServices();
});
afterAll(async () => context.close());

function testCli(): { cli: CliContext; captured: { out: string; err: string } } {
  const captured = { out: '', err: '' };
  const cli: CliContext = {
    config: loadConfig({ DATA_DIR: work }),
    io: {
      out: (text: string) => void (captured.out += text),
      err: (text: string) => void (captured.err += text),
      interactive: false,
    },
    openSession: async () => ({ services: context.services, actor: cliActor(), close: async () => undefined }),
  };
  return { cli, captured };
}

describe('kangyang ledger verify (REL-3)', () => {
  it('exits 0 and names every check on a sound ledger', async () => {
    const { cli, captured } = testCli();
    expect(await runCli(['ledger', 'verify'], cli)).toBe(0);
    expect(captured.out).toContain('onePaymentPerSlot: ok');
    expect(captured.out).toContain('ledger OK: 0 entries');
  });

  it('exits 1 and names the broken invariant when run totals do not match their lines', async () => {
    await queryRows(
      context.database,
      `INSERT INTO ledger_runs (id, region_code, programme, period, status, computed_by, computed_at, entry_count, total_fen)
       VALUES (gen_random_uuid(), '330102', 'homeCareBedCareSubsidy', '2026-01', 'computed', gen_random_uuid(), now(), 3, 180000)`,
    );
    const { cli, captured } = testCli();
    expect(await runCli(['ledger', 'verify'], cli)).toBe(1);
    expect(captured.err).toContain('runTotalsMatchLines: FAILED (1 violations)');
  });
});
