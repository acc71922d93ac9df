/**
 * KPI-2 traffic light. The rule, for a value v judged against a target with deadline year Y, on
 * `today`, for a plan whose period starts on 1 January of `startYear` (the baseline date):
 *
 * 1. no value → no status (the indicator shows its missing source instead);
 * 2. the target is satisfied → `met`; satisfied means, by op: `>=` v ≥ t; `<=` v ≤ t; `=` v = t;
 *    `between` t ≤ v ≤ max; `about` |v − t| ≤ 5 % of t; `up` v > baseline t. For unit `perN`
 *    ("1 per N"), fewer per worker is better, so `>=` 1 per t means v ≤ t;
 * 3. not satisfied and the deadline (31 December of Y) has passed → `missed`;
 * 4. otherwise progress is compared with a straight line from the baseline (value b at the start
 *    of the plan period) to the target at the deadline: expected = b + (t − b) × elapsed ÷ span;
 *    v at or beyond expected (in the target's direction) → `on_track`, else `at_risk`.
 *    A recurring target (yearly, ongoing) has no path: not satisfied is `at_risk`.
 */
export type IndicatorStatus = 'met' | 'on_track' | 'at_risk' | 'missed';

export type StatusTarget = {
  readonly op: '>=' | '<=' | '=' | 'up' | 'between' | 'about';
  readonly value: number;
  readonly max: number | null;
  readonly unit: string;
  readonly year: number | null;
};

export type StatusInput = {
  readonly value: number | null;
  readonly target: StatusTarget;
  /** Value at the start of the plan period; 0 when unknown. */
  readonly baseline: number;
  readonly startYear: number;
  /** ISO date `YYYY-MM-DD`. */
  readonly today: string;
};

const ABOUT_TOLERANCE = 0.05;

/** Whether `value` satisfies the target (rule 2). */
export function satisfies(value: number, target: StatusTarget): boolean {
  const lowerIsBetter = target.unit === 'perN';
  switch (target.op) {
    case '>=':
      return lowerIsBetter ? value <= target.value : value >= target.value;
    case '<=':
      return lowerIsBetter ? value >= target.value : value <= target.value;
    case '=':
      return value === target.value;
    case 'between':
      return value >= target.value && value <= (target.max ?? target.value);
    case 'about':
      return Math.abs(value - target.value) <= Math.abs(target.value) * ABOUT_TOLERANCE;
    case 'up':
      return value > target.value;
  }
}

const dayNumber = (iso: string): number =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/** Share of the way from the plan start to the deadline's end that `today` has covered, 0…1. */
export function elapsedShare(startYear: number, deadlineYear: number, today: string): number {
  const start = dayNumber(`${startYear}-01-01`);
  const end = dayNumber(`${deadlineYear + 1}-01-01`);
  if (end <= start) return 1;
  return Math.min(1, Math.max(0, (dayNumber(today) - start) / (end - start)));
}

export function indicatorStatus(input: StatusInput): IndicatorStatus | null {
  const { value, target, today } = input;
  if (value === null) return null;
  if (satisfies(value, target)) return 'met';
  if (target.year === null) return 'at_risk';
  if (Number(today.slice(0, 4)) > target.year) return 'missed';
  if (target.op === 'up' || target.op === 'about' || target.op === '=') return 'at_risk';
  const goal =
    target.op === 'between' && value > (target.max ?? target.value) ? (target.max ?? target.value) : target.value;
  const expected = input.baseline + (goal - input.baseline) * elapsedShare(input.startYear, target.year, today);
  const downward = (target.op === '<=') !== (target.unit === 'perN') || (target.op === 'between' && value > goal);
  return (downward ? value <= expected : value >= expected) ? 'on_track' : 'at_risk';
}
