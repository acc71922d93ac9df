import { describe, expect, it } from 'vitest';
import { BARTHEL } from './barthel.ts';
import { GBT42195_2022 } from './gbt42195-2022.ts';
import { LTCI_2021 } from './ltci-2021.ts';
import { MZT039_2013 } from './mzt039-2013.ts';
import { itemsOf } from './request.ts';
import { score } from './score.ts';
import type { AssessmentScore } from './score.ts';
import { DEFAULT_ASSESSMENT_SETTINGS } from './settings.ts';
import type { ScoringSettings } from './settings.ts';
import type { InstrumentDefinition } from './types.ts';

/** Answers in definition order, as §11 lists them. */
function answersOf(definition: InstrumentDefinition, values: readonly number[]): Record<string, number> {
  const items = itemsOf(definition);
  expect(values).toHaveLength(items.length);
  return Object.fromEntries(items.map((item, index) => [item.code, values[index] ?? -1]));
}

function scored(
  definition: InstrumentDefinition,
  values: readonly number[],
  flags: unknown = undefined,
  settings: ScoringSettings = DEFAULT_ASSESSMENT_SETTINGS,
): AssessmentScore {
  const result = score(definition, answersOf(definition, values), flags, settings);
  if (!result.ok) throw new Error(`unexpected ${result.error.code} on ${result.error.field}`);
  return result.value;
}

const G1 = [4, 3, 2, 3, 2, 3, 4, 3, 4, 3, 3, 1, 3, 3, 4, 3, 4, 4, 1, 1, 2, 1, 1, 2, 1, 3];
const G8 = [4, 4, 4, 4, 4, 4, 3, 4, 4, 4, 3, 2, 3, 3, 4, 3, 4, 4, 1, 1, 2, 2, 1, 2, 1, 3];
const G8_FLAGS = { mentalDisorderDiagnosis: true, riskEventsLast30Days: { fall: 1, choking: 1 } };
const ALL_MAX_GBT = itemsOf(GBT42195_2022).map((item) => Math.max(...item.options.map((option) => option.points)));

describe('assessment §11 worked examples: GB/T 42195-2022 (defaults once, sum)', () => {
  const cases = [
    {
      id: 'G1',
      values: G1,
      flags: undefined,
      scores: [24, 11, 25, 8],
      total: 68,
      base: 'mild',
      final: 'mild',
      reasons: [],
    },
    {
      id: 'G2',
      values: G1,
      flags: { riskEventsLast30Days: { fall: 2 } },
      scores: [24, 11, 25, 8],
      total: 68,
      base: 'mild',
      final: 'moderate',
      reasons: [{ rule: 'riskEvents', applied: true, detail: 'fall 2' }],
    },
    {
      id: 'G3',
      values: [3, 2, 1, 2, 1, 2, 3, 2, 3, 2, 2, 0, 4, 4, 4, 3, 4, 3, 1, 0, 2, 2, 1, 2, 0, 2],
      flags: undefined,
      scores: [16, 7, 25, 7],
      total: 55,
      base: 'moderate',
      final: 'moderate',
      reasons: [],
    },
    {
      id: 'G4',
      values: [2, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0, 0, 3, 3, 3, 2, 3, 3, 1, 1, 2, 1, 1, 1, 0, 1],
      flags: undefined,
      scores: [7, 2, 21, 4],
      total: 34,
      base: 'severe',
      final: 'severe',
      reasons: [],
    },
    {
      id: 'G5',
      values: [3, 3, 2, 3, 3, 3, 3, 2, 4, 4, 3, 2, 1, 1, 2, 1, 2, 2, 0, 1, 1, 2, 2, 0, 0, 1],
      flags: { dementiaDiagnosis: true },
      scores: [22, 13, 11, 5],
      total: 51,
      base: 'moderate',
      final: 'severe',
      reasons: [{ rule: 'mentalDiagnosis', applied: true, detail: 'dementiaDiagnosis' }],
    },
    {
      id: 'G6',
      values: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 1, 2, 2, 1, 1, 1, 1, 1, 0, 0, 1],
      flags: undefined,
      scores: [0, 0, 12, 3],
      total: 15,
      base: 'complete',
      final: 'complete',
      reasons: [],
    },
    {
      id: 'G7',
      values: ALL_MAX_GBT.map((points, index) => (index === 20 ? 0 : points)),
      flags: { coma: true },
      scores: [32, 15, 26, 15],
      total: 88,
      base: 'mild',
      final: 'complete',
      reasons: [{ rule: 'coma', applied: true }],
    },
    {
      id: 'G8',
      values: G8,
      flags: G8_FLAGS,
      scores: [31, 13, 25, 9],
      total: 78,
      base: 'mild',
      final: 'moderate',
      reasons: [
        { rule: 'mentalDiagnosis', applied: true, detail: 'mentalDisorderDiagnosis' },
        { rule: 'riskEvents', applied: false, detail: 'fall 1, choking 1' },
      ],
    },
  ];
  it.each(cases)(
    '$id: total $total, base $base, final $final',
    ({ values, flags, scores, total, base, final, reasons }) => {
      const result = scored(GBT42195_2022, values, flags);
      const [selfCare, mobility, mental, perceptionSocial] = scores;
      expect(result).toEqual({
        instrument: 'gbt42195-2022',
        instrumentVersion: 'gbt42195-2022/r1',
        domainScores: { selfCare, mobility, mental, perceptionSocial },
        total,
        baseLevel: base,
        finalLevel: final,
        reasons,
        settings: { changeRuleStacking: 'once', riskEventCounting: 'sum' },
        provisional: false,
      });
    },
  );

  it.each([
    { stacking: 'perRule', counting: 'sum', final: 'severe', applied: [true, true] },
    { stacking: 'once', counting: 'perType', final: 'moderate', applied: [true] },
    { stacking: 'perRule', counting: 'perType', final: 'moderate', applied: [true] },
  ] as const)('G8 under $stacking/$counting gives $final (§4.6 settings)', ({ stacking, counting, final, applied }) => {
    const settings = { ...DEFAULT_ASSESSMENT_SETTINGS, changeRuleStacking: stacking, riskEventCounting: counting };
    const result = scored(GBT42195_2022, G8, G8_FLAGS, settings);
    expect(result.baseLevel).toBe('mild');
    expect(result.finalLevel).toBe(final);
    expect(result.reasons.map((reason) => reason.applied)).toEqual(applied);
    expect(result.settings).toEqual({ changeRuleStacking: stacking, riskEventCounting: counting });
  });
});

