import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { actorWith } from '@kangyang/test-kit/actors';
import { systemActor } from '../actor.ts';
import { rows } from '../db/database.ts';
import { ensureProfiles } from './ensure-profiles.ts';
import { PROFILES_DIR } from './profile-files.ts';

let context: TestContext;
const system = systemActor();

const rawProfile = (id: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(PROFILES_DIR, `${id}.json`), 'utf8')) as Record<string, unknown>;

const countVersions = async (): Promise<number> => {
  const [row] = await rows<{ n: number }>(
    context.database.db,
    sql`SELECT count(*)::int AS n FROM policy_profile_versions`,
  );
  return row?.n ?? -1;
};

beforeAll(async () => {
  context = await openTestServices();
});
afterAll(async () => context.close());

describe('POL-1 loading plan profiles into the database', () => {
  it('loads profiles 000–004 and binds the demo regions; loading again adds nothing', async () => {
    const first = await ensureProfiles(context.services);
    expect(first.problems).toEqual([]);
    expect(first.loaded.map((result) => [result.profileId, result.version, result.status])).toEqual([
      ['000', 1, 'created'],
      ['001', 1, 'created'],
      ['002', 1, 'created'],
      ['003', 1, 'created'],
      ['004', 1, 'created'],
    ]);
    const again = await ensureProfiles(context.services);
    expect(again.problems).toEqual([]);
    expect(again.loaded.every((result) => result.status === 'unchanged')).toBe(true);
    expect(await countVersions()).toBe(5);
    const listed = await context.services.profiles.list();
    expect(listed.map((profile) => [profile.id, profile.bindings.map((binding) => binding.regionCode)])).toEqual([
      ['000', ['9901']],
      ['001', ['330102']],
      ['002', ['3714']],
      ['003', ['6207']],
      ['004', ['330281']],
    ]);
  });

  it('the same content with its keys in another order is the same version (checksum of canonical JSON)', async () => {
    const reordered = Object.fromEntries(Object.entries(rawProfile('002')).reverse());
    const result = await context.services.profiles.load(system, reordered);
    expect(result).toMatchObject({ profileId: '002', version: 1, status: 'unchanged' });
  });

  it('refuses a broken profile with VALIDATION_FAILED naming the field, and stores nothing', async () => {
    const broken = rawProfile('001');
    const indicators = broken['indicators'] as Record<string, unknown>[];
    const third = indicators[3];
    if (third) third['id'] = '001-x';
    await expect(context.services.profiles.load(system, { ...broken, version: 9 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'indicators.3.id',
    });
    const missingRule = rawProfile('000');
    Reflect.deleteProperty(missingRule['rules'] as object, 'homeCareBedCareSubsidy');
    await expect(context.services.profiles.load(system, missingRule)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      field: expect.stringMatching(/^benefits\.\d+$/),
    });
    expect(await countVersions()).toBe(5);
  });

  it('refuses changed content under an old version number (PROFILE_VERSION_STALE names `version`)', async () => {
    const changed = { ...rawProfile('003'), notes: ['a changed note'] };
    await expect(context.services.profiles.load(system, changed)).rejects.toMatchObject({
      code: 'PROFILE_VERSION_STALE',
      field: 'version',
    });
  });

  it('a changed profile becomes a new version from its date; earlier dates keep the old one (POL-1)', async () => {
    const changed = { ...rawProfile('003'), version: 2, effectiveFrom: '2026-07-01', notes: ['version 2'] };
    const result = await context.services.profiles.load(system, changed);
    expect(result).toMatchObject({ profileId: '003', version: 2, effectiveFrom: '2026-07-01', status: 'created' });
    const before = await context.services.profiles.detail('003', { date: '2026-06-30' });
    const after = await context.services.profiles.detail('003', { date: '2026-07-01' });
    expect([before.version, after.version]).toEqual([1, 2]);
    const versions = await context.services.profiles.versions('003');
    expect(versions.map((version) => [version.version, version.effectiveFrom])).toEqual([
      [1, '2023-01-01'],
      [2, '2026-07-01'],
    ]);
    await expect(
      context.database.db.execute(sql`UPDATE policy_profile_versions SET effective_from = '2020-01-01'`),
    ).rejects.toThrow();
  });

  it('refuses loading by an actor whose profile:manage scope does not cover the profile region', async () => {
    const districtAdmin = actorWith('civilAffairsAdmin', '330102');
    await expect(
      context.services.profiles.load(districtAdmin, { ...rawProfile('004'), version: 3 }),
    ).rejects.toMatchObject({ code: 'REGION_OUT_OF_SCOPE', field: 'region.code' });
  });

  it('shows a version with its indicators, rules and every clause id (POL-2)', async () => {
    const detail = await context.services.profiles.detail('001', {});
    const clauses = detail.clauses.map((entry) => entry.clause);
    expect(clauses).toContain('001-r1');
    expect(clauses).toContain('001-21');
    expect(detail.rules).toHaveProperty('homeCareBedEligibility.clause', '001-r1');
    expect(detail.indicators).toHaveLength(21);
  });
});

describe('POL-2 region bindings resolve by the longest prefix and the date', () => {
  it('a county inherits its city binding (371402 → 3714 → profile 002)', async () => {
    const resolved = await context.services.profiles.regionProfile('371402', '2026-11-02');
    expect(resolved).toMatchObject({
      regionCode: '371402',
      inherited: true,
      binding: { regionCode: '3714', profileId: '002', validFrom: '2024-01-01' },
      profile: { id: '002', version: 1 },
    });
  });

  it('a street of a bound county uses the county binding; an unbound region and an early date answer 404', async () => {
    expect(await context.services.profiles.regionProfile('330102002', '2026-11-02')).toMatchObject({
      inherited: true,
      binding: { regionCode: '330102', profileId: '001' },
    });
    await expect(context.services.profiles.regionProfile('330105', '2026-11-02')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(context.services.profiles.regionProfile('3714', '2023-12-31')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('a county binding from a later date overrides the city binding from that date only', async () => {
    const created = await context.services.profiles.bind(system, {
      regionCode: '371403',
      profileId: '003',
      validFrom: '2026-01-01',
    });
    expect(created.status).toBe('created');
    expect((await context.services.profiles.regionProfile('371403', '2025-12-31')).binding.profileId).toBe('002');
    expect((await context.services.profiles.regionProfile('371403', '2026-01-01')).binding.profileId).toBe('003');
    const again = await context.services.profiles.bind(system, {
      regionCode: '371403',
      profileId: '003',
      validFrom: '2026-01-01',
    });
    expect(again.status).toBe('unchanged');
    await expect(
      context.services.profiles.bind(system, { regionCode: '371403', profileId: '001', validFrom: '2026-01-01' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', field: 'validFrom' });
  });

  it('refuses a binding outside the actor scope or to an unknown region', async () => {
    const districtAdmin = actorWith('civilAffairsAdmin', '330102');
    await expect(
      context.services.profiles.bind(districtAdmin, {
        regionCode: '330281',
        profileId: '004',
        validFrom: '2027-01-01',
      }),
    ).rejects.toMatchObject({ code: 'REGION_OUT_OF_SCOPE', field: 'regionCode' });
    await expect(
      context.services.profiles.bind(system, { regionCode: '110101', profileId: '001', validFrom: '2027-01-01' }),
    ).rejects.toMatchObject({ code: 'REGION_UNKNOWN', field: 'regionCode' });
  });
});
