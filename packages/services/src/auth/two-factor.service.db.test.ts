import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { createAccount } from './accounts.ts';
import { stepOf, totpCode } from './totp.ts';

let context: TestContext;
const meta = { requestId: 'r', ip: '10.0.0.9', userAgent: 'vitest' };
const password = 'Correct-Horse-42!';
let savedRecoveryCodes: string[] = [];

beforeAll(async () => {
  context = await openTestServices();
  await createAccount(
    context.database.db,
    {
      username: 'officer2fa',
      displayName: 'x',
      password,
      grants: [{ role: 'streetOfficer', regionCode: '330102002' }],
    },
    context.clock.now(),
  );
});
afterAll(async () => context.close());

describe('two-factor sign-in (MLP-1)', () => {
  it('enrols with a confirmed code, then requires a fresh code at every login and refuses a replayed one', async () => {
    const { services, clock } = context;
    const { actor } = await services.auth.login({ username: 'officer2fa', password }, meta);
    const { secret, otpauthUri } = services.twoFactor.begin(actor);
    expect(otpauthUri).toContain('otpauth://totp/Kangyang:officer2fa');
    await expect(services.twoFactor.confirm(actor, '000000')).rejects.toMatchObject({ code: 'TOTP_INVALID' });
    const { recoveryCodes } = await services.twoFactor.confirm(actor, totpCode(secret, stepOf(clock.now())));
    expect(recoveryCodes).toHaveLength(10);
    savedRecoveryCodes = recoveryCodes;

    await expect(services.auth.login({ username: 'officer2fa', password }, meta)).rejects.toMatchObject({
      code: 'TOTP_REQUIRED',
      field: 'totp',
    });
    clock.advance(31_000);
    const code = totpCode(secret, stepOf(clock.now()));
    await expect(services.auth.login({ username: 'officer2fa', password, totp: code }, meta)).resolves.toHaveProperty(
      'token',
    );
    await expect(services.auth.login({ username: 'officer2fa', password, totp: code }, meta)).rejects.toMatchObject({
      code: 'TOTP_INVALID',
    });
  });

  it('accepts each recovery code once in place of a TOTP code', async () => {
    const { services } = context;
    const [first] = savedRecoveryCodes;
    if (!first) throw new Error('enrolment gave no recovery codes');
    await expect(services.auth.login({ username: 'officer2fa', password, totp: first }, meta)).resolves.toHaveProperty(
      'token',
    );
    await expect(services.auth.login({ username: 'officer2fa', password, totp: first }, meta)).rejects.toMatchObject({
      code: 'TOTP_INVALID',
    });
  });
});
