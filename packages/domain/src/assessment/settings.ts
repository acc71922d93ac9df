import { addMonths } from '../units/index.ts';
import type { IsoDate } from '../units/index.ts';
import type { BarthelBandSchemeId } from './barthel.ts';
import type { InstrumentCode, LtciConfiguration, LtciPresetId } from './types.ts';

export const CHANGE_RULE_STACKINGS = ['once', 'perRule'] as const;
/** PROVISIONAL (§4.6): `once` raises at most one level in total; `perRule` adds 1 per rule. */
export type ChangeRuleStacking = (typeof CHANGE_RULE_STACKINGS)[number];

export const RISK_EVENT_COUNTINGS = ['sum', 'perType'] as const;
/** PROVISIONAL (§4.6): `sum` adds counts across types; `perType` needs 2 or more of one type. */
export type RiskEventCounting = (typeof RISK_EVENT_COUNTINGS)[number];

/** The assessment section of a region or plan profile (§8), snapshotted into each stored assessment. */
export type AssessmentSettings = {
  readonly defaultInstrument: InstrumentCode;
  readonly validityMonths: number;
  readonly dueSoonDays: number;
  readonly immediateTaskDueDays: number;
  /** How long an expired level still counts for eligibility. */
  readonly expiredGraceDays: number;
  readonly changeRuleStacking: ChangeRuleStacking;
  readonly riskEventCounting: RiskEventCounting;
  readonly barthelBandScheme: BarthelBandSchemeId;
  /** A preset id, or a region's full bands and matrix (checked by `validateLtciOverride`). */
  readonly ltci: LtciPresetId | LtciConfiguration;
  readonly minAgencyAssessors: number;
};

/** The settings scoring reads; a full `AssessmentSettings` fits. Absent scheme settings take the defaults. */
export type ScoringSettings = {
  readonly changeRuleStacking: ChangeRuleStacking;
  readonly riskEventCounting: RiskEventCounting;
  readonly barthelBandScheme?: BarthelBandSchemeId;
  readonly ltci?: LtciPresetId | LtciConfiguration;
};

/** Platform defaults (§8). */
export const DEFAULT_ASSESSMENT_SETTINGS: AssessmentSettings = Object.freeze({
  defaultInstrument: 'gbt42195-2022',
  validityMonths: 12,
  dueSoonDays: 60,
  immediateTaskDueDays: 15,
  expiredGraceDays: 30,
  changeRuleStacking: 'once',
  riskEventCounting: 'sum',
  barthelBandScheme: 'wst431-2013',
  ltci: 'ltci-2021-p1',
  minAgencyAssessors: 5,
});

type Range = { readonly min: number; readonly max?: number };

/** Allowed integer ranges of the numeric settings (§8). */
export const ASSESSMENT_SETTING_RANGES = {
  validityMonths: { min: 1, max: 36 },
  dueSoonDays: { min: 0, max: 180 },
  immediateTaskDueDays: { min: 1, max: 60 },
  expiredGraceDays: { min: 0, max: 180 },
  minAgencyAssessors: { min: 2 },
} as const satisfies Record<string, Range>;

/** A region's partial settings over the platform defaults. */
export const withAssessmentDefaults = (overrides: Partial<AssessmentSettings> = {}): AssessmentSettings => ({
  ...DEFAULT_ASSESSMENT_SETTINGS,
  ...Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined)),
});

/** §9: `validUntil = assessment date + validityMonths`, month ends clamped (31 Jan + 1 month = end of Feb). */
export function validUntil(assessmentDate: IsoDate, validityMonths: number): IsoDate {
  if (!Number.isInteger(validityMonths) || validityMonths < 1) {
    throw new RangeError(`validityMonths must be a positive integer: ${validityMonths}`);
  }
  return addMonths(assessmentDate, validityMonths);
}
