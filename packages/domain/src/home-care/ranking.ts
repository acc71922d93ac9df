import { etaMinutes, haversineM, type LngLat } from './geo.ts';

/** HCS-4: ranking candidate workers for one order, with the reasons shown to the operator. */
export const SKILL_LEVEL_ORDER = ['junior', 'intermediate', 'senior', 'technician', 'seniorTechnician'] as const;
export type CareSkillLevel = (typeof SKILL_LEVEL_ORDER)[number];

export type ShiftSlot = { readonly weekday: number; readonly start: string; readonly end: string };

export type CandidateWorker = {
  readonly workerId: string;
  readonly name: string;
  readonly providerId: string;
  readonly home: LngLat;
  readonly skills: readonly string[];
  readonly certificates: readonly string[];
  readonly skillLevel: CareSkillLevel | null;
  readonly shifts: readonly ShiftSlot[];
  /** Orders assigned or offered today and not yet completed. */
  readonly openTasks: number;
  readonly maxDailyVisits: number;
  /** Completed visits to this elder in the look-back window (continuity). */
  readonly visitsToElder: number;
  /** Mean stars 1–5, null when unrated. */
  readonly rating: number | null;
  /** Declined or let an offer for this order expire. */
  readonly declinedThisOrder: boolean;
};

export type RankRequest = {
  readonly elderHome: LngLat;
  readonly category: string;
  readonly requiredSkillLevel: CareSkillLevel | null;
  readonly requiredCertificates: readonly string[];
  /** Service start in local time: ISO weekday 1–7 and minute of the day. */
  readonly weekday: number;
  readonly startMinute: number;
  readonly durationMinutes: number;
  /** Beyond this, a worker is out of range. */
  readonly maxDistanceM: number;
  readonly limit: number;
};

export type ReasonCode =
  | 'near'
  | 'far'
  | 'outOfRange'
  | 'hasSkills'
  | 'missingSkill'
  | 'missingCertificate'
  | 'skillLevelTooLow'
  | 'onShift'
  | 'offShift'
  | 'lightLoad'
  | 'heavyLoad'
  | 'atCapacity'
  | 'continuity'
  | 'highRating'
  | 'lowRating'
  | 'declinedBefore';
export type Reason = { readonly code: ReasonCode; readonly value?: number };

export type RankedCandidate = {
  readonly worker: CandidateWorker;
  readonly rank: number;
  readonly score: number;
  readonly eligible: boolean;
  readonly distanceM: number;
  readonly etaMinutes: number;
  readonly reasons: readonly Reason[];
};

/** Score weights (sum 100): distance dominates, then continuity, load and rating. */
export const WEIGHTS = { distance: 45, continuity: 20, load: 20, rating: 15 } as const;
export const NEAR_M = 1000;
export const FAR_M = 3000;
const CONTINUITY_FULL = 5;

/** 'HH:MM' to minutes without allocating substrings (the ranking's hot path). */
const minuteOf = (hhmm: string): number =>
  (hhmm.charCodeAt(0) - 48) * 600 +
  (hhmm.charCodeAt(1) - 48) * 60 +
  (hhmm.charCodeAt(3) - 48) * 10 +
  (hhmm.charCodeAt(4) - 48);

/** True when one shift on the weekday covers the whole service (start … start + duration). */
export function onShift(shifts: readonly ShiftSlot[], weekday: number, startMinute: number, duration: number): boolean {
  return shifts.some(
    (shift) =>
      shift.weekday === weekday &&
      minuteOf(shift.start) <= startMinute &&
      startMinute + duration <= minuteOf(shift.end),
  );
}

const levelIndex = (level: CareSkillLevel | null): number => (level === null ? -1 : SKILL_LEVEL_ORDER.indexOf(level));

