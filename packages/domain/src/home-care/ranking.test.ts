import { describe, expect, it } from 'vitest';
import { rankCandidates, onShift, type CandidateWorker, type RankRequest } from './ranking.ts';
import { buildWorkerGrid, nearbyInGrid, nearestLinear, rankInGrid } from './worker-grid.ts';

const HOME = { lng: 121.4737, lat: 31.2304 };
/** A point `metres` east of the elder's home. */
const east = (metres: number) => ({
  lng: HOME.lng + metres / (111_320 * Math.cos((HOME.lat * Math.PI) / 180)),
  lat: HOME.lat,
});
const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '07:00', end: '19:00' }));

function worker(id: string, overrides: Partial<CandidateWorker> = {}): CandidateWorker {
  return {
    workerId: id,
    name: id,
    providerId: 'p1',
    home: east(500),
    skills: ['bathing', 'personalCare'],
    certificates: ['caregiverCertificate'],
    skillLevel: 'intermediate',
    shifts: ALL_WEEK,
    openTasks: 0,
    maxDailyVisits: 8,
    visitsToElder: 0,
    rating: null,
    declinedThisOrder: false,
    ...overrides,
  };
}

const request: RankRequest = {
  elderHome: HOME,
  category: 'bathing',
  requiredSkillLevel: 'intermediate',
  requiredCertificates: ['caregiverCertificate'],
  weekday: 3,
  startMinute: 9 * 60,
  durationMinutes: 60,
  maxDistanceM: 5000,
  limit: 10,
};

const ids = (ranked: ReturnType<typeof rankCandidates>) => ranked.map((entry) => entry.worker.workerId);

describe('rankCandidates (HCS-4)', () => {
  it('prefers the nearer of two otherwise equal workers and says why', () => {
    const ranked = rankCandidates([worker('far', { home: east(4000) }), worker('near', { home: east(300) })], request);
    expect(ids(ranked)).toEqual(['near', 'far']);
    expect(ranked[0]?.reasons.map((reason) => reason.code)).toContain('near');
    expect(ranked[1]?.reasons.map((reason) => reason.code)).toContain('far');
    expect(ranked[0]?.rank).toBe(1);
  });

  it('puts every hard failure after eligible workers, with the failed rule as reason', () => {
    const ranked = rankCandidates(
      [
        worker('noSkill', { skills: ['housekeeping'], home: east(100) }),
        worker('noCert', { certificates: [], home: east(100) }),
        worker('junior', { skillLevel: 'junior', home: east(100) }),
        worker('offShift', { shifts: [{ weekday: 3, start: '13:00', end: '18:00' }], home: east(100) }),
        worker('full', { openTasks: 8, home: east(100) }),
        worker('declined', { declinedThisOrder: true, home: east(100) }),
        worker('tooFar', { home: east(9000) }),
        worker('ok', { home: east(2500) }),
      ],
      request,
    );
    expect(ids(ranked)[0]).toBe('ok');
    const codeOf = (id: string) => ranked.find((entry) => entry.worker.workerId === id)?.reasons.map((r) => r.code);
    expect(codeOf('noSkill')).toEqual(['missingSkill']);
    expect(codeOf('noCert')).toEqual(['missingCertificate']);
    expect(codeOf('junior')).toEqual(['skillLevelTooLow']);
    expect(codeOf('offShift')).toEqual(['offShift']);
    expect(codeOf('full')).toEqual(['atCapacity']);
    expect(codeOf('declined')).toEqual(['declinedBefore']);
    expect(codeOf('tooFar')).toEqual(['outOfRange']);
    expect(ranked.filter((entry) => entry.eligible)).toHaveLength(1);
  });

  it('lets continuity with the same elder outweigh a few hundred metres', () => {
    const ranked = rankCandidates(
      [worker('stranger', { home: east(600) }), worker('regular', { home: east(1000), visitsToElder: 5 })],
      request,
    );
    expect(ids(ranked)).toEqual(['regular', 'stranger']);
    expect(ranked[0]?.reasons).toContainEqual({ code: 'continuity', value: 5 });
  });

  it('uses load and rating to separate workers at the same place', () => {
    const busy = worker('busy', { openTasks: 6 });
    const free = worker('free', { openTasks: 0 });
    expect(ids(rankCandidates([busy, free], request))).toEqual(['free', 'busy']);
    const low = worker('low', { rating: 2.5 });
    const high = worker('high', { rating: 4.8 });
    const ranked = rankCandidates([low, high], request);
    expect(ids(ranked)).toEqual(['high', 'low']);
    expect(ranked[1]?.reasons.map((reason) => reason.code)).toContain('lowRating');
  });

  it('breaks exact ties by worker id and honours the limit', () => {
    const ranked = rankCandidates([worker('b'), worker('a'), worker('c')], { ...request, limit: 2 });
    expect(ids(ranked)).toEqual(['a', 'b']);
  });

  it('needs one shift covering the whole service', () => {
    const shifts = [{ weekday: 3, start: '08:00', end: '09:30' }];
    expect(onShift(shifts, 3, 9 * 60, 30)).toBe(true);
    expect(onShift(shifts, 3, 9 * 60, 60)).toBe(false);
    expect(onShift(shifts, 4, 9 * 60, 30)).toBe(false);
  });
});

describe('worker grid', () => {
  it('finds every worker within the radius, like a linear scan, and the nearest one', () => {
    const workers = Array.from({ length: 200 }, (_, index) => worker(`w${index}`, { home: east(index * 60) }));
    const grid = buildWorkerGrid(workers);
    const near = nearbyInGrid(grid, HOME, 3000).map((entry) => entry.workerId);
    for (let index = 0; index * 60 <= 3000; index += 1) expect(near).toContain(`w${index}`);
    expect(nearestLinear(workers, east(610))?.workerId).toBe('w10');
  });
});

describe('rankInGrid (the city-scale path)', () => {
  it('gives the same ranking as scoring every worker in range, on many random orders', () => {
    let state = 42;
    const next = () => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state / 2 ** 31;
    };
    const skills = ['bathing', 'personalCare', 'housekeeping'];
    const workers = Array.from({ length: 3000 }, (_, index) =>
      worker(`w${String(index).padStart(4, '0')}`, {
        home: { lng: HOME.lng + (next() - 0.5) * 0.2, lat: HOME.lat + (next() - 0.5) * 0.2 },
        skills: skills.filter(() => next() < 0.6),
        openTasks: Math.floor(next() * 9),
        visitsToElder: next() < 0.05 ? 3 : 0,
        rating: next() < 0.8 ? 2 + next() * 3 : null,
      }),
    );
    const grid = buildWorkerGrid(workers);
    for (let order = 0; order < 60; order += 1) {
      const elderHome = { lng: HOME.lng + (next() - 0.5) * 0.15, lat: HOME.lat + (next() - 0.5) * 0.15 };
      const ask = { ...request, elderHome, category: skills[order % 3] ?? 'bathing', limit: 1 + (order % 20) };
      const expected = ids(rankCandidates(nearbyInGrid(grid, elderHome, ask.maxDistanceM), ask));
      expect(ids(rankInGrid(grid, ask))).toEqual(expected);
    }
  });
});
