import { problem } from './errors.ts';
import type { AssessmentProblem } from './errors.ts';

export const RISK_EVENT_TYPES = ['fall', 'wandering', 'choking', 'selfHarm', 'other'] as const;
/** Care-risk events (照护风险事件, A.2.14). */
export type RiskEventType = (typeof RISK_EVENT_TYPES)[number];

/** The most a count can say: 3 means "3 or more". */
export const MAX_RISK_EVENT_COUNT = 3;

const BOOLEAN_FLAGS = ['coma', 'dementiaDiagnosis', 'mentalDisorderDiagnosis'] as const;
type BooleanFlag = (typeof BOOLEAN_FLAGS)[number];

/** Flags after validation: a missing flag is false, a missing count 0 (§3). */
export type AssessmentFlags = Readonly<Record<BooleanFlag, boolean>> & {
  readonly riskEventsLast30Days: Readonly<Record<RiskEventType, number>>;
};

export const NO_FLAGS: AssessmentFlags = Object.freeze({
  coma: false,
  dementiaDiagnosis: false,
  mentalDisorderDiagnosis: false,
  riskEventsLast30Days: Object.freeze({ fall: 0, wandering: 0, choking: 0, selfHarm: 0, other: 0 }),
});

const isBooleanFlag = (name: string): name is BooleanFlag => (BOOLEAN_FLAGS as readonly string[]).includes(name);
const isRiskEventType = (name: string): name is RiskEventType => (RISK_EVENT_TYPES as readonly string[]).includes(name);
const isPlainObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** Like an answer, a `null` flag counts as absent. */
const isAbsent = (value: unknown): boolean => value === null || value === undefined;

function parseRiskEvents(value: unknown, problems: AssessmentProblem[]): Record<RiskEventType, number> {
  const counts = { ...NO_FLAGS.riskEventsLast30Days };
  if (!isPlainObject(value)) {
    problems.push(problem('ASSESSMENT_FLAG_INVALID', 'flags.riskEventsLast30Days'));
    return counts;
  }
  for (const [type, count] of Object.entries(value)) {
    const field = `flags.riskEventsLast30Days.${type}`;
    if (!isRiskEventType(type)) problems.push(problem('ASSESSMENT_FLAG_INVALID', field));
    else if (isAbsent(count)) continue;
    else if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > MAX_RISK_EVENT_COUNT) {
      problems.push(problem('ASSESSMENT_FLAG_INVALID', field));
    } else counts[type] = count;
  }
  return counts;
}

/** Checks every flag in request order: unknown flag or event type, wrong type, or a count outside 0–3. */
export function parseFlags(input: unknown): { flags: AssessmentFlags; problems: readonly AssessmentProblem[] } {
  const problems: AssessmentProblem[] = [];
  if (isAbsent(input)) return { flags: NO_FLAGS, problems };
  if (!isPlainObject(input)) return { flags: NO_FLAGS, problems: [problem('ASSESSMENT_FLAG_INVALID', 'flags')] };
  const booleans: Record<BooleanFlag, boolean> = {
    coma: false,
    dementiaDiagnosis: false,
    mentalDisorderDiagnosis: false,
  };
  let riskEvents: Record<RiskEventType, number> = { ...NO_FLAGS.riskEventsLast30Days };
  for (const [name, value] of Object.entries(input)) {
    const known = isBooleanFlag(name) || name === 'riskEventsLast30Days';
    if (!known) problems.push(problem('ASSESSMENT_FLAG_INVALID', `flags.${name}`));
    else if (isAbsent(value)) continue;
    else if (name === 'riskEventsLast30Days') riskEvents = parseRiskEvents(value, problems);
    else if (typeof value === 'boolean') booleans[name] = value;
    else problems.push(problem('ASSESSMENT_FLAG_INVALID', `flags.${name}`));
  }
  return { flags: { ...booleans, riskEventsLast30Days: riskEvents }, problems };
}
