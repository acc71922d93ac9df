import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@kangyang/domain/access';
import type { OrderDetailDto, PhotoUploadDto, SyncReply, TaskList, VisitDto } from '@kangyang/contracts/home-care';
import { createAccount } from '@kangyang/services/auth/accounts';
import { uuidv7 } from '@kangyang/services/ids';
import { DAY_SHIFTS, seedCareWorker, seedCatalogue, seedProvider } from '@kangyang/services/home-care/home-care-seed';
import { actorWith } from '@kangyang/test-kit/actors';
import { buildElder } from '@kangyang/test-kit/builders';
import { queryRows } from '@kangyang/test-kit/sql';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { buildApp } from '../app.ts';

/** HCS-6 visit photos: upload once per client photo id, sync the `photo` action, officials read it back. */
let context: TestContext;
let app: FastifyInstance;
const PASSWORD = 'Kangyang-Photo-Test-2026!';
const HOME = { lng: 120.17, lat: 30.25 };
const BASE = '/api/home-care';
let intake: Record<string, string> = {};
let otherStreet: Record<string, string> = {};
let caregiver: Record<string, string> = {};
let otherCaregiver: Record<string, string> = {};
let visitId = '';

/** A small JPEG-looking body: the JPEG magic bytes, then filler. */
const jpeg = (size: number): Buffer => {
  const bytes = Buffer.alloc(size, 0x11);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
};

async function login(role: Role, regionCode: string, username: string) {
  const account = { username, displayName: role, password: PASSWORD, grants: [{ role, regionCode }] };
  const userId = await createAccount(context.database.db, account, context.clock.now());
  const reply = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
  return { headers: { authorization: `Bearer ${(reply.json() as { token: string }).token}` }, userId };
}

async function seedWorker(providerId: string, name: string, userId: string, offset: number): Promise<void> {
  const { db } = context.database;
  await seedCareWorker(db, {
    providerId,
    regionCode: '330102002',
    name,
    home: { lng: HOME.lng + offset, lat: HOME.lat },
    skills: ['personalCare'],
    certificates: ['caregiverCertificate'],
    skillLevel: 'senior',
    shifts: DAY_SHIFTS,
    userId,
    now: context.clock.now(),
  });
}

/** An order dispatched to the nearest caregiver, accepted and checked in: the visit photos belong to. */
async function checkedInVisit(serviceItemId: string, elderId: string): Promise<string> {
  const headers = { ...intake, 'idempotency-key': 'photo-order-000000001' };
  const payload = { elderId, serviceItemId, channel: 'phone', urgency: 'urgent', callerRelation: 'family' };
  const order = (
    await app.inject({ method: 'POST', url: `${BASE}/orders`, headers, payload })
  ).json() as OrderDetailDto;
  const tasks = (await app.inject({ method: 'GET', url: `${BASE}/my/tasks`, headers: caregiver })).json() as TaskList;
  const offerId = tasks.items.find((item) => item.orderId === order.id)?.offer?.id ?? '';
  const reply = { method: 'POST' as const, url: `${BASE}/my/offers/${offerId}/reply`, headers: caregiver };
  expect((await app.inject({ ...reply, payload: { accept: true } })).statusCode).toBe(200);
  const id = uuidv7();
  const at = new Date(context.clock.now().getTime() + 10 * 60_000).toISOString();
  const checkIn = { kind: 'checkIn', orderId: order.id, visitId: id, at, method: 'gps', location: HOME };
  const batch = {
    deviceId: 'photo-phone',
    items: [{ clientId: uuidv7(), sequence: 1, queuedAt: at, action: checkIn }],
  };
  const synced = await app.inject({ method: 'POST', url: `${BASE}/my/sync`, headers: caregiver, payload: batch });
  expect((synced.json() as SyncReply).items[0]?.status).toBe('applied');
  return id;
}

beforeAll(async () => {
  context = await openTestServices({ now: '2026-11-04T01:00:00.000Z' });
  app = await buildApp({ services: context.services, logLevel: 'silent' });
  const { db } = context.database;
  const items = await seedCatalogue(db, '330102');
  const serviceItemId = items.find((item) => item.code === 'PC01')?.id ?? '';
  const area = { regionCode: '330102002', serviceAreas: ['330102002'], now: context.clock.now() };
  const providerId = await seedProvider(db, { name: '湖滨居家服务中心', ...area });
  intake = (await login('civilAffairsAdmin', '330102', 'photo-intake')).headers;
  otherStreet = (await login('streetOfficer', '330102001', 'photo-street1')).headers;
  const phone = await login('caregiver', '330102', 'photo-zhang');
  const other = await login('caregiver', '330102', 'photo-li');
  caregiver = phone.headers;
  otherCaregiver = other.headers;
  await seedWorker(providerId, '张阿姨', phone.userId, 0.003);
  await seedWorker(providerId, '李阿姨', other.userId, 0.03);
  const elder = await context.services.elders.create(
    actorWith('civilAffairsAdmin', '330102'),
    buildElder({ birthDate: '1940-01-01', residenceRegionCode: '330102002001', location: HOME }),
  );
  visitId = await checkedInVisit(serviceItemId, elder.id);
});
afterAll(async () => {
  await app.close();
  await context.close();
});

