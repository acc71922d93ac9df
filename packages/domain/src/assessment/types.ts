/**
 * Instruments are data (assessment.md §10): items, options, bands, grade rules and levels.
 * A published revision is never edited; a fix becomes a new revision.
 */

export const INSTRUMENT_CODES = ['gbt42195-2022', 'barthel', 'mzt039-2013', 'ltci-2021'] as const;
export type InstrumentCode = (typeof INSTRUMENT_CODES)[number];

/** A text in both UI languages. */
export type Label = { readonly zh: string; readonly en: string };

export type ItemOption = { readonly points: number; readonly label: Label };

export type ItemDefinition = {
  /** `<domain>.<item>`, e.g. `selfCare.eating`. */
  readonly code: string;
  readonly name: Label;
  /** Options as the form lists them, from the most capable to the least. */
  readonly options: readonly ItemOption[];
  /** False where more points mean worse (MZ/T 039 mental, perception and social items). */
  readonly higherIsBetter: boolean;
};

export type DomainDefinition = {
  readonly code: string;
  readonly name: Label;
  readonly items: readonly ItemDefinition[];
};

export type LevelDefinition = {
  readonly code: string;
  /** 0 is the most capable; null for `unclassified` (MZ/T 039 grid gap). */
  readonly ordinal: number | null;
  readonly name: Label;
};

/** An inclusive range of points mapped to a value (a level code or a grade). */
export type ScoreBand<T> = { readonly min: number; readonly max: number; readonly value: T };

export type ChangeRuleCode = 'coma' | 'mentalDiagnosis' | 'riskEvents';
export type RaiseRuleCode = Exclude<ChangeRuleCode, 'coma'>;

export type ComaRule = {
  /** The consciousness item and its coma option: `flags.coma` requires this answer. */
  readonly item: string;
  readonly points: number;
  /** True where the answer alone means coma (MZ/T 039 `perception.consciousness = 3`). */
  readonly answerImpliesComa: boolean;
  /** The level coma gives, whatever the base level. */
  readonly level: string;
};

export type ChangeRuleSet = {
  readonly coma: ComaRule;
  readonly raise: readonly RaiseRuleCode[];
};

export type InstrumentStatus = 'confirmed' | 'provisional';

type InstrumentCommon = {
  readonly code: InstrumentCode;
  /** `<code>/r<n>`, stored with every result. */
  readonly revision: string;
  readonly name: Label;
  /** `provisional`: a PROVISIONAL table decides the level, so every result is provisional. */
  readonly status: InstrumentStatus;
  /** Kept only for legacy results and migration (MZ/T 039-2013). */
  readonly legacy: boolean;
  readonly domains: readonly DomainDefinition[];
};

export type BandScheme = {
  readonly id: string;
  readonly name: Label;
  readonly levels: readonly LevelDefinition[];
  readonly bands: readonly ScoreBand<string>[];
};

/** The level comes from the total through a band scheme (GB/T 42195, Barthel). */
export type TotalInstrument = InstrumentCommon & {
  readonly kind: 'total';
  readonly bandSchemes: readonly BandScheme[];
  readonly defaultBandScheme: string;
  /** Set when a region setting picks the scheme; the scheme id is then returned with the result. */
  readonly bandSchemeSetting: 'barthelBandScheme' | null;
  readonly changeRules: ChangeRuleSet | null;
};

/** A condition on one answer, used by rule-graded domains. */
export type AnswerCondition =
  { readonly item: string; readonly atLeast: number } | { readonly item: string; readonly equals: number };

export type GradeRule = { readonly grade: number; readonly anyOf: readonly AnswerCondition[] };

export type DomainGrading =
  | { readonly domain: string; readonly by: 'sum'; readonly bands: readonly ScoreBand<number>[] }
  | { readonly domain: string; readonly by: 'rules'; readonly rules: readonly GradeRule[]; readonly otherwise: number };

/** MZ/T 039-2013: domain grades 0–3, then the level grid (§6). */
export type GridInstrument = InstrumentCommon & {
  readonly kind: 'grid';
  readonly levels: readonly LevelDefinition[];
  readonly grading: readonly DomainGrading[];
  /** Domains whose sums are reported in `domainScores`. */
  readonly summedDomains: readonly string[];
  readonly changeRules: ChangeRuleSet;
};

export const LTCI_GRADES = ['intact', 'mild', 'moderate', 'severe'] as const;
export type LtciGrade = (typeof LTCI_GRADES)[number];
export const LTCI_DOMAINS = ['adl', 'cognition', 'perceptionComm'] as const;
export type LtciDomain = (typeof LTCI_DOMAINS)[number];
export const LTCI_LEVELS = ['normal', 'mild', 'moderate', 'severe1', 'severe2', 'severe3'] as const;
export type LtciLevel = (typeof LTCI_LEVELS)[number];
export const LTCI_PRESET_IDS = ['ltci-2021-p1', 'ltci-2021-p2'] as const;
export type LtciPresetId = (typeof LTCI_PRESET_IDS)[number];

export type LtciGradeBand = { readonly grade: LtciGrade; readonly min: number; readonly max: number };

/** Grade bands and combination matrix: a preset, or a region's full override (§7). */
export type LtciConfiguration = {
  readonly id: string;
  readonly bands: Readonly<Record<LtciDomain, readonly LtciGradeBand[]>>;
  /** Row: ADL grade. Column: the worse of the cognition and perceptionComm grades. */
  readonly matrix: Readonly<Record<LtciGrade, Readonly<Record<LtciGrade, LtciLevel>>>>;
};

/** LTC 2021: grades by bands, level by the combination matrix (组合法). */
export type MatrixInstrument = InstrumentCommon & {
  readonly kind: 'matrix';
  readonly levels: readonly LevelDefinition[];
  readonly grades: readonly LevelDefinition[];
  readonly presets: Readonly<Record<LtciPresetId, LtciConfiguration>>;
  readonly defaultPreset: LtciPresetId;
};

export type InstrumentDefinition = TotalInstrument | GridInstrument | MatrixInstrument;
