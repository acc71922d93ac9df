import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith } from '@kangyang/test-kit/actors';
import { buildElder } from '@kangyang/test-kit/builders';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { createAccount } from '../auth/accounts.ts';
import { linkDemoSelfService } from './demo-links.ts';

/** The demo's `elder` and `family` logins each reach one generated elder, and not the same one (AZ-8). */
let context: TestContext;

beforeAll(async () => {
  context = await openTestServices();
  const official = actorWith('civilAffairsAdmin', '330102');
  for (const birthDate of ['1936-03-01', '1938-05-01', '1950-01-01'])
    await context.services.elders.create(
      official,
      buildElder({ birthDate, residenceRegionCode: '330102002001', location: { lng: 120.17, lat: 30.25 } }),
    );
});
afterAll(async () => context.close());

describe('demo self-service links', () => {
  it('links elder (self) and family (child) to two different elders, once', async () => {
    const { db } = context.database;
    const now = context.clock.now();
    const ids: Record<string, string> = {};
    for (const [username, role] of [
      ['elder', 'elder'],
      ['family', 'familyMember'],
    ] as const) {
      ids[username] = await createAccount(
        db,
        {
          username,
          displayName: username,
          password: 'Demo-Links-Test-2026!',
          grants: [{ role, regionCode: '330102002' }],
        },
        now,
      );
    }
    await linkDemoSelfService(db, now);
    await linkDemoSelfService(db, now);
    const seen = async (username: string, role: 'elder' | 'familyMember') => {
      const actor = { ...actorWith(role, '330102002'), userId: ids[username] ?? '' };
      return (await context.services.selfService.elders(actor)).items;
    };
    const elder = await seen('elder', 'elder');
    const family = await seen('family', 'familyMember');
    expect(elder.map((item) => item.relation)).toEqual(['self']);
    expect(family.map((item) => item.relation)).toEqual(['child']);
    expect(elder[0]?.elderId).not.toBe(family[0]?.elderId);
  });
});
