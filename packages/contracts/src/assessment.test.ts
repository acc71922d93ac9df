import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ASSESSMENT_SETTINGS,
  INSTRUMENTS,
  LTCI_2021_P1,
  itemsOf,
  scoreByCode,
} from '@kangyang/domain/assessment';
import type { AssessmentSettings as DomainAssessmentSettings } from '@kangyang/domain/assessment';
import { AssessmentSettings, ScoreAssessmentBody, ScoreAssessmentResponse } from './assessment.ts';

describe('contracts: assessment scoring API (assessment.md §3)', () => {
  it('lets the domain judge instrument, answer values and flags, so it can name the precise code', () => {
    const body = ScoreAssessmentBody.parse({
      instrument: 'no-such-instrument',
      answers: { 'selfCare.eating': '4', 'mobility.stairs': null },
      flags: { coma: 'yes', riskEventsLast30Days: { fall: 9 } },
      regionCode: '330102',
    });
    expect(body.answers['selfCare.eating']).toBe('4');
    expect(ScoreAssessmentBody.safeParse({ instrument: 'barthel', answers: [] }).success).toBe(false);
    expect(ScoreAssessmentBody.safeParse({ instrument: 'barthel', answers: {}, regionCode: '33010' }).success).toBe(
      false,
    );
  });

  it('every instrument result fits the response schema', () => {
    for (const definition of Object.values(INSTRUMENTS)) {
      const answers = Object.fromEntries(itemsOf(definition).map((item) => [item.code, item.options.at(-1)?.points]));
      const result = scoreByCode(definition.code, answers, { dementiaDiagnosis: true }, DEFAULT_ASSESSMENT_SETTINGS);
      if (!result.ok) throw new Error(result.error.code);
      expect(ScoreAssessmentResponse.parse(result.value)).toEqual(result.value);
    }
  });
});

describe('contracts: assessment settings (assessment.md §8)', () => {
  it('fills the platform defaults and gives the domain type', () => {
    const parsed: DomainAssessmentSettings = AssessmentSettings.parse({});
    expect(parsed).toEqual(DEFAULT_ASSESSMENT_SETTINGS);
    expect(AssessmentSettings.parse({ validityMonths: 6, changeRuleStacking: 'perRule' })).toMatchObject({
      validityMonths: 6,
      changeRuleStacking: 'perRule',
    });
  });

  it.each([
    ['validityMonths', 0],
    ['validityMonths', 37],
    ['validityMonths', 6.5],
    ['dueSoonDays', 181],
    ['immediateTaskDueDays', 0],
    ['expiredGraceDays', -1],
    ['minAgencyAssessors', 1],
    ['changeRuleStacking', 'twice'],
    ['riskEventCounting', 'max'],
    ['barthelBandScheme', 'wst431-2023'],
    ['defaultInstrument', 'gbt42195-2019'],
    ['ltci', 'ltci-2021-p3'],
  ])('rejects %s = %s', (key, value) => {
    expect(AssessmentSettings.safeParse({ [key]: value }).success).toBe(false);
  });

  it('accepts a full LTC override and rejects one whose bands leave a gap', () => {
    const override = { ...structuredClone(LTCI_2021_P1), id: 'region-2024' };
    expect(AssessmentSettings.parse({ ltci: override }).ltci).toEqual(override);
    const gap = { ...override, bands: { ...override.bands, cognition: override.bands.cognition.slice(1) } };
    const result = AssessmentSettings.safeParse({ ltci: gap });
    expect(result.success).toBe(false);
    // The union reports each branch: not a preset id, and the override's own check.
    expect(JSON.stringify(result.error?.issues)).toContain('LTCI_BAND_GAP: no band holds 16');
  });
});
