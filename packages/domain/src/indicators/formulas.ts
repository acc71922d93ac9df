import { MEASURE } from './measures.ts';
import type { RecordSource } from './sources.ts';

/** Aggregated measures of one region and month, as stored by the rollup refresh. */
export type MeasureReader = (measure: string) => number;

export type FormulaInput = {
  readonly formula: string;
  readonly params: Readonly<Record<string, number | string>>;
  readonly unit: string;
  readonly measures: MeasureReader;
  /** Record sources present in the last refresh. */
  readonly available: ReadonlySet<RecordSource>;
};

export type Evaluation =
  | {
      readonly kind: 'value';
      readonly value: number;
      readonly numerator: number | null;
      readonly denominator: number | null;
    }
  | { readonly kind: 'missing'; readonly records: readonly RecordSource[] };

type Evaluator = {
  readonly sources: readonly RecordSource[];
  /** Absent: no evaluator yet; the formula reports its sources as missing until one exists. */
  readonly evaluate?: (input: FormulaInput) => Evaluation;
};

const missing = (...records: RecordSource[]): Evaluation => ({ kind: 'missing', records });
const count = (value: number): Evaluation => ({ kind: 'value', value, numerator: null, denominator: null });

/** A share in basis points, rounded half up; a zero denominator has no share. */
export function shareOf(numerator: number, denominator: number): number | undefined {
  if (denominator <= 0) return undefined;
  return Math.floor((numerator * 10_000) / denominator + 0.5);
}

/** "1 per N": denominator ÷ numerator rounded half up (N people or beds per worker). */
export function perNOf(workers: number, base: number): number | undefined {
  if (workers <= 0) return undefined;
  return Math.floor(base / workers + 0.5);
}

const share = (numerator: number, denominator: number, empty: RecordSource): Evaluation => {
  const value = shareOf(numerator, denominator);
  return value === undefined ? missing(empty) : { kind: 'value', value, numerator, denominator };
};

const numberParam = (input: FormulaInput, name: string, fallback: number): number => {
  const value = input.params[name];
  return typeof value === 'number' ? value : fallback;
};

const measured = (sources: readonly RecordSource[], evaluate: (input: FormulaInput) => Evaluation): Evaluator => ({
  sources,
  evaluate,
});

/** Computed formulas whose records Kangyang holds, by formula id (profile-indicators.ts). */
const COMPUTED: Readonly<Record<string, Evaluator>> = {
  homeCareBedCount: measured(['entitlements'], ({ measures }) => count(measures(MEASURE.homeCareBedsCumulative))),
  certifiedCaregiversPer10k: measured(['workers', 'certificates', 'elders'], ({ measures }) => {
    const caregivers = measures(MEASURE.certifiedCaregivers);
    const elders = measures(MEASURE.elders);
    if (elders <= 0) return missing('elders');
    const value = Math.floor((caregivers * 10_000) / elders + 0.5);
    return { kind: 'value', value, numerator: caregivers, denominator: elders };
  }),
  certifiedSocialWorkersPerElders: measured(['workers', 'certificates', 'elders'], ({ measures }) => {
    const workers = measures(MEASURE.certifiedSocialWorkers);
    const elders = measures(MEASURE.elders);
    const value = perNOf(workers, elders);
    return value === undefined
      ? missing('certificates')
      : { kind: 'value', value, numerator: workers, denominator: elders };
  }),
  socialWorkersPerInstitutionBeds: measured(['workers', 'facilities'], ({ measures }) => {
    const workers = measures(MEASURE.institutionSocialWorkers);
    const beds = measures(MEASURE.institutionBeds);
    const value = perNOf(workers, beds);
    return value === undefined ? missing('workers') : { kind: 'value', value, numerator: workers, denominator: beds };
  }),
  elderCareOfficerCoverage: measured(['workers'], (input) => {
    const min = numberParam(input, 'minOfficers', 1);
    const covered = input.measures(MEASURE.streetsAndCommunitiesWithOfficers(min));
    return share(covered, input.measures(MEASURE.streetsAndCommunities), 'workers');
  }),
  careStaffTrainedCount: measured(['attendance'], ({ measures }) => count(measures(MEASURE.careStaffTrainedInYear))),
  caregiverTrainingAttendance: measured(['attendance'], ({ measures }) =>
    count(measures(MEASURE.trainingAttendanceInYear)),
  ),
  streetCentreCoverage: measured(['serviceSites'], ({ measures }) =>
    share(measures(MEASURE.streetsWithSite('streetCentre')), measures(MEASURE.streets), 'serviceSites'),
  ),
  regionalCentreCoverage: measured(['serviceSites'], ({ measures }) =>
    share(measures(MEASURE.streetsWithSite('regionalCentre')), measures(MEASURE.streets), 'serviceSites'),
  ),
  mealAssistanceCommunityCoverage: measured(['serviceSites'], ({ measures }) =>
    share(measures(MEASURE.communitiesWithMeals), measures(MEASURE.communities), 'serviceSites'),
  ),
  canteenCount: measured(['serviceSites'], ({ measures }) => count(measures(MEASURE.sites('canteen')))),
  serviceCircleCoverage: measured(['coverage'], ({ measures }) =>
    share(measures(MEASURE.coverageCovered), measures(MEASURE.coverageLocated), 'coverage'),
  ),
  // 关爱巡访 (welfare visits by community workers and volunteers, VIS-*) are not home-care service visits
  monthlyVisitRate: measured(['welfareVisits'], ({ measures }) =>
    share(measures(MEASURE.visitTargetsVisited), measures(MEASURE.visitTargets), 'welfareVisits'),
  ),
  nursingBedShare: measured(['facilities'], ({ measures }) =>
    share(measures(MEASURE.nursingBeds), measures(MEASURE.institutionBeds), 'facilities'),
  ),
  // 占用床日数 ÷ 可用床日数 read as the month-end snapshot: occupied ÷ total beds of public institutions
  publicBedUtilisation: measured(['facilities'], ({ measures }) =>
    share(measures(MEASURE.publicOccupiedBeds), measures(MEASURE.publicInstitutionBeds), 'facilities'),
  ),
};

