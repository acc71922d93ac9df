import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith } from '@kangyang/test-kit/actors';
import { buildElder } from '@kangyang/test-kit/builders';
import { openTestApp, type TestApp } from '../test-app.ts';

/** AUD-8: the auditor finds an account's actions by its login name, not only by its id. */
let t: TestApp;
const as = (username: string) => ({ authorization: `Bearer ${t.tokenOf(username)}` });

type Entry = { actorId: string | null; actorName: string | null; action: string };
type Found = { items: Entry[]; total: number };

async function search(payload: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/audit/search', headers: as('auditor'), payload });
}

beforeAll(async () => {
  t = await openTestApp();
  await t.services.elders.create(actorWith('civilAffairsAdmin', '330102'), buildElder());
  const listed = await t.app.inject({ method: 'GET', url: '/api/elders?limit=5', headers: as('street') });
  expect(listed.statusCode).toBe(200);
  const district = await t.app.inject({ method: 'GET', url: '/api/elders?limit=5', headers: as('district') });
  expect(district.statusCode).toBe(200);
});
afterAll(async () => t.close());

describe('AUD-8 audit search by login name', () => {
  it("finds only that account's rows, the elder list it read among them", async () => {
    const reply = await search({ actorName: 'street', limit: 100 });
    expect(reply.statusCode).toBe(200);
    const found = reply.json() as Found;
    expect(found.total).toBeGreaterThan(0);
    expect(found.items.every((entry) => entry.actorName === 'street')).toBe(true);
    expect(found.items.map((entry) => entry.action)).toContain('elder.list');
    expect(new Set(found.items.map((entry) => entry.actorId)).size).toBe(1);
  });

  it('an unknown name, or a name that disagrees with the id given, finds nothing', async () => {
    const unknown = (await search({ actorName: 'nobody-here', limit: 10 })).json() as Found;
    expect(unknown).toEqual({ items: [], total: 0 });
    const district = (await search({ actorName: 'district', limit: 1 })).json() as Found;
    const districtId = district.items[0]?.actorId;
    expect(districtId).toBeTruthy();
    const mixed = (await search({ actorName: 'street', actorId: districtId, limit: 10 })).json() as Found;
    expect(mixed.total).toBe(0);
  });

  it('a blank name is refused naming the field, and the search itself is audited with its filter', async () => {
    const blank = await search({ actorName: '   ', limit: 10 });
    expect(blank.statusCode).toBe(400);
    expect(blank.json()).toMatchObject({ error: { field: 'actorName' } });
    const own = (await search({ actorName: 'auditor', action: 'audit.search', limit: 50 })).json() as Found;
    expect(own.total).toBeGreaterThanOrEqual(3);
  });
});
