import { z } from 'zod';
import { IndicatorIdSchema, LocalizedTextSchema, ResponsibilityFields } from './profile-common.ts';

export const UNITS = ['count', 'basisPoints', 'perTenThousand', 'perN', 'squareMetresPer100Households', 'fen'] as const;
/** count; basisPoints (5400 = 54 %); perTenThousand (per 10,000 elders); perN ("1 per N"); m² per 100 households; fen. */
export const UnitSchema = z.enum(UNITS);
export type Unit = z.infer<typeof UnitSchema>;

/** `up`: above the baseline in `value`; `between`: value ≤ x ≤ max; `about`: near value ("左右"). */
export const TARGET_OPS = ['>=', '<=', '=', 'up', 'between', 'about'] as const;
export type TargetOp = (typeof TARGET_OPS)[number];

/** Glossary §13 `IndicatorSource`. */
export const INDICATOR_SOURCES = ['computed', 'declared', 'reported'] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

type FormulaSpec = {
  /** Units the formula can produce; each target picks one. */
  readonly units: readonly Unit[];
  /** Parameter names the indicator must give in `params`. */
  readonly params?: readonly string[];
  /** Sub-measures a target may name in `part` (e.g. AA and AAA stations). */
  readonly parts?: readonly string[];
  /** A rule parameter object of the same profile the formula reads. */
  readonly requiresRule?: 'serviceCircle' | 'welfareVisitTargets';
};

const count = { units: ['count'] } as const;
const share = { units: ['basisPoints'] } as const;

/**
 * The closed list of indicator formulas, one per meaning; plans that measure the same thing share
 * an id (e.g. `monthlyVisitRate` for 001-19 and 002-11). The indicator engine implements each one.
 */
export const INDICATOR_FORMULAS = {
  consortiumCount: count,
  certifiedCaregiversPer10k: { units: ['perTenThousand'] },
  nursingBedShare: share,
  smartCareHomeCount: count,
  assistiveDeviceCentreCount: count,
  homeCareBedCount: count,
  townshipCareHomesPerTownship: share,
  smallTownshipCareHomeCount: { units: ['count'], params: ['residentsBelow'] },
  townshipCareHomeStandardShare: {
    units: ['basisPoints'],
    params: ['minBeds', 'minNursingShareBasisPoints', 'minInstitutionGrade'],
  },
  rehabRoomShareOfLargeInstitutions: { units: ['basisPoints'], params: ['minBeds'] },
  premisesOpenedInTimeShare: { units: ['basisPoints'], params: ['maxMonthsToOpen'] },
  welfareLotteryElderCareShare: share,
  caregiverTrainingAttendance: count,
  streetConsortiumCoverage: share,
  dementiaZoneInstitutionCount: count,
  dementiaBedShareInDemoInstitutions: share,
  dementiaFriendlyCommunityCount: count,
  familyCaregiverTrainedHouseholds: count,
  careStaffTrainedCount: count,
  socialWorkersPerInstitutionBeds: { units: ['perN'] },
  certifiedSocialWorkersPerElders: { units: ['perN'] },
  elderCareOfficerCoverage: { units: ['basisPoints'], params: ['minOfficers'] },
  streetCentreCoverage: share,
  mealAssistanceCommunityCoverage: share,
  communityCentresUpgradedCount: count,
  serviceCircleCoverage: { units: ['basisPoints'], requiresRule: 'serviceCircle' },
  needyHomeRenovation: { units: ['count', 'basisPoints'] },
  monthlyVisitRate: { units: ['basisPoints'], requiresRule: 'welfareVisitTargets' },
  assistiveDeviceRentalProviderCount: count,
  elderCareSystemBudget: { units: ['fen'] },
  institutionsServingHomesShare: share,
  premisesAreaNewResidential: { units: ['squareMetresPer100Households'] },
  premisesAreaOldResidential: { units: ['squareMetresPer100Households'] },
  modelElderFriendlyCommunityCount: count,
  canteenCount: count,
  bothLicencesInstitutionCount: count,
  ltcInsuranceCoverage: share,
  sixBedLinkagePilotCount: count,
  minVolunteerTeamsPerCounty: count,
  healthManagementRate: { units: ['basisPoints'], params: ['minAge'] },
  tcmManagementRate: { units: ['basisPoints'], params: ['minAge'] },
  medicalCareIntegrationServiceRate: { units: ['basisPoints'], params: ['minAge'] },
  familyDoctorContractRate: share,
  familyDoctorSatisfaction: share,
  medicalCareDemoInstitutionCount: count,
  tcmHospitalGeriatricsShare: share,
  generalHospitalGeriatricsShare: share,
  elderFriendlyMedicalShare: share,
  publicBuiltPrivatelyRunShare: share,
  regionalCentreCoverage: share,
  stationGradeCoverage: { units: ['basisPoints'], params: ['grade'] },
  advancedAgeInsuranceRate: { units: ['basisPoints'], params: ['minAge'] },
  preJobTrainingRate: share,
  medicalUnitsAdded: { units: ['count'], parts: ['infirmary', 'medicalNursingCentre'] },
  medicalPartnerCoverage: share,
  healthRecordRate: share,
  publicBedUtilisation: share,
  stationGradeCount: { units: ['count'], parts: ['A', 'AA', 'AAA'] },
  mealDeliveryVehicleCount: count,
  barrierFreeRenovationCount: count,
  rehabNursingBedsPerPilotHospital: { units: ['count'], params: ['pilotHospitals'] },
} as const satisfies Record<string, FormulaSpec>;