const designated = (designation: string): Evaluator =>
  measured(['designations'], ({ measures }) => count(measures(MEASURE.designated(designation))));

/**
 * Declared formulas Kangyang computes from facility attributes and designations (migration 0031).
 * The rest (002-2/002-3 premises per 100 households, 003-7/8/9 hospital shares) stay entered figures.
 */
const DECLARED: Readonly<Record<string, Evaluator>> = {
  smartCareHomeCount: designated('smartCareHome'),
  assistiveDeviceCentreCount: designated('assistiveDeviceCentre'),
  dementiaFriendlyCommunityCount: designated('dementiaFriendlyCommunity'),
  communityCentresUpgradedCount: designated('centreUpgraded'),
  modelElderFriendlyCommunityCount: designated('modelElderFriendlyCommunity'),
  medicalCareDemoInstitutionCount: designated('medicalCareDemoInstitution'),
  mealDeliveryVehicleCount: measured(['facilities'], ({ measures }) => count(measures(MEASURE.mealDeliveryVehicles))),
};

/** Formulas over records Kangyang does not hold yet: the records they need. */
const NEEDS: Readonly<Record<string, readonly RecordSource[]>> = {
  consortiumCount: ['consortia'],
  streetConsortiumCoverage: ['consortia'],
  familyCaregiverTrainedHouseholds: ['familyCaregiverTraining'],
  needyHomeRenovation: ['renovations'],
  barrierFreeRenovationCount: ['renovations'],
  assistiveDeviceRentalProviderCount: ['assistiveRentals'],
  healthManagementRate: ['medicalRecords'],
  tcmManagementRate: ['medicalRecords'],
  medicalCareIntegrationServiceRate: ['medicalRecords'],
  familyDoctorContractRate: ['medicalRecords'],
  familyDoctorSatisfaction: ['medicalRecords'],
  healthRecordRate: ['medicalRecords'],
  advancedAgeInsuranceRate: ['insurance'],
  minVolunteerTeamsPerCounty: ['volunteers'],
  premisesOpenedInTimeShare: ['premises'],
  preJobTrainingRate: ['attendance'],
};

/** The records a formula reads (facility-based formulas default to `facilities`). */
export function sourcesOf(formula: string): readonly RecordSource[] {
  return COMPUTED[formula]?.sources ?? NEEDS[formula] ?? ['facilities'];
}

/**
 * KPI-1: evaluates a computed formula over a region's aggregated measures. A formula whose records
 * are absent (or that has no evaluator yet) answers `missing` with the records it needs (KPI-10).
 */
export function evaluateFormula(input: FormulaInput): Evaluation {
  const evaluator = COMPUTED[input.formula];
  const sources = sourcesOf(input.formula);
  const absent = sources.filter((source) => !input.available.has(source));
  if (absent.length > 0) return missing(...absent);
  if (!evaluator?.evaluate) return missing(...sources);
  return evaluator.evaluate(input);
}

/** Reported and declared indicators: the latest entry for the year, or the notice naming it missing. */
export function evaluateEntered(source: 'reported' | 'declared', value: number | undefined): Evaluation {
  if (value === undefined) return missing(source === 'reported' ? 'reportedValue' : 'declaration');
  return count(value);
}

/** Where a declared indicator's value comes from: facility records, the typed entry, or nowhere. */
export type DeclaredEvaluation = { readonly evaluation: Evaluation; readonly from: 'records' | 'entered' | null };

/** Whether a declared formula can be computed from facility records (migration 0031). */
export function declaredFromRecords(formula: string): boolean {
  return DECLARED[formula] !== undefined;
}

/**
 * KPI-4 declared indicators: the figure computed from facility attributes and designations wins
 * once those records exist; until then the latest typed entry for the year stands in (shown with
 * its source); with neither, the notice names the records and the declaration as missing.
 */
export function evaluateDeclared(input: FormulaInput, entered: number | undefined): DeclaredEvaluation {
  const evaluator = DECLARED[input.formula];
  const absent = evaluator ? evaluator.sources.filter((source) => !input.available.has(source)) : [];
  if (evaluator?.evaluate && absent.length === 0) return { evaluation: evaluator.evaluate(input), from: 'records' };
  if (entered !== undefined) return { evaluation: count(entered), from: 'entered' };
  return { evaluation: missing(...absent, 'declaration'), from: null };
}