const upload = (headers: Record<string, string>, photoId: string, body: Buffer, type = 'image/jpeg') =>
  app.inject({
    method: 'PUT',
    url: `${BASE}/my/visits/${visitId}/photos/${photoId}`,
    headers: { ...headers, 'content-type': type },
    payload: body,
  });

const storedCount = async (photoId: string): Promise<number> => {
  const found = await queryRows<{ n: number }>(
    context.database,
    `SELECT count(*)::int AS n FROM hc_visit_photos WHERE id = '${photoId}'`,
  );
  return found[0]?.n ?? -1;
};

describe('visit photos (issue 6, HCS-6)', () => {
  it('stores a photo once however often it is retried, and the photo action carries its ref', async () => {
    const photoId = uuidv7();
    const body = jpeg(40_000);
    const first = await upload(caregiver, photoId, body);
    expect(first.statusCode, first.body).toBe(200);
    const stored = first.json() as PhotoUploadDto;
    expect(stored).toMatchObject({ photoId, visitId, contentType: 'image/jpeg', sizeBytes: 40_000, duplicate: false });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const again = (await upload(caregiver, photoId, body)).json() as PhotoUploadDto;
      expect(again).toMatchObject({ photoRef: stored.photoRef, duplicate: true });
    }
    expect(await storedCount(photoId)).toBe(1);

    const at = new Date(context.clock.now().getTime() + 20 * 60_000).toISOString();
    const action = { kind: 'photo', visitId, photoRef: stored.photoRef, at, location: HOME };
    const batch = { deviceId: 'photo-phone', items: [{ clientId: uuidv7(), sequence: 2, queuedAt: at, action }] };
    const synced = await app.inject({ method: 'POST', url: `${BASE}/my/sync`, headers: caregiver, payload: batch });
    expect((synced.json() as SyncReply).items[0]?.status).toBe('applied');
    const visit = (await app.inject({ method: 'GET', url: `${BASE}/visits/${visitId}`, headers: intake })).json();
    expect((visit as VisitDto).photos.map((photo) => photo.photoRef)).toEqual([stored.photoRef]);

    const read = await app.inject({ method: 'GET', url: stored.photoRef, headers: intake });
    expect(read.statusCode).toBe(200);
    expect(read.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(read.rawPayload, body)).toBe(0);
  });

  it('answers 400 naming the photo for bytes that are no image or not the declared type', async () => {
    const text = await upload(caregiver, uuidv7(), Buffer.from('<svg onload="alert(1)"></svg>'), 'image/png');
    expect(text.statusCode).toBe(400);
    expect(text.json()).toMatchObject({ error: { code: 'HC_PHOTO_TYPE', field: 'photo' } });
    const mislabelled = await upload(caregiver, uuidv7(), jpeg(100), 'image/webp');
    expect(mislabelled.json()).toMatchObject({ error: { code: 'HC_PHOTO_TYPE', field: 'photo' } });
    const wrongType = await upload(caregiver, uuidv7(), jpeg(100), 'application/octet-stream');
    expect(wrongType.statusCode).toBe(415);
  });

  it('refuses photos over 2 MB and stores nothing', async () => {
    const photoId = uuidv7();
    const big = await upload(caregiver, photoId, jpeg(2 * 1024 * 1024 + 1));
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ error: { code: 'HC_PHOTO_TOO_LARGE', field: 'photo' } });
    expect((await upload(caregiver, uuidv7(), jpeg(4 * 1024 * 1024))).statusCode).toBe(413);
    expect(await storedCount(photoId)).toBe(0);
  });

  it('answers 404 across scope: another caregiver uploading, another street reading; audited', async () => {
    const photoId = uuidv7();
    const foreign = await upload(otherCaregiver, photoId, jpeg(500));
    expect(foreign.statusCode).toBe(404);
    expect(await storedCount(photoId)).toBe(0);
    const stored = (await upload(caregiver, photoId, jpeg(500))).json() as PhotoUploadDto;
    const hidden = await app.inject({ method: 'GET', url: stored.photoRef, headers: otherStreet });
    expect(hidden.statusCode).toBe(404);
    const notes = await queryRows<{ action: string; outcome: string }>(
      context.database,
      `SELECT action, outcome FROM audit_log WHERE action LIKE 'homeCare.photo.%' AND outcome = 'denied'`,
    );
    expect(notes.map((note) => note.action).sort()).toEqual(['homeCare.photo.read', 'homeCare.photo.upload']);
  });
});
