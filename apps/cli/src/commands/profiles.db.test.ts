import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROFILES_DIR } from '@kangyang/services/profiles/profile-files';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { runCli } from '../cli.ts';
import type { CliContext } from '../command.ts';
import { loadConfig } from '../config.ts';
import { cliActor } from '../session.ts';

let context: TestContext;
const work = mkdtempSync(join(tmpdir(), 'kangyang-profiles-cli-'));

beforeAll(async () => {
  context = await openTestServices();
});
afterAll(async () => context.close());

function testCli(): { cli: CliContext; captured: { out: string; err: string } } {
  const captured = { out: '', err: '' };
  const io = {
    out: (text: string) => void (captured.out += text),
    err: (text: string) => void (captured.err += text),
    interactive: false,
  };
  const cli: CliContext = {
    config: loadConfig({ DATA_DIR: work }),
    io,
    openSession: async () => ({ services: context.services, actor: cliActor(), close: async () => undefined }),
  };
  return { cli, captured };
}

describe('kangyang profiles (POL-1, POL-2)', () => {
  it('validate names every broken field and exits 1; a good file exits 0', async () => {
    const profile = JSON.parse(readFileSync(join(PROFILES_DIR, '002.json'), 'utf8')) as Record<string, unknown>;
    const broken = join(work, 'broken.json');
    writeFileSync(broken, JSON.stringify({ ...profile, effectiveFrom: '2024-02-30', benefits: ['pension'] }));
    const bad = testCli();
    expect(await runCli(['profiles', 'validate', broken], bad.cli)).toBe(1);
    expect(bad.captured.err).toContain(`${broken}: effectiveFrom:`);
    expect(bad.captured.err).toContain(`${broken}: benefits.0:`);
    const good = testCli();
    expect(await runCli(['profiles', 'validate', join(PROFILES_DIR, '002.json')], good.cli)).toBe(0);
    expect(good.captured.out).toContain('有效 valid');
  });

  it('load DIR loads the five profiles; loading again adds nothing; bind binds a region', async () => {
    const first = testCli();
    expect(await runCli(['profiles', 'load', PROFILES_DIR], first.cli)).toBe(0);
    expect(first.captured.out.match(/已载入 loaded/g)).toHaveLength(5);
    const again = testCli();
    expect(await runCli(['profiles', 'load', PROFILES_DIR], again.cli)).toBe(0);
    expect(again.captured.out.match(/unchanged/g)).toHaveLength(5);
    const bind = testCli();
    expect(await runCli(['profiles', 'bind', '330102', '001', '--from', '2020-01-01'], bind.cli)).toBe(0);
    expect((await context.services.profiles.regionProfile('330102003', '2026-11-02')).profile.id).toBe('001');
  });

  it('load refuses a broken file, names its field and exits 1', async () => {
    const profile = JSON.parse(readFileSync(join(PROFILES_DIR, '003.json'), 'utf8')) as Record<string, unknown>;
    const broken = join(work, 'broken-003.json');
    writeFileSync(broken, JSON.stringify({ ...profile, version: 0 }));
    const run = testCli();
    expect(await runCli(['profiles', 'load', broken], run.cli)).toBe(1);
    expect(run.captured.err).toContain(`${broken}: version:`);
  });
});
