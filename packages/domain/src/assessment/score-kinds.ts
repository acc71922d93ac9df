import { applyChangeRules } from './change-rules.ts';
import type { ChangeReason } from './change-rules.ts';
import type { AssessmentFlags } from './flags.ts';
import { mztBaseLevel } from './mzt039-grid.ts';
import type { Points } from './request.ts';
import type { ScoringSettings } from './settings.ts';
import { LTCI_GRADES } from './types.ts';
import type {
  AnswerCondition,
  DomainDefinition,
  DomainGrading,
  GridInstrument,
  LtciConfiguration,
  LtciGrade,
  MatrixInstrument,
  ScoreBand,
  TotalInstrument,
} from './types.ts';

/** What each instrument kind decides; `score` adds the instrument, version and settings. */
export type KindScore = {
  readonly domainScores: Readonly<Record<string, number>>;
  readonly domainGrades?: Readonly<Record<string, number | string>>;
  readonly total: number | null;
  readonly baseLevel: string;
  readonly finalLevel: string;
  readonly reasons: readonly ChangeReason[];
  readonly scheme?: string;
};

const domainSum = (domain: DomainDefinition, points: Points): number =>
  domain.items.reduce((sum, item) => sum + (points[item.code] ?? 0), 0);

function inBand<T>(bands: readonly ScoreBand<T>[], total: number, what: string): T {
  const band = bands.find((candidate) => candidate.min <= total && total <= candidate.max);
  if (!band) throw new RangeError(`no band of ${what} holds ${total}`);
  return band.value;
}

/** GB/T 42195 and Barthel: level from the total through a band scheme, then the change rules. */
export function scoreTotal(
  definition: TotalInstrument,
  points: Points,
  flags: AssessmentFlags,
  settings: ScoringSettings,
): KindScore {
  const schemeId = definition.bandSchemeSetting
    ? (settings[definition.bandSchemeSetting] ?? definition.defaultBandScheme)
    : definition.defaultBandScheme;
  const scheme = definition.bandSchemes.find((candidate) => candidate.id === schemeId);
  if (!scheme) throw new RangeError(`${definition.code} has no band scheme ${schemeId}`);
  const domainScores = Object.fromEntries(definition.domains.map((domain) => [domain.code, domainSum(domain, points)]));
  const total = Object.values(domainScores).reduce((sum, value) => sum + value, 0);
  const baseLevel = inBand(scheme.bands, total, scheme.id);
  const changed = definition.changeRules
    ? applyChangeRules({ levels: scheme.levels, baseLevel, rules: definition.changeRules, points, flags, settings })
    : { finalLevel: baseLevel, reasons: [] };
  const base = { domainScores, total, baseLevel, ...changed };
  return definition.bandSchemeSetting ? { ...base, scheme: scheme.id } : base;
}

const holds = (condition: AnswerCondition, points: Points): boolean => {
  const value = points[condition.item] ?? 0;
  return 'atLeast' in condition ? value >= condition.atLeast : value === condition.equals;
};

function domainGrade(grading: DomainGrading, definition: GridInstrument, points: Points): number {
  if (grading.by === 'rules') {
    const rule = grading.rules.find((candidate) => candidate.anyOf.some((condition) => holds(condition, points)));
    return rule ? rule.grade : grading.otherwise;
  }
  const domain = definition.domains.find((candidate) => candidate.code === grading.domain);
  if (!domain) throw new RangeError(`${definition.code} has no domain ${grading.domain}`);
  return inBand(grading.bands, domainSum(domain, points), grading.domain);
}

/** MZ/T 039-2013: domain grades, the level grid, then the change rules (§6). */
export function scoreGrid(
  definition: GridInstrument,
  points: Points,
  flags: AssessmentFlags,
  settings: ScoringSettings,
): KindScore {
  const grades = Object.fromEntries(
    definition.grading.map((grading) => [grading.domain, domainGrade(grading, definition, points)]),
  );
  const baseLevel = mztBaseLevel({
    adl: grades['adl'] ?? 0,
    mental: grades['mental'] ?? 0,
    perception: grades['perception'] ?? 0,
    social: grades['social'] ?? 0,
  });
  const domainScores = Object.fromEntries(
    definition.domains
      .filter((domain) => definition.summedDomains.includes(domain.code))
      .map((domain) => [domain.code, domainSum(domain, points)]),
  );
  const changed = applyChangeRules({
    levels: definition.levels,
    baseLevel,
    rules: definition.changeRules,
    points,
    flags,
    settings,
  });
  return { domainScores, domainGrades: grades, total: null, baseLevel, ...changed };
}

/** The preset a region names, or its own validated bands and matrix. */
export function ltciConfigurationOf(definition: MatrixInstrument, settings: ScoringSettings): LtciConfiguration {
  const chosen = settings.ltci ?? definition.defaultPreset;
  return typeof chosen === 'string' ? definition.presets[chosen] : chosen;
}

const worseGrade = (left: LtciGrade, right: LtciGrade): LtciGrade =>
  LTCI_GRADES.indexOf(left) >= LTCI_GRADES.indexOf(right) ? left : right;

/** LTC 2021: domain grades by bands, level by the combination matrix; no change rules (§7). */
export function scoreMatrix(definition: MatrixInstrument, points: Points, settings: ScoringSettings): KindScore {
  const configuration = ltciConfigurationOf(definition, settings);
  const domainScores = Object.fromEntries(definition.domains.map((domain) => [domain.code, domainSum(domain, points)]));
  const gradeOf = (domain: 'adl' | 'cognition' | 'perceptionComm'): LtciGrade => {
    const bands = configuration.bands[domain].map((band) => ({ min: band.min, max: band.max, value: band.grade }));
    return inBand(bands, domainScores[domain] ?? 0, `${configuration.id} ${domain}`);
  };
  const domainGrades = {
    adl: gradeOf('adl'),
    cognition: gradeOf('cognition'),
    perceptionComm: gradeOf('perceptionComm'),
  };
  const baseLevel =
    configuration.matrix[domainGrades.adl][worseGrade(domainGrades.cognition, domainGrades.perceptionComm)];
  return {
    domainScores,
    domainGrades,
    total: null,
    baseLevel,
    finalLevel: baseLevel,
    reasons: [],
    scheme: configuration.id,
  };
}
