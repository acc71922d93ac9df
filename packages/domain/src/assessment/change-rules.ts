import { RISK_EVENT_TYPES } from './flags.ts';
import type { AssessmentFlags } from './flags.ts';
import type { Points } from './request.ts';
import type { ChangeRuleStacking, RiskEventCounting } from './settings.ts';
import type { ChangeRuleCode, ChangeRuleSet, LevelDefinition, RaiseRuleCode } from './types.ts';

/** One entry per change rule that holds; `applied` is false when the rule did not move the level (§3). */
export type ChangeReason = { readonly rule: ChangeRuleCode; readonly applied: boolean; readonly detail?: string };

/** 2 or more care-risk events in the last 30 days raise the level (§4.6, CONFIRMED threshold). */
export const RISK_EVENT_THRESHOLD = 2;

type RuleSettings = { readonly changeRuleStacking: ChangeRuleStacking; readonly riskEventCounting: RiskEventCounting };

/** The detail of a raise rule when it holds, else undefined. */
function raiseRuleDetail(rule: RaiseRuleCode, flags: AssessmentFlags, counting: RiskEventCounting): string | undefined {
  if (rule === 'mentalDiagnosis') {
    const held = (['dementiaDiagnosis', 'mentalDisorderDiagnosis'] as const).filter((name) => flags[name]);
    return held.length > 0 ? held.join(', ') : undefined;
  }
  const counts = RISK_EVENT_TYPES.map((type) => ({ type, count: flags.riskEventsLast30Days[type] }));
  const sum = counts.reduce((total, entry) => total + entry.count, 0);
  // `sum`: all events together reach the threshold (all types are named); `perType`: one type does.
  const counted =
    counting === 'sum'
      ? counts.filter((entry) => entry.count > 0 && sum >= RISK_EVENT_THRESHOLD)
      : counts.filter((entry) => entry.count >= RISK_EVENT_THRESHOLD);
  return counted.length > 0 ? counted.map((entry) => `${entry.type} ${entry.count}`).join(', ') : undefined;
}

export type ChangeRuleInput = {
  readonly levels: readonly LevelDefinition[];
  readonly baseLevel: string;
  readonly rules: ChangeRuleSet;
  readonly points: Points;
  readonly flags: AssessmentFlags;
  readonly settings: RuleSettings;
};

/**
 * §4.6 and §6: coma decides the level outright; otherwise each raise rule that holds adds one level,
 * at most one in total under `once`, never past the worst level. A level without an ordinal
 * (`unclassified`) is never raised.
 */
export function applyChangeRules(input: ChangeRuleInput): { finalLevel: string; reasons: ChangeReason[] } {
  const { levels, baseLevel, rules, points, flags, settings } = input;
  const raises = rules.raise.flatMap((rule) => {
    const detail = raiseRuleDetail(rule, flags, settings.riskEventCounting);
    return detail === undefined ? [] : [{ rule, detail }];
  });
  const comaFromAnswer = rules.coma.answerImpliesComa && points[rules.coma.item] === rules.coma.points;
  if (flags.coma || comaFromAnswer) {
    const coma: ChangeReason = { rule: 'coma', applied: baseLevel !== rules.coma.level };
    const comaReason = flags.coma ? coma : { ...coma, detail: `${rules.coma.item} ${rules.coma.points}` };
    return {
      finalLevel: rules.coma.level,
      reasons: [comaReason, ...raises.map((raise) => ({ rule: raise.rule, applied: false, detail: raise.detail }))],
    };
  }
  const worst = Math.max(...levels.map((level) => level.ordinal ?? 0));
  let ordinal = levels.find((level) => level.code === baseLevel)?.ordinal ?? null;
  let raised = 0;
  const reasons = raises.map((raise): ChangeReason => {
    const applied = ordinal !== null && ordinal < worst && (settings.changeRuleStacking === 'perRule' || raised === 0);
    if (applied && ordinal !== null) {
      ordinal += 1;
      raised += 1;
    }
    return { rule: raise.rule, applied, detail: raise.detail };
  });
  const finalLevel = levels.find((level) => ordinal !== null && level.ordinal === ordinal)?.code ?? baseLevel;
  return { finalLevel, reasons };
}