describe('assessment §11 worked examples: Barthel (wst431-2013)', () => {
  it.each([
    { id: 'B1', values: [10, 0, 5, 5, 10, 5, 5, 10, 10, 0], total: 60, level: 'moderate' },
    { id: 'B2', values: [5, 0, 0, 5, 5, 5, 5, 5, 5, 5], total: 40, level: 'severe' },
  ])('$id: total $total is $level', ({ values, total, level }) => {
    expect(scored(BARTHEL, values)).toEqual({
      instrument: 'barthel',
      instrumentVersion: 'barthel/r1',
      domainScores: { adl: total },
      total,
      baseLevel: level,
      finalLevel: level,
      reasons: [],
      scheme: 'wst431-2013',
      settings: { changeRuleStacking: 'once', riskEventCounting: 'sum' },
      provisional: false,
    });
  });
});

describe('assessment §11 worked examples: MZ/T 039-2013', () => {
  const M1 = [10, 0, 5, 5, 10, 5, 5, 10, 10, 10, 2, 0, 0, 0, 2, 1, 0, 1, 1, 1, 1, 1];
  it.each([
    { flags: undefined, final: 'mild', reasons: [] },
    {
      flags: { dementiaDiagnosis: true },
      final: 'moderate',
      reasons: [{ rule: 'mentalDiagnosis', applied: true, detail: 'dementiaDiagnosis' }],
    },
  ])('M1 with flags $flags gives $final', ({ flags, final, reasons }) => {
    expect(scored(MZT039_2013, M1, flags)).toEqual({
      instrument: 'mzt039-2013',
      instrumentVersion: 'mzt039-2013/r1',
      domainScores: { adl: 70, mental: 2, social: 5 },
      domainGrades: { adl: 1, mental: 2, perception: 1, social: 1 },
      total: null,
      baseLevel: 'mild',
      finalLevel: final,
      reasons,
      settings: { changeRuleStacking: 'once', riskEventCounting: 'sum' },
      provisional: false,
    });
  });
});

describe('assessment §11 worked examples: LTC 2021 (PROVISIONAL)', () => {
  const L1 = [10, 0, 5, 5, 10, 5, 5, 10, 10, 5, 3, 4, 3, 3, 4, 3, 4];
  it.each(['ltci-2021-p1', 'ltci-2021-p2'] as const)('L1 under %s is mild', (preset) => {
    expect(scored(LTCI_2021, L1, undefined, { ...DEFAULT_ASSESSMENT_SETTINGS, ltci: preset })).toEqual({
      instrument: 'ltci-2021',
      instrumentVersion: 'ltci-2021/r1',
      domainScores: { adl: 65, cognition: 13, perceptionComm: 11 },
      domainGrades: { adl: 'mild', cognition: 'mild', perceptionComm: 'mild' },
      total: null,
      baseLevel: 'mild',
      finalLevel: 'mild',
      reasons: [],
      scheme: preset,
      settings: { changeRuleStacking: 'once', riskEventCounting: 'sum' },
      provisional: true,
    });
  });
  it('L2: ADL 25 severe with intact cognition and perception is severe1 (p1)', () => {
    const result = scored(LTCI_2021, [5, 0, 0, 0, 5, 5, 0, 5, 5, 0, 4, 4, 4, 4, 4, 4, 4]);
    expect(result.domainScores).toEqual({ adl: 25, cognition: 16, perceptionComm: 12 });
    expect(result.domainGrades).toEqual({ adl: 'severe', cognition: 'intact', perceptionComm: 'intact' });
    expect(result.finalLevel).toBe('severe1');
    expect(result.provisional).toBe(true);
  });
});
