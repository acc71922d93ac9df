import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { createAccount } from '../auth/accounts.ts';
import { testKeyring } from '../crypto/keys.ts';
import { createServices } from '../services.ts';

/** AZ-8, MLP-1: elder and family accounts sign in without TOTP in production mode; staff still need it. */
let context: TestContext;
const meta = { requestId: 'r', ip: '10.0.0.7', userAgent: 'vitest' };
const password = 'Correct-Horse-Elder-42!';

beforeAll(async () => {
  context = await openTestServices();
  const account = (username: string, role: 'elder' | 'familyMember' | 'streetOfficer') =>
    createAccount(
      context.database.db,
      { username, displayName: username, password, grants: [{ role, regionCode: '330102002' }] },
      context.clock.now(),
    );
  await account('prod-elder', 'elder');
  await account('prod-family', 'familyMember');
  await account('prod-officer', 'streetOfficer');
});
afterAll(async () => context.close());

describe('second factor by role in production mode', () => {
  it('lets the elder and the family in with a password, and asks staff for a TOTP code', async () => {
    const { database, clock } = context;
    const production = createServices({ database, keyring: testKeyring(), clock, authPolicy: { mode: 'production' } });
    const elder = await production.auth.login({ username: 'prod-elder', password }, meta);
    const family = await production.auth.login({ username: 'prod-family', password }, meta);
    expect([elder.actor.roles, family.actor.roles]).toEqual([['elder'], ['familyMember']]);
    await expect(production.auth.login({ username: 'prod-officer', password }, meta)).rejects.toMatchObject({
      code: 'TOTP_REQUIRED',
    });
  });
});
