import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElder } from '@kangyang/test-kit/builders';
import { queryOne, queryRows } from '@kangyang/test-kit/sql';
import { openTestApp, type TestApp } from '../test-app.ts';

let t: TestApp;
let elderId = '';
let auth: Record<string, string> = {};

beforeAll(async () => {
  t = await openTestApp({ accounts: [{ username: 'street', role: 'streetOfficer', regionCode: '330102002' }] });
  auth = { authorization: `Bearer ${t.tokenOf('street')}` };
  const created = await t.app.inject({ method: 'POST', url: '/api/elders', headers: auth, payload: buildElder() });
  expect(created.statusCode).toBe(201);
  elderId = (created.json() as { id: string }).id;
});
afterAll(async () => t.close());

type ErrorReply = { error: { code: string; field?: string; message: string } };

const VALID_CONTACT = { name: '李四', relation: '子女', role: 'emergency', phone: '13800138000' };

/** Row counts of every table, and the elders' versions: what a refused write must leave unchanged. */
async function tableCounts(): Promise<Record<string, number>> {
  const tables = await queryRows<{ name: string }>(
    t.database,
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    counts[name] = (await queryOne<{ n: number }>(t.database, `SELECT count(*)::int AS n FROM "${name}"`)).n;
  }
  counts['elder versions'] = (
    await queryOne<{ n: number }>(t.database, 'SELECT coalesce(sum(version), 0)::int AS n FROM elders')
  ).n;
  return counts;
}

describe('validation replies (API-1, API-6): 400 {error: {code, field, message}}, nothing written', () => {
  const post = (payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/elders', headers: { ...auth, ...headers }, payload: payload as object });

  it('names idNumber for a wrong check character, in zh-CN by default and en-US on request', async () => {
    const before = await tableCounts();
    const valid = buildElder().idNumber;
    const wrong = `${valid.slice(0, 17)}${valid.endsWith('1') ? '2' : '1'}`;
    const zh = await post(buildElder({ idNumber: wrong }));
    expect(zh.statusCode).toBe(400);
    expect(zh.json()).toEqual({
      error: { code: 'ID_NUMBER_CHECKSUM', field: 'idNumber', message: '身份证号校验位不正确' },
    });
    const en = await post(buildElder({ idNumber: wrong }), { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.json()).toEqual({
      error: {
        code: 'ID_NUMBER_CHECKSUM',
        field: 'idNumber',
        message: 'The check character of the ID number is wrong',
      },
    });
    expect(await tableCounts()).toEqual(before);
  });

  it('names contacts[1].phone for a bad second contact phone (domain rule and schema type alike)', async () => {
    const before = await tableCounts();
    const contacts = [VALID_CONTACT, { ...VALID_CONTACT, phone: '12345' }];
    const rule = await post(buildElder({ contacts: contacts as never }));
    expect(rule.statusCode).toBe(400);
    expect(rule.json()).toMatchObject({ error: { code: 'PHONE_FORMAT', field: 'contacts[1].phone' } });
    const typed = await post({ ...buildElder(), contacts: [VALID_CONTACT, { ...VALID_CONTACT, phone: 13800138000 }] });
    expect(typed.statusCode).toBe(400);
    const body = typed.json() as ErrorReply;
    expect(body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'contacts[1].phone' });
    expect(body.error.message).toContain('contacts[1].phone');
    expect(await tableCounts()).toEqual(before);
  });

  it('names a missing required field and refuses unknown fields (mass assignment, AZ-5)', async () => {
    const { residenceRegionCode: _omitted, ...withoutRegion } = buildElder();
    const missing = await post(withoutRegion);
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'residenceRegionCode' } });
    const extra = await post({ ...buildElder(), createdBy: '00000000-0000-7000-8000-000000000000' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('answers 400 naming limit above 200 (API-2), in both languages', async () => {
    const zh = await t.app.inject({ method: 'GET', url: '/api/elders?limit=201', headers: auth });
    expect(zh.statusCode).toBe(400);
    expect(zh.json()).toEqual({ error: { code: 'LIMIT_TOO_LARGE', field: 'limit', message: '每页条数不能超过 200' } });
    const en = await t.app.inject({
      method: 'GET',
      url: '/api/elders?limit=1000',
      headers: { ...auth, 'accept-language': 'en-US' },
    });
    expect(en.json()).toEqual({
      error: { code: 'LIMIT_TOO_LARGE', field: 'limit', message: 'A page holds at most 200 items' },
    });
    const ok = await t.app.inject({ method: 'GET', url: '/api/elders?limit=200', headers: auth });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ total: 1 });
  });

  it('names offset above 10,000 and a region code of the wrong shape', async () => {
    const offset = await t.app.inject({ method: 'GET', url: '/api/elders?offset=10001', headers: auth });
    expect(offset.statusCode).toBe(400);
    expect(offset.json()).toMatchObject({ error: { field: 'offset' } });
    const region = await t.app.inject({ method: 'GET', url: '/api/elders?regionCode=33010', headers: auth });
    expect(region.statusCode).toBe(400);
    expect(region.json()).toMatchObject({ error: { field: 'regionCode' } });
  });
});

// ---- FT-7 hostile payloads -------------------------------------------------------------------