export type IndicatorFormula = keyof typeof INDICATOR_FORMULAS;
export const INDICATOR_FORMULA_IDS = Object.keys(INDICATOR_FORMULAS) as [IndicatorFormula, ...IndicatorFormula[]];
export const IndicatorFormulaSchema = z.enum(INDICATOR_FORMULA_IDS);

export const formulaSpecOf = (formula: IndicatorFormula): FormulaSpec => INDICATOR_FORMULAS[formula];

const TargetValueSchema = z.union([z.int(), z.strictObject({ per: z.int().positive() })]);

/** One yearly target. A bare figure in a plan ("4 consortia") is a build target, written `>=`. */
export const TargetSchema = z
  .strictObject({
    /** Deadline year; absent when `recurrence` says the target holds every year of the period. */
    year: z.int().min(2000).max(2100).optional(),
    recurrence: z.enum(['yearly', 'ongoing']).optional(),
    /** Sub-measure of the formula (`AA`, `infirmary`); see INDICATOR_FORMULAS parts. */
    part: z.string().min(1).optional(),
    op: z.enum(TARGET_OPS),
    /** Integer in `unit`; ratios in basis points; "1 per N" as { per: N }. For `up`, the baseline. */
    value: TargetValueSchema,
    /** Upper bound of a `between` target. */
    max: z.int().optional(),
    unit: UnitSchema,
    note: z.string().min(1).optional(),
  })
  .superRefine((target, ctx) => {
    if ((target.year === undefined) === (target.recurrence === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['year'], message: 'give exactly one of year and recurrence' });
    }
    if ((target.unit === 'perN') !== (typeof target.value === 'object')) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'unit perN takes { per: N }; other units an integer' });
    }
    const needsMax = target.op === 'between';
    if (needsMax !== (target.max !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'max is required by, and only allowed with, op between' });
    } else if (needsMax && typeof target.value === 'number' && (target.max ?? 0) < target.value) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'max must not be below value' });
    }
  });
export type Target = z.infer<typeof TargetSchema>;

/** Formula-dependent checks: units, required params and parts named by INDICATOR_FORMULAS. */
function checkFormula(indicator: z.infer<typeof IndicatorShape>, ctx: z.RefinementCtx): void {
  const spec = formulaSpecOf(indicator.formula);
  const units: readonly string[] = spec.units;
  const parts: readonly string[] = spec.parts ?? [];
  for (const name of spec.params ?? []) {
    if (indicator.params?.[name] === undefined) {
      ctx.addIssue({ code: 'custom', path: ['params', name], message: `formula ${indicator.formula} needs ${name}` });
    }
  }
  indicator.targets.forEach((target, index) => {
    if (!units.includes(target.unit)) {
      const message = `formula ${indicator.formula} gives ${units.join(' or ')}`;
      ctx.addIssue({ code: 'custom', path: ['targets', index, 'unit'], message });
    }
    if (target.part !== undefined && !parts.includes(target.part)) {
      const message = `formula ${indicator.formula} has parts: ${parts.join(', ') || 'none'}`;
      ctx.addIssue({ code: 'custom', path: ['targets', index, 'part'], message });
    }
  });
}

const IndicatorShape = z.strictObject({
  id: IndicatorIdSchema,
  name: LocalizedTextSchema,
  formula: IndicatorFormulaSchema,
  /** The formula in words, over platform data. */
  formulaText: LocalizedTextSchema,
  /** Thresholds the formula needs (e.g. minBeds 100 for 000-10); see INDICATOR_FORMULAS params. */
  params: z.record(z.string(), z.union([z.int(), z.string()])).optional(),
  targets: z.array(TargetSchema).min(1),
  source: z.enum(INDICATOR_SOURCES),
  ...ResponsibilityFields,
});

export const IndicatorSchema = IndicatorShape.superRefine(checkFormula);
export type Indicator = z.infer<typeof IndicatorSchema>;
