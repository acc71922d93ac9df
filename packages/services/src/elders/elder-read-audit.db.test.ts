import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { actorWith } from '@kangyang/test-kit/actors';
import { buildElder } from '@kangyang/test-kit/builders';
import { findElderWithRegionName } from './elder.repo.ts';
import { toDto } from './elder-mapper.ts';

let context: TestContext;
beforeAll(async () => {
  context = await openTestServices();
});
afterAll(async () => context.close());

describe('the audited elder read in one statement (AUD-1, AUD-4, AZ-3)', () => {
  it('answers the masked elder with its region name and writes one success audit row with chain and blind index', async () => {
    const officer = actorWith('streetOfficer', '330102002');
    const created = await context.services.elders.create(officer, buildElder({ phone: '13900001111' }));
    const reader = actorWith('communityWorker', '330102002001');
    const elder = await context.services.elders.get(reader, created.id);

    const stored = await findElderWithRegionName(context.database.db, created.id, undefined);
    expect(stored).toBeDefined();
    if (!stored) return;
    expect(elder).toEqual(toDto(stored.row, context.clock.today(), stored.regionName));
    expect(elder.residenceRegionName).not.toBeNull();
    expect(elder.phone).toBe('139****1111');

    const audit = await context.services.audit.search({ actorId: reader.userId }, 10, 0);
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({
      action: 'elder.read',
      outcome: 'success',
      chain: stored.row.countyCode,
      resourceIds: [created.id],
      actorName: reader.username,
    });
    const byElder = await context.services.audit.search({ elderBlindIndex: stored.row.idNumberBlindIndex }, 10, 0);
    expect(byElder.items.map((row) => row.action)).toContain('elder.read');
  });

  it('writes no success row out of scope: a denied row and 404 instead', async () => {
    const officer = actorWith('streetOfficer', '330102002');
    const created = await context.services.elders.create(officer, buildElder());
    const outsider = actorWith('streetOfficer', '330102001');
    await expect(context.services.elders.get(outsider, created.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const audit = await context.services.audit.search({ actorId: outsider.userId }, 10, 0);
    expect(audit.items.map((row) => [row.action, row.outcome, row.reason])).toEqual([
      ['elder.read', 'denied', 'outOfScope'],
    ]);
  });

  it('keeps the audit chain verifiable after audited reads are sealed (AUD-3, AUD-6)', async () => {
    const officer = actorWith('civilAffairsAdmin', '330102');
    const created = await context.services.elders.create(officer, buildElder());
    for (let index = 0; index < 5; index += 1) await context.services.elders.get(officer, created.id);
    expect(await context.services.audit.seal()).toBeGreaterThan(0);
    await expect(context.services.audit.verify()).resolves.toMatchObject({ ok: true });
  });
});
