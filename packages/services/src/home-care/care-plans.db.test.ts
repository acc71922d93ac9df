import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith } from '@kangyang/test-kit/actors';
import { buildElder } from '@kangyang/test-kit/builders';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { COMMUNITY, ELDER_HOME, seedHomeCareFixture, type HomeCareFixture } from './home-care-fixture.ts';

let context: TestContext;
let fixture: HomeCareFixture;
const official = actorWith('civilAffairsAdmin', '330102');
const otherStreet = actorWith('streetOfficer', '330102001');
const nearCaregiver = actorWith('caregiver', '330102');
const farCaregiver = actorWith('caregiver', '330102');

beforeAll(async () => {
  // Monday 23 November 2026, 08:00 in Shanghai
  context = await openTestServices({ now: '2026-11-23T00:00:00.000Z' });
  fixture = await seedHomeCareFixture(
    context.services,
    { official, nearCaregiver, farCaregiver },
    buildElder({ residenceRegionCode: COMMUNITY, location: ELDER_HOME, categories: [{ category: 'minimumLiving' }] }),
  );
});
afterAll(async () => context.close());

const planBody = () => ({
  elderId: fixture.elderId,
  serviceItemId: fixture.items.get('HK01')?.id ?? '',
  weekdays: [5, 1, 3],
  timeOfDay: '09:30',
  startDate: '2026-11-23',
});

/** The care-plan orders of the fixture elder, as (China date → how many orders that day). */
async function bookedDays(status?: 'cancelled'): Promise<Map<string, number>> {
  const query = { elderId: fixture.elderId, channel: 'carePlan' as const, limit: 200, offset: 0 };
  const page = await context.services.homeCare.listOrders(official, status ? { ...query, status } : query);
  const days = new Map<string, number>();
  for (const order of page.items) {
    const at = order.scheduledFor ? new Date(order.scheduledFor) : null;
    const day = at ? new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) : 'none';
    if (status || order.status !== 'cancelled') days.set(day, (days.get(day) ?? 0) + 1);
  }
  return days;
}

describe('HCS-3 recurring care-plan visits', () => {
  let planId = '';

  it('books the next 7 days on creation and the daily job never books a visit twice', async () => {
    const hc = context.services.homeCare;
    const plan = await hc.createCarePlan(official, planBody());
    planId = plan.id;
    expect(plan).toMatchObject({ status: 'active', weekdays: [1, 3, 5], timeOfDay: '09:30', endDate: null });
    expect([...(await bookedDays()).entries()].sort()).toEqual([
      ['2026-11-23', 1],
      ['2026-11-25', 1],
      ['2026-11-27', 1],
    ]);
    const rerun = await hc.runCarePlans();
    expect(rerun).toMatchObject({ booked: 0, skipped: 0 });
    // Tuesday 08:00: the queued daily job (01:00) runs, books Monday 30 November, and runs again harmlessly
    context.clock.set('2026-11-24T00:00:00.000Z');
    await context.services.jobs.runDue(50);
    await hc.runCarePlans();
    await hc.runCarePlans();
    const days = await bookedDays();
    expect([...days.keys()].sort()).toEqual(['2026-11-23', '2026-11-25', '2026-11-27', '2026-11-30']);
    expect([...days.values()].every((count) => count === 1)).toBe(true);
    const listed = await hc.listCarePlans(official, fixture.elderId);
    expect(listed.items.map((item) => item.id)).toEqual([planId]);
  });

  it('hides a plan from an official of another street (404, as if missing)', async () => {
    const hc = context.services.homeCare;
    await expect(hc.endCarePlan(otherStreet, planId, '越权结束')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(hc.listCarePlans(otherStreet, fixture.elderId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(hc.createCarePlan(otherStreet, planBody())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [plan] = (await hc.listCarePlans(official, fixture.elderId)).items;
    expect(plan?.status).toBe('active');
  });

  it('ending a plan cancels its visits not yet due and stops future bookings', async () => {
    const hc = context.services.homeCare;
    // Wednesday 10:00: the 09:30 visit of today has begun; Friday and next Monday are cancelled
    context.clock.set('2026-11-25T02:00:00.000Z');
    const ended = await hc.endCarePlan(official, planId, '老人入住机构');
    expect(ended).toMatchObject({ status: 'ended', endDate: '2026-11-25', endReason: '老人入住机构' });
    expect([...(await bookedDays('cancelled')).keys()].sort()).toEqual(['2026-11-27', '2026-11-30']);
    context.clock.set('2026-11-30T00:00:00.000Z');
    await context.services.jobs.runDue(50);
    expect(await hc.runCarePlans()).toMatchObject({ booked: 0 });
    expect([...(await bookedDays()).keys()].sort()).toEqual(['2026-11-23', '2026-11-25']);
    await expect(hc.endCarePlan(official, planId, '再次结束')).rejects.toMatchObject({ code: 'HC_CARE_PLAN_ENDED' });
  });
});
