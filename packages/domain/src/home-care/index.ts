export { haversineM, checkLocation, etaMinutes, DEFAULT_TOLERANCE_M, MAX_ACCURACY_CREDIT_M } from './geo.ts';
export type { LngLat, LocationCheck } from './geo.ts';
export {
  DEFAULT_RESPONSE_TARGET_MINUTES,
  AT_RISK_SHARE,
  BOOKED_GRACE_MINUTES,
  dueAt,
  readClock,
} from './response-clock.ts';
export type { ClockStatus, ClockInput, ClockReading } from './response-clock.ts';
export {
  SKILL_LEVEL_ORDER,
  WEIGHTS,
  NEAR_M,
  FAR_M,
  onShift,
  scoreCandidate,
  compareScored,
  rankCandidates,
  createRanker,
  scoreCeiling,
} from './ranking.ts';
export type {
  Ranker,
  CareSkillLevel,
  ShiftSlot,
  CandidateWorker,
  RankRequest,
  RankedCandidate,
  Reason,
  ReasonCode,
} from './ranking.ts';
export { buildWorkerGrid, nearbyInGrid, nearestLinear, rankInGrid } from './worker-grid.ts';
export type { WorkerGrid } from './worker-grid.ts';
export { quotePrice } from './pricing.ts';
export type { PriceRule, Quote } from './pricing.ts';
export { newerThan, decideTaskEdit, decideOnce, syncOrder, visitFlags, isVerified } from './sync-merge.ts';
export type { Stamp, MergeDecision, FlagInput, VisitFlag } from './sync-merge.ts';
export { occurrencesIn, isoWeekday, addDays, chinaInstant } from './care-plan.ts';
export type { WeeklyPattern, PlanSpan, Occurrence } from './care-plan.ts';