/** The hard rules: each failure is a reason and makes the worker ineligible. */
function hardReasons(worker: CandidateWorker, request: RankRequest, distanceM: number): Reason[] {
  const failed: Reason[] = [];
  if (distanceM > request.maxDistanceM) failed.push({ code: 'outOfRange', value: distanceM });
  if (!worker.skills.includes(request.category)) failed.push({ code: 'missingSkill' });
  if (request.requiredCertificates.some((certificate) => !worker.certificates.includes(certificate)))
    failed.push({ code: 'missingCertificate' });
  if (levelIndex(worker.skillLevel) < levelIndex(request.requiredSkillLevel)) failed.push({ code: 'skillLevelTooLow' });
  if (!onShift(worker.shifts, request.weekday, request.startMinute, request.durationMinutes))
    failed.push({ code: 'offShift' });
  if (worker.openTasks >= worker.maxDailyVisits) failed.push({ code: 'atCapacity', value: worker.openTasks });
  if (worker.declinedThisOrder) failed.push({ code: 'declinedBefore' });
  return failed;
}

/** The soft score (0–100) of an eligible worker: distance, continuity, load and rating. */
function scoreValue(worker: CandidateWorker, request: RankRequest, distanceM: number): number {
  const distance = Math.max(0, 1 - distanceM / Math.max(1, request.maxDistanceM));
  const continuity = Math.min(worker.visitsToElder, CONTINUITY_FULL) / CONTINUITY_FULL;
  const loadShare = worker.openTasks / worker.maxDailyVisits;
  const rating = worker.rating === null ? 0.5 : (worker.rating - 1) / 4;
  const score =
    WEIGHTS.distance * distance +
    WEIGHTS.continuity * continuity +
    WEIGHTS.load * (1 - loadShare) +
    WEIGHTS.rating * rating;
  return Math.round(score * 10) / 10;
}

/** The reasons behind an eligible worker's score. */
function softReasons(worker: CandidateWorker, distanceM: number): Reason[] {
  const reasons: Reason[] = [{ code: 'hasSkills' }, { code: 'onShift' }];
  if (distanceM <= NEAR_M) reasons.push({ code: 'near', value: distanceM });
  else if (distanceM > FAR_M) reasons.push({ code: 'far', value: distanceM });
  if (worker.visitsToElder > 0) reasons.push({ code: 'continuity', value: worker.visitsToElder });
  if (worker.openTasks <= 1) reasons.push({ code: 'lightLoad', value: worker.openTasks });
  else if (worker.openTasks / worker.maxDailyVisits >= 0.75)
    reasons.push({ code: 'heavyLoad', value: worker.openTasks });
  if (worker.rating !== null && worker.rating >= 4.5) reasons.push({ code: 'highRating', value: worker.rating });
  if (worker.rating !== null && worker.rating < 3) reasons.push({ code: 'lowRating', value: worker.rating });
  return reasons;
}

/** The hard rules that need no distance or clock: skills, certificates, level, capacity, earlier refusal. */
function qualifies(worker: CandidateWorker, request: RankRequest): boolean {
  if (worker.declinedThisOrder || worker.openTasks >= worker.maxDailyVisits) return false;
  if (!worker.skills.includes(request.category)) return false;
  for (const certificate of request.requiredCertificates) if (!worker.certificates.includes(certificate)) return false;
  return levelIndex(worker.skillLevel) >= levelIndex(request.requiredSkillLevel);
}

/** All hard rules as one test without allocating (the ranking's hot path). */
function passes(worker: CandidateWorker, request: RankRequest, distanceM: number): boolean {
  if (distanceM > request.maxDistanceM || !qualifies(worker, request)) return false;
  return onShift(worker.shifts, request.weekday, request.startMinute, request.durationMinutes);
}

type Scored = Omit<RankedCandidate, 'rank'>;

