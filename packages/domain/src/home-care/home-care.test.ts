import { describe, expect, it } from 'vitest';
import { checkLocation, etaMinutes, haversineM } from './geo.ts';
import { quotePrice, type PriceRule } from './pricing.ts';
import { dueAt, readClock } from './response-clock.ts';
import { decideTaskEdit, isVerified, newerThan, syncOrder, visitFlags } from './sync-merge.ts';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 23, 1, 0);

describe('geo and EVV tolerance (HCS-6)', () => {
  it('measures about 111 km per degree of latitude', () => {
    expect(Math.round(haversineM({ lng: 121, lat: 31 }, { lng: 121, lat: 32 }) / 1000)).toBe(111);
  });
  it('accepts a fix inside the radius, credits accuracy up to 100 m, and knows when it cannot tell', () => {
    const home = { lng: 121.4737, lat: 31.2304 };
    const north = (metres: number, accuracyM?: number) => ({
      lng: home.lng,
      lat: home.lat + metres / 111_195,
      accuracyM,
    });
    expect(checkLocation(north(150), home, 200).status).toBe('inside');
    expect(checkLocation(north(260), home, 200).status).toBe('outside');
    expect(checkLocation(north(260, 80), home, 200).status).toBe('inside');
    expect(checkLocation(north(500, 1000), home, 200).status).toBe('outside');
    expect(checkLocation(null, home).status).toBe('unknown');
    expect(etaMinutes(2500)).toBe(13);
  });
});

describe('response clock (HCS-5)', () => {
  const due = dueAt(T0, null, 30);
  const read = (nowMin: number, arrivedMin: number | null = null) =>
    readClock({
      createdAtMs: T0,
      dueAtMs: due,
      targetMinutes: 30,
      arrivedAtMs: arrivedMin === null ? null : T0 + arrivedMin * MIN,
      nowMs: T0 + nowMin * MIN,
    }).status;
  it('runs on time, at risk after two thirds, breached after the target', () => {
    expect(due).toBe(T0 + 30 * MIN);
    expect([read(5), read(19), read(20), read(30), read(31)]).toEqual([
      'onTime',
      'onTime',
      'atRisk',
      'atRisk',
      'breached',
    ]);
  });
  it('stops at arrival: met or late', () => {
    expect(read(90, 25)).toBe('met');
    expect(read(90, 45)).toBe('late');
  });
  it('gives booked visits their start plus a grace period', () => {
    expect(dueAt(T0, T0 + 120 * MIN, 30)).toBe(T0 + 135 * MIN);
  });
});

describe('pricing by category and profile (HCS-2)', () => {
  const item = { id: 'bath', priceFen: 8000 };
  const rule = (id: string, fields: Partial<PriceRule>): PriceRule => ({
    id,
    serviceItemId: null,
    category: null,
    profileId: null,
    elderPaysFen: null,
    subsidyPercent: null,
    programme: 'serviceSubsidy',
    ...fields,
  });
  const rules = [
    rule('half', { subsidyPercent: 50, category: 'advancedAge' }),
    rule('free', { elderPaysFen: 0, category: 'minimumLiving', profileId: '004', programme: 'freeBasicHomeCare' }),
    rule('bath', { serviceItemId: 'bath', category: 'advancedAge', elderPaysFen: 1000 }),
  ];
  it('charges the full price without a matching rule', () => {
    expect(quotePrice(item, { categories: [] }, '004', rules)).toMatchObject({
      elderPaysFen: 8000,
      basis: 'fullPrice',
    });
  });
  it('uses the most specific rule and makes free groups free', () => {
    expect(quotePrice(item, { categories: ['advancedAge'] }, null, rules)).toMatchObject({
      ruleId: 'bath',
      subsidyFen: 7000,
      elderPaysFen: 1000,
      basis: 'subsidised',
    });
    expect(quotePrice({ id: 'clean', priceFen: 5000 }, { categories: ['advancedAge'] }, null, rules)).toMatchObject({
      ruleId: 'half',
      subsidyFen: 2500,
    });
    expect(quotePrice(item, { categories: ['minimumLiving'] }, '004', rules)).toMatchObject({
      basis: 'free',
      subsidyFen: 8000,
      programme: 'freeBasicHomeCare',
    });
    expect(quotePrice(item, { categories: ['minimumLiving'] }, '001', rules).basis).toBe('fullPrice');
  });
});

describe('offline merge rules (REL-6)', () => {
  it('lets the latest device time win, then the greater client id', () => {
    expect(newerThan({ atMs: 2, clientId: 'a' }, { atMs: 1, clientId: 'z' })).toBe(true);
    expect(newerThan({ atMs: 1, clientId: 'z' }, { atMs: 2, clientId: 'a' })).toBe(false);
    expect(newerThan({ atMs: 1, clientId: 'b' }, { atMs: 1, clientId: 'a' })).toBe(true);
  });
  it('refuses task edits made after the check-out and merges older ones', () => {
    expect(decideTaskEdit({ atMs: 10, clientId: 'a' }, null, 5)).toBe('closed');
    expect(decideTaskEdit({ atMs: 4, clientId: 'a' }, { atMs: 3, clientId: 'b' }, 5)).toBe('apply');
    expect(decideTaskEdit({ atMs: 2, clientId: 'a' }, { atMs: 3, clientId: 'b' }, 5)).toBe('stale');
  });
  it('applies a batch in device order', () => {
    const items = [
      { sequence: 2, queuedAt: 'b', clientId: 'x' },
      { sequence: 1, queuedAt: 'c', clientId: 'y' },
      { sequence: 1, queuedAt: 'a', clientId: 'z' },
    ];
    expect(syncOrder(items).map((item) => item.clientId)).toEqual(['z', 'y', 'x']);
  });
  it('flags late, out-of-area, manual, unconfirmed and unfinished visits, and verifies clean ones', () => {
    const base = {
      checkInAtMs: 10,
      dueAtMs: 20,
      checkInLocation: 'inside',
      checkOutLocation: 'inside',
      manual: false,
      checkedOut: true,
      confirmed: true,
      tasksOpen: 0,
    } as const;
    expect(visitFlags(base)).toEqual([]);
    expect(isVerified(base, false)).toBe(true);
    const bad = {
      ...base,
      checkInAtMs: 30,
      checkOutLocation: 'outside',
      manual: true,
      confirmed: false,
      tasksOpen: 1,
    } as const;
    expect(visitFlags(bad)).toEqual(['late', 'outOfArea', 'manualEntry', 'unconfirmed', 'tasksIncomplete']);
    expect(isVerified(bad, true)).toBe(false);
    expect(isVerified({ ...base, checkInLocation: 'unknown', checkOutLocation: 'unknown' }, true)).toBe(true);
  });
});
