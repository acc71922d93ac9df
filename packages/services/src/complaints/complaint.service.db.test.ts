import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { actorWith } from '@kangyang/test-kit/actors';
import { responseDeadline } from '@kangyang/domain/community-services';
import { createComplaintService } from './complaint.service.ts';

let context: TestContext;
let siteId = '';
const providerId = '01900000-0000-7000-8000-0000000000aa';
const district = actorWith('civilAffairsAdmin', '330102');
const community = actorWith('communityWorker', '330102002001');
const street = actorWith('streetOfficer', '330102002');
const otherStreet = actorWith('streetOfficer', '330102001');
const provider = actorWith('institutionManager', '330102', providerId);
const otherProvider = actorWith('institutionManager', '330102', '01900000-0000-7000-8000-0000000000bb');
// Friday 2026-11-20 10:00 China time.
const FRIDAY = '2026-11-20T02:00:00.000Z';

beforeAll(async () => {
  context = await openTestServices({ now: FRIDAY });
  const site = await context.services.meals.createSite(district, {
    name: '示范老年食堂',
    kind: 'canteen',
    regionCode: '330102002001',
    location: { lng: 120.17, lat: 30.25 },
    serviceRadiusM: 1000,
    openingHours: {},
    offersMeals: true,
    offersDelivery: false,
    providerId,
  });
  siteId = site.id;
});
afterAll(async () => context.close());

const file = () =>
  context.services.complaints.create(community, {
    complainantKind: 'family',
    siteId,
    category: 'food',
    description: '菜太咸了',
  });

describe('HCS-9, SUP-2 complaints with a response deadline', () => {
  it('routes to the site’s provider and the street supervisor, due three working days later', async () => {
    const complaint = await file();
    expect(complaint).toMatchObject({
      status: 'open',
      providerId,
      regionCode: '330102002001',
      siteName: '示范老年食堂',
      overdue: false,
      responseWorkingDays: 3,
    });
    expect(complaint.deadlineAt).toBe(responseDeadline(new Date(FRIDAY), 3).toISOString());
    expect(complaint.deadlineAt).toBe('2026-11-25T15:59:59.999Z');
    const inbox = async (actor: typeof street) =>
      (await context.services.complaints.list(actor, { limit: 20, offset: 0 })).items.map((row) => row.id);
    expect(await inbox(street)).toContain(complaint.id);
    expect(await inbox(provider)).toContain(complaint.id);
    expect(await inbox(otherStreet)).not.toContain(complaint.id);
    expect(await inbox(otherProvider)).not.toContain(complaint.id);
    await expect(context.services.complaints.get(otherProvider, complaint.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('turns overdue after the deadline while unanswered, and not once responded', async () => {
    const late = await file();
    const answered = await file();
    context.clock.set('2026-11-25T15:59:00.000Z');
    expect((await context.services.complaints.get(street, late.id)).overdue).toBe(false);
    const responded = await context.services.complaints.changeStatus(provider, answered.id, {
      status: 'responded',
      response: '已调整口味',
      version: 1,
    });
    expect(responded).toMatchObject({ status: 'responded', version: 2, overdue: false });
    context.clock.set('2026-11-25T16:00:00.000Z');
    expect((await context.services.complaints.get(street, late.id)).overdue).toBe(true);
    expect((await context.services.complaints.get(street, answered.id)).overdue).toBe(false);
    const overdue = await context.services.complaints.list(street, { limit: 50, offset: 0, overdue: 'true' });
    expect(overdue.items.map((row) => row.id)).toContain(late.id);
    expect(overdue.items.map((row) => row.id)).not.toContain(answered.id);
  });

  it('moves forward only, with versions', async () => {
    const complaint = await file();
    await context.services.complaints.changeStatus(street, complaint.id, { status: 'closed', version: 1 });
    await expect(
      context.services.complaints.changeStatus(street, complaint.id, { status: 'acknowledged', version: 2 }),
    ).rejects.toMatchObject({ code: 'COMPLAINT_STATE' });
    await expect(
      context.services.complaints.changeStatus(street, complaint.id, { status: 'closed', version: 1 }),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
  });

  it('takes the response deadline from configuration', async () => {
    const five = createComplaintService({
      db: context.database.db,
      clock: context.clock,
      audit: context.services.audit,
      responseWorkingDays: 5,
    });
    context.clock.set(FRIDAY);
    const complaint = await five.create(community, {
      complainantKind: 'elder',
      siteId,
      category: 'other',
      description: '建议增加素菜',
    });
    expect(complaint).toMatchObject({ responseWorkingDays: 5, deadlineAt: '2026-11-27T15:59:59.999Z' });
  });

  it('rates a site and answers its average', async () => {
    await context.services.complaints.rate(community, { raterKind: 'elder', siteId, stars: 5 });
    const second = await context.services.complaints.rate(community, { raterKind: 'family', siteId, stars: 2 });
    expect(second).toMatchObject({ siteId, providerId, average: 3.5, count: 2 });
  });
});
