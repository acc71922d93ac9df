import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith } from '@kangyang/test-kit/actors';
import { buildElder } from '@kangyang/test-kit/builders';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { uuidv7 } from '../ids.ts';
import { COMMUNITY, ELDER_HOME, seedHomeCareFixture, type HomeCareFixture } from './home-care-fixture.ts';
import { photoTypeOf } from './visit-photos.ts';

/** HCS-6 visit photos on PGlite and PostgreSQL: bytes round-trip, one row per photo id, scope. */
let context: TestContext;
let fixture: HomeCareFixture;
const official = actorWith('civilAffairsAdmin', '330102');
const otherStreet = actorWith('streetOfficer', '330102001');
const nearCaregiver = actorWith('caregiver', '330102');
const farCaregiver = actorWith('caregiver', '330102');
let visitId = '';

beforeAll(async () => {
  context = await openTestServices({ now: '2026-11-04T01:00:00.000Z' });
  fixture = await seedHomeCareFixture(
    context.services,
    { official, nearCaregiver, farCaregiver },
    buildElder({ residenceRegionCode: COMMUNITY, location: ELDER_HOME }),
  );
  const hc = context.services.homeCare;
  const serviceItemId = fixture.items.get('PC01')?.id ?? '';
  const order = await hc.createOrder(
    official,
    { elderId: fixture.elderId, serviceItemId, channel: 'app', urgency: 'routine' },
    'photo-order-key-0001',
  );
  await hc.override(official, order.id, { workerId: fixture.near, reason: '固定护理员' });
  visitId = uuidv7();
  const at = new Date(context.clock.now().getTime() + 10 * 60_000).toISOString();
  const checkIn = {
    kind: 'checkIn' as const,
    orderId: order.id,
    visitId,
    at,
    method: 'gps' as const,
    location: ELDER_HOME,
  };
  await hc.sync(nearCaregiver, {
    deviceId: 'phone-zhang',
    items: [{ clientId: uuidv7(), sequence: 1, queuedAt: at, action: checkIn }],
  });
});
afterAll(async () => context.close());

const png = (): Buffer =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(300, 7)]);

describe('visit photos (issue 6, HCS-6)', () => {
  it('recognises JPEG, PNG and WebP by their magic bytes only', () => {
    expect(photoTypeOf(Buffer.from([0xff, 0xd8, 0xff, 0xdb]))).toBe('image/jpeg');
    expect(photoTypeOf(png())).toBe('image/png');
    expect(photoTypeOf(Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '))).toBe('image/webp');
    expect(photoTypeOf(Buffer.from('RIFF\u0000\u0000\u0000\u0000AVI '))).toBeNull();
    expect(photoTypeOf(Buffer.from('GIF89a'))).toBeNull();
  });

  it('stores a photo once per id, returns its bytes to officials in scope, 404 elsewhere', async () => {
    const hc = context.services.homeCare;
    const photoId = uuidv7();
    const target = { visitId, photoId, contentType: 'image/png' };
    const first = await hc.uploadPhoto(nearCaregiver, target, png());
    const again = await hc.uploadPhoto(nearCaregiver, target, png());
    expect(first).toMatchObject({ photoId, contentType: 'image/png', sizeBytes: 308, duplicate: false });
    expect(again).toMatchObject({ photoRef: first.photoRef, duplicate: true });
    const read = await hc.readPhoto(official, visitId, photoId);
    expect(read.contentType).toBe('image/png');
    expect(Buffer.compare(read.data, png())).toBe(0);
    await expect(hc.readPhoto(otherStreet, visitId, photoId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(hc.uploadPhoto(farCaregiver, { ...target, photoId: uuidv7() }, png())).rejects.toMatchObject({
      code: 'HC_VISIT_UNKNOWN',
      field: 'visitId',
    });
  });
});
