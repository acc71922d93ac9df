import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { actorWith } from '@kangyang/test-kit/actors';
import { buildElder } from '@kangyang/test-kit/builders';

let context: TestContext;
beforeAll(async () => {
  context = await openTestServices();
});
afterAll(async () => context.close());

describe('elder registry (REG-1, AZ-3)', () => {
  it('creates an elder with birth date and sex derived from the ID number, masked in the reply', async () => {
    const officer = actorWith('streetOfficer', '330102002');
    const elder = await context.services.elders.create(officer, buildElder({ idNumber: '11010519491231002X' }));
    expect(elder).toMatchObject({ birthDate: '1949-12-31', sex: 'female', idNumber: '1101********002X' });
  });

  it('answers 404 for an elder of another street and audits the denial (AZ-3, AZ-4)', async () => {
    const owner = actorWith('streetOfficer', '330102002');
    const elder = await context.services.elders.create(owner, buildElder());
    const other = actorWith('streetOfficer', '330102001');
    await expect(context.services.elders.get(other, elder.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const audit = await context.services.audit.search({ actorId: other.userId, outcome: 'denied' }, 10, 0);
    expect(audit.items.map((row) => row.resourceIds)).toContainEqual([elder.id]);
  });

  it('refuses a duplicate ID number with ELDER_DUPLICATE and writes nothing', async () => {
    const officer = actorWith('civilAffairsAdmin', '330102');
    const body = buildElder();
    await context.services.elders.create(officer, body);
    await expect(context.services.elders.create(officer, { ...body, name: '另一个人' })).rejects.toMatchObject({
      code: 'ELDER_DUPLICATE',
      field: 'idNumber',
    });
  });
});
