import type { IndicatorItemDto, IndicatorTargetDto, MissingSourceDto } from '@kangyang/contracts/indicators';
import type { Indicator, Target } from '@kangyang/contracts/profile-indicators';
import type { ProfileId } from '@kangyang/contracts/profile-common';
import {
  evaluateDeclared,
  evaluateEntered,
  evaluateFormula,
  indicatorStatus,
  missingSourceText,
  targetForYear,
  type Evaluation,
  type RecordSource,
} from '@kangyang/domain/indicators';

/** What a region's evaluation needs besides the indicator. */
export type EvaluationContext = {
  readonly profileId: ProfileId;
  readonly startYear: number;
  readonly year: number;
  readonly today: string;
  readonly period: string | null;
  readonly lastRefreshedAt: string | null;
  readonly available: ReadonlySet<RecordSource>;
};

/** One region's inputs: its measures and its reported values (by indicator id). */
export type RegionInputs = {
  readonly regionCode: string;
  readonly measures: ReadonlyMap<string, number>;
  readonly reported: ReadonlyMap<string, number>;
};

export function targetDto(target: Target): IndicatorTargetDto {
  return {
    op: target.op,
    value: typeof target.value === 'number' ? target.value : target.value.per,
    max: target.max ?? null,
    unit: target.unit,
    year: target.year ?? null,
    recurrence: target.recurrence ?? null,
    part: target.part ?? null,
    note: target.note ?? null,
  };
}

/** The target judged for the year (first one when the profile gives none for it). */
export function chosenTarget(indicator: Indicator, year: number): IndicatorTargetDto {
  const target = targetForYear(indicator.targets, year) ?? indicator.targets[0];
  if (!target) throw new Error(`indicator ${indicator.id} has no target`);
  return targetDto(target);
}

export function evaluate(
  indicator: Indicator,
  target: IndicatorTargetDto,
  inputs: RegionInputs,
  ctx: EvaluationContext,
): { evaluation: Evaluation; from: 'records' | 'entered' | null } {
  const input = {
    formula: indicator.formula,
    params: indicator.params ?? {},
    unit: target.unit,
    measures: (measure: string) => inputs.measures.get(measure) ?? 0,
    available: ctx.available,
  };
  const entered = inputs.reported.get(indicator.id);
  if (indicator.source === 'declared') return evaluateDeclared(input, entered);
  if (indicator.source === 'reported') {
    const evaluation = evaluateEntered(indicator.source, entered);
    return { evaluation, from: evaluation.kind === 'value' ? 'entered' : null };
  }
  return { evaluation: evaluateFormula(input), from: 'records' };
}

const missingDto = (evaluation: Evaluation): MissingSourceDto | null =>
  evaluation.kind === 'missing'
    ? { records: [...evaluation.records], text: missingSourceText(evaluation.records) }
    : null;

/** Value, parts, status and missing source of one indicator in one region. */
export function judged(indicator: Indicator, target: IndicatorTargetDto, inputs: RegionInputs, ctx: EvaluationContext) {
  const { evaluation, from } = evaluate(indicator, target, inputs, ctx);
  const value = evaluation.kind === 'value' ? evaluation.value : null;
  const baseline = target.op === 'up' ? target.value : 0;
  return {
    value,
    numerator: evaluation.kind === 'value' ? evaluation.numerator : null,
    denominator: evaluation.kind === 'value' ? evaluation.denominator : null,
    status: indicatorStatus({ value, target, baseline, startYear: ctx.startYear, today: ctx.today }),
    missingSource: missingDto(evaluation),
    valueFrom: evaluation.kind === 'value' ? from : null,
  };
}

export function indicatorItem(indicator: Indicator, inputs: RegionInputs, ctx: EvaluationContext): IndicatorItemDto {
  const target = chosenTarget(indicator, ctx.year);
  return {
    id: indicator.id,
    profileId: ctx.profileId,
    name: indicator.name,
    formula: indicator.formula,
    formulaText: indicator.formulaText,
    unit: target.unit,
    source: indicator.source,
    target,
    targets: indicator.targets.map(targetDto),
    deadline: target.year,
    regionCode: inputs.regionCode,
    ...judged(indicator, target, inputs, ctx),
    period: ctx.period,
    lastRefreshedAt: ctx.lastRefreshedAt,
  };
}
