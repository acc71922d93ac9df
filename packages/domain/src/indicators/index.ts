export { RECORD_SOURCES, missingSourceText } from './sources.ts';
export type { RecordSource, LocalizedText } from './sources.ts';
export { MEASURE, AGE_BAND_LIMITS, COUNTED_MIN_AGES, COUNTED_OFFICER_MINIMUMS } from './measures.ts';
export {
  evaluateFormula,
  evaluateEntered,
  evaluateDeclared,
  declaredFromRecords,
  sourcesOf,
  shareOf,
  perNOf,
} from './formulas.ts';
export type { DeclaredEvaluation, Evaluation, FormulaInput, MeasureReader } from './formulas.ts';
export { indicatorStatus, satisfies, elapsedShare } from './status.ts';
export type { IndicatorStatus, StatusInput, StatusTarget } from './status.ts';
export { rollUp, pooledShare, rollupCountyKey } from './rollup.ts';
export type { RollupRow } from './rollup.ts';
export { targetForYear } from './targets.ts';
export { recordsOf, recordScopes, siteKindOf, maskPersonName, RECORD_SETS } from './records.ts';
export type { RecordsDescriptor, RecordKind, RecordSet, RecordColumn, RecordQuery } from './records.ts';