export function scoreCandidate(worker: CandidateWorker, request: RankRequest): Scored {
  const distanceM = Math.round(haversineM(worker.home, request.elderHome));
  const eta = etaMinutes(distanceM);
  const failed = hardReasons(worker, request, distanceM);
  if (failed.length > 0) return { worker, score: 0, eligible: false, distanceM, etaMinutes: eta, reasons: failed };
  const score = scoreValue(worker, request, distanceM);
  return { worker, score, eligible: true, distanceM, etaMinutes: eta, reasons: softReasons(worker, distanceM) };
}

type Comparable = Pick<Scored, 'worker' | 'eligible' | 'score' | 'distanceM'>;

/** Eligible first, best score, then nearer, then worker id (a stable, explainable order). */
export function compareScored(a: Comparable, b: Comparable): number {
  if (a.eligible !== b.eligible) return a.eligible ? -1 : 1;
  if (a.score !== b.score) return b.score - a.score;
  if (a.distanceM !== b.distanceM) return a.distanceM - b.distanceM;
  return a.worker.workerId < b.worker.workerId ? -1 : a.worker.workerId > b.worker.workerId ? 1 : 0;
}

type Slim = { worker: CandidateWorker; eligible: boolean; score: number; distanceM: number };

/** The same order as compareScored, on the slim records of the hot path. */
const better = (a: Slim, b: Slim): boolean => compareScored(a, b) < 0;

/** Keeps the best `limit` workers seen so far, scoring without allocating reasons (the hot path). */
export type Ranker = {
  offer(worker: CandidateWorker): void;
  /** Offers only a worker meeting the rules that need no distance or clock (a cheap first pass). */
  offerQualified(worker: CandidateWorker): void;
  /** The lowest score still in the list when it holds `limit` eligible workers, else null. */
  floor(): number | null;
  result(): RankedCandidate[];
};

export function createRanker(request: RankRequest): Ranker {
  const top: Slim[] = [];
  const probe: Slim = { worker: null as unknown as CandidateWorker, eligible: false, score: 0, distanceM: 0 };
  const fullOfEligible = () => top.length === request.limit && top[top.length - 1]?.eligible === true;
  const ranker: Ranker = {
    offerQualified(worker) {
      if (qualifies(worker, request)) ranker.offer(worker);
    },
    offer(worker) {
      // once the list holds `limit` eligible workers, an unqualified one can never enter it
      if (fullOfEligible() && !qualifies(worker, request)) return;
      probe.worker = worker;
      probe.distanceM = Math.round(haversineM(worker.home, request.elderHome));
      probe.eligible = passes(worker, request, probe.distanceM);
      probe.score = probe.eligible ? scoreValue(worker, request, probe.distanceM) : 0;
      if (top.length === request.limit && !better(probe, top[top.length - 1] as Slim)) return;
      let position = top.length;
      while (position > 0 && better(probe, top[position - 1] as Slim)) position -= 1;
      top.splice(position, 0, { ...probe });
      if (top.length > request.limit) top.pop();
    },
    floor: () => (fullOfEligible() ? (top[top.length - 1]?.score ?? null) : null),
    result: () => top.map((entry, index) => ({ ...scoreCandidate(entry.worker, request), rank: index + 1 })),
  };
  return ranker;
}

/** The best score any worker at `distanceM` or more could reach (every other factor at its maximum). */
export function scoreCeiling(request: RankRequest, distanceM: number): number {
  const distance = Math.max(0, 1 - distanceM / Math.max(1, request.maxDistanceM));
  return WEIGHTS.distance * distance + WEIGHTS.continuity + WEIGHTS.load + WEIGHTS.rating;
}

/**
 * Ranks the given workers; returns at most `limit`, eligible ones first, each with its reasons. Only
 * the kept ones are explained (same order as sorting everyone with compareScored).
 */
export function rankCandidates(workers: readonly CandidateWorker[], request: RankRequest): RankedCandidate[] {
  const ranker = createRanker(request);
  for (const worker of workers) ranker.offer(worker);
  return ranker.result();
}
