import { MAX_RISK_EVENT_COUNT, RISK_EVENT_TYPES } from '../assessment/index.ts';
import type { AssessmentFlags, RiskEventType } from '../assessment/index.ts';

/**
 * Supporting data collected with an assessment (assessment.md §4.7, 附录A) and the flags derived
 * from it. Assessors never type a flag: the form records diseases, risk events and health problems,
 * and the flags follow.
 */

/** A.4.1 disease groups with their ICD-10 ranges; the F groups set the diagnosis flags. */
export const DISEASES = {
  hypertension: { zh: '高血压', icd10: 'I10–I15' },
  coronaryDisease: { zh: '冠心病', icd10: 'I25' },
  diabetes: { zh: '糖尿病', icd10: 'E10–E14' },
  pneumonia: { zh: '肺炎', icd10: 'J12–J18' },
  copd: { zh: '慢性阻塞性肺疾病', icd10: 'J44' },
  cerebralHaemorrhage: { zh: '脑出血', icd10: 'I60–I62' },
  cerebralInfarction: { zh: '脑梗死', icd10: 'I63' },
  urinaryInfection: { zh: '尿路感染（30天内）', icd10: '' },
  parkinsonism: { zh: '帕金森综合征', icd10: 'G20–G22' },
  chronicRenalFailure: { zh: '慢性肾衰竭', icd10: 'N18–N19' },
  cirrhosis: { zh: '肝硬化', icd10: 'K74' },
  pepticUlcer: { zh: '消化性溃疡', icd10: 'K20–K31' },
  tumour: { zh: '肿瘤', icd10: 'C00–D48' },
  amputation: { zh: '截肢（6个月内）', icd10: '' },
  fracture: { zh: '骨折（3个月内）', icd10: 'M84' },
  epilepsy: { zh: '癫痫', icd10: 'G40' },
  hypothyroidism: { zh: '甲状腺功能减退症', icd10: 'E01–E03' },
  cataract: { zh: '白内障', icd10: 'H25–H26' },
  glaucoma: { zh: '青光眼', icd10: 'H40–H42' },
  osteoporosis: { zh: '骨质疏松症', icd10: 'M80–M82' },
  dementia: { zh: '痴呆', icd10: 'F00–F03' },
  otherMentalDisorder: { zh: '其他精神和行为障碍', icd10: 'F04–F99' },
  other: { zh: '其他', icd10: '' },
} as const;
export type DiseaseCode = keyof typeof DISEASES;
export const DISEASE_CODES = Object.keys(DISEASES) as DiseaseCode[];

export const PRESSURE_INJURY_STAGES = ['none', 'stage1', 'stage2', 'stage3', 'stage4', 'unstageable'] as const;
export type PressureInjuryStage = (typeof PRESSURE_INJURY_STAGES)[number];

/** A.5 special care (特殊护理): gastric tube, urinary catheter, tracheostomy, stoma, ventilator, dialysis. */
export const SPECIAL_CARE = [
  'gastricTube',
  'urinaryCatheter',
  'tracheostomy',
  'stoma',
  'ventilator',
  'dialysis',
] as const;
export type SpecialCare = (typeof SPECIAL_CARE)[number];

export type Medicine = {
  readonly name: string;
  readonly route: string;
  readonly dose: string;
  readonly frequency: string;
};

export type SupportingData = {
  /** A.1 评估地点. */
  readonly place?: string | undefined;
  /** A.3 informant (信息提供者) and relation. */
  readonly informant?: { readonly name: string; readonly relation: string } | undefined;
  /** A.2.14 risk events in the last 30 days, per type; 3 means 3 or more. */
  readonly riskEvents: Readonly<Partial<Record<RiskEventType, number>>>;
  /** A.4.1 diagnosed diseases. */
  readonly diseases: readonly DiseaseCode[];
  /** A.4.1: an F04–F99 disorder counts only when a psychiatrist (精神科专科医生) diagnosed it. */
  readonly mentalDisorderByPsychiatrist?: boolean | undefined;
  /** A.4.2 long-term medicines. */
  readonly medicines: readonly Medicine[];
  /** A.5 health problems; `coma` is A.5.11 昏迷. */
  readonly healthProblems: {
    readonly pressureInjury?: PressureInjuryStage | undefined;
    readonly specialCare?: readonly SpecialCare[] | undefined;
    readonly dysphagia?: boolean | undefined;
    readonly coma: boolean;
  };
};

/** The flags of the scoring API (§3), always complete when derived. */
export type DerivedFlags = AssessmentFlags;

export const EMPTY_SUPPORTING_DATA: SupportingData = {
  riskEvents: {},
  diseases: [],
  medicines: [],
  healthProblems: { coma: false },
};

const clampCount = (value: number | undefined): number =>
  value === undefined || !Number.isFinite(value) ? 0 : Math.min(MAX_RISK_EVENT_COUNT, Math.max(0, Math.trunc(value)));

/** §4.7: A.5.11 sets `coma`, the F groups of A.4.1 set the diagnosis flags, A.2.14 the risk events. */
export function deriveFlags(supporting: SupportingData): DerivedFlags {
  const counts = {} as Record<RiskEventType, number>;
  for (const type of RISK_EVENT_TYPES) counts[type] = clampCount(supporting.riskEvents[type]);
  return {
    coma: supporting.healthProblems.coma,
    dementiaDiagnosis: supporting.diseases.includes('dementia'),
    mentalDisorderDiagnosis:
      supporting.diseases.includes('otherMentalDisorder') && supporting.mentalDisorderByPsychiatrist === true,
    riskEventsLast30Days: counts,
  };
}

/** Where on the form a flag comes from: a scoring error on `flags.*` names the form field instead. */
export function supportingFieldOf(flagField: string): string {
  if (flagField === 'flags.coma') return 'supporting.healthProblems.coma';
  if (flagField === 'flags.dementiaDiagnosis' || flagField === 'flags.mentalDisorderDiagnosis')
    return 'supporting.diseases';
  const event = /^flags\.riskEventsLast30Days\.(\w+)$/.exec(flagField);
  if (event) return `supporting.riskEvents.${event[1] ?? ''}`;
  return flagField;
}

/** Total risk events of the last 30 days (3 stands for "3 or more"). */
export const riskEventTotal = (flags: DerivedFlags): number =>
  RISK_EVENT_TYPES.reduce((sum, type) => sum + flags.riskEventsLast30Days[type], 0);