const WRONG_TYPES = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 3 }),
);
/** A field of the elder body and a value of a type it can never take. */
const wrongTypeField = fc.oneof(
  fc.tuple(
    fc.constantFrom('name', 'idNumber', 'residenceRegionCode'),
    WRONG_TYPES.filter((v) => typeof v !== 'string'),
  ),
  fc.tuple(fc.constantFrom('contacts', 'categories'), fc.oneof(fc.string(), fc.integer(), fc.boolean())),
  fc.tuple(fc.constant('location'), fc.oneof(fc.string(), fc.integer(), fc.array(fc.integer()))),
  fc.tuple(fc.constant('livingSituation'), fc.oneof(fc.integer(), fc.string({ minLength: 30 }))),
);
const hugeString = fc.tuple(
  fc.constantFrom('name', 'idNumber', 'address', 'phone'),
  fc.integer({ min: 250, max: 200_000 }),
  fc.constantFrom('x', '老', '😀', '\u0000', '<script>'),
);
const deepNesting = fc.tuple(
  fc.integer({ min: 20, max: 3000 }),
  fc.boolean(),
  fc.constantFrom('contacts', 'location', 'extra'),
);
const prototypeKey = fc.tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.boolean());

function nested(depth: number, asArray: boolean): string {
  return asArray ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

type Hostile = { payload: string | Buffer; contentType: string; label: string };

const hostilePayloads: fc.Arbitrary<Hostile> = fc.oneof(
  wrongTypeField.map(([field, value]) => ({
    payload: JSON.stringify({ ...buildElder(), [field]: value }),
    contentType: 'application/json',
    label: `wrong type ${field}`,
  })),
  hugeString.map(([field, length, unit]) => ({
    payload: JSON.stringify({ ...buildElder(), [field]: unit.repeat(Math.ceil(length / unit.length)) }),
    contentType: 'application/json',
    label: `huge ${field} ${length}`,
  })),
  deepNesting.map(([depth, asArray, field]) => ({
    payload: JSON.stringify(buildElder()).replace(/}$/, `,"${field}":${nested(depth, asArray)}}`),
    contentType: 'application/json',
    label: `nesting ${depth} in ${field}`,
  })),
  prototypeKey.map(([key, deep]) => ({
    payload: JSON.stringify(buildElder()).replace(
      /}$/,
      deep
        ? `,"contacts":[{"${key}":{"isAdmin":true,"prototype":{"x":1}}}]}`
        : `,"${key}":{"prototype":{"polluted":true}}}`,
    ),
    contentType: 'application/json',
    label: `prototype key ${key}`,
  })),
  fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'image/png').map((type) => ({
    payload: JSON.stringify(buildElder()),
    contentType: type,
    label: `content type ${type}`,
  })),
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => ({
    payload: Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe, ...bytes]), Buffer.from('"}')]),
    contentType: 'application/json; charset=utf-8',
    label: 'bad UTF-8',
  })),
  fc
    .string({ maxLength: 40 })
    .filter((text) => !parses(`{${text}`))
    .map((text) => ({ payload: `{${text}`, contentType: 'application/json', label: 'broken JSON' })),
);

async function send(method: 'POST' | 'PATCH', hostile: Hostile) {
  return t.app.inject({
    method,
    url: method === 'POST' ? '/api/elders' : `/api/elders/${elderId}`,
    headers: { ...auth, 'content-type': hostile.contentType, 'if-match': '"1"' },
    payload: hostile.payload,
  });
}

describe('FT-7 hostile payloads on POST /api/elders and PATCH /api/elders/:id', () => {
  const figures = { payloads: 0, statuses: new Map<number, number>() };

  it.each(['POST', 'PATCH'] as const)(
    '%s: only 4xx, never 5xx, no table changes',
    async (method) => {
      const before = await tableCounts();
      await fc.assert(
        fc.asyncProperty(hostilePayloads, async (hostile) => {
          const reply = await send(method, hostile);
          figures.payloads += 1;
          figures.statuses.set(reply.statusCode, (figures.statuses.get(reply.statusCode) ?? 0) + 1);
          expect(reply.statusCode, `${hostile.label}: ${reply.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
          expect(reply.statusCode, `${hostile.label}: ${reply.body.slice(0, 200)}`).toBeLessThan(500);
          expect(reply.json()).toHaveProperty('error.code');
        }),
        { numRuns: 150, seed: 20261102 },
      );
      expect(await tableCounts()).toEqual(before);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    },
    120_000,
  );

  it('refuses a 2 MB body with 413 PAYLOAD_TOO_LARGE on both, and health stays 200', async () => {
    const before = await tableCounts();
    const big = JSON.stringify({ ...buildElder(), address: 'x'.repeat(2 * 1024 * 1024) });
    for (const method of ['POST', 'PATCH'] as const) {
      const reply = await send(method, { payload: big, contentType: 'application/json', label: '2 MB' });
      expect(reply.statusCode).toBe(413);
      expect(reply.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    }
    expect(await tableCounts()).toEqual(before);
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    const statuses = [...figures.statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
    console.log(`FT-7 figures: ${figures.payloads} hostile payloads, statuses ${statuses.join(' ')}, 0 × 5xx`);
  });
});
