export { score, scoreByCode } from './score.ts';
export type { AssessmentScore } from './score.ts';
export { checkRequest, itemsOf } from './request.ts';
export type { AnswersInput, CheckedRequest, Points } from './request.ts';
export { parseFlags, NO_FLAGS, RISK_EVENT_TYPES, MAX_RISK_EVENT_COUNT } from './flags.ts';
export type { AssessmentFlags, RiskEventType } from './flags.ts';
export { applyChangeRules, RISK_EVENT_THRESHOLD } from './change-rules.ts';
export type { ChangeReason } from './change-rules.ts';
export type { AssessmentError, AssessmentErrorCode, AssessmentProblem } from './errors.ts';
export { INSTRUMENTS, instrumentOf, instrumentRevisionOf, isInstrumentCode } from './instruments.ts';
export { GBT42195_2022 } from './gbt42195-2022.ts';
export { BARTHEL, BARTHEL_BAND_SCHEME_IDS } from './barthel.ts';
export type { BarthelBandSchemeId } from './barthel.ts';
export { MZT039_2013 } from './mzt039-2013.ts';
export { mztBaseLevel } from './mzt039-grid.ts';
export type { MztGrades, MztLevel } from './mzt039-grid.ts';
export { LTCI_2021, LTCI_2021_P1, LTCI_2021_P2 } from './ltci-2021.ts';
export { ltciConfigurationOf } from './score-kinds.ts';
export { validateLtciOverride, matrixMonotonyWarnings } from './ltci-override.ts';
export type {
  LtciOverrideChecked,
  LtciOverrideInput,
  LtciOverrideIssue,
  LtciOverrideIssueCode,
} from './ltci-override.ts';
export { levelsOf, levelOf, levelOrdinal, levelLabel } from './levels.ts';
export { reachableTotals, maxTotal } from './domain-totals.ts';
export {
  DEFAULT_ASSESSMENT_SETTINGS,
  ASSESSMENT_SETTING_RANGES,
  CHANGE_RULE_STACKINGS,
  RISK_EVENT_COUNTINGS,
  withAssessmentDefaults,
  validUntil,
} from './settings.ts';
export type { AssessmentSettings, ChangeRuleStacking, RiskEventCounting, ScoringSettings } from './settings.ts';
export { INSTRUMENT_CODES, LTCI_DOMAINS, LTCI_GRADES, LTCI_LEVELS, LTCI_PRESET_IDS } from './types.ts';
export type {
  AnswerCondition,
  BandScheme,
  ChangeRuleCode,
  ChangeRuleSet,
  ComaRule,
  DomainDefinition,
  DomainGrading,
  GradeRule,
  GridInstrument,
  InstrumentCode,
  InstrumentDefinition,
  InstrumentStatus,
  ItemDefinition,
  ItemOption,
  Label,
  LevelDefinition,
  LtciConfiguration,
  LtciDomain,
  LtciGrade,
  LtciGradeBand,
  LtciLevel,
  LtciPresetId,
  MatrixInstrument,
  RaiseRuleCode,
  ScoreBand,
  TotalInstrument,
} from './types.ts';
