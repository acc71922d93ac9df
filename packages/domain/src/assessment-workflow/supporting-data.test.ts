import { describe, expect, it } from 'vitest';
import { deriveFlags, EMPTY_SUPPORTING_DATA, riskEventTotal, supportingFieldOf } from './supporting-data.ts';

describe('supporting data derives the flags (assessment.md §4.7)', () => {
  it('no supporting facts: every flag false, no events', () => {
    expect(deriveFlags(EMPTY_SUPPORTING_DATA)).toEqual({
      coma: false,
      dementiaDiagnosis: false,
      mentalDisorderDiagnosis: false,
      riskEventsLast30Days: { fall: 0, wandering: 0, choking: 0, selfHarm: 0, other: 0 },
    });
  });

  it('A.5.11 coma sets coma; F00–F03 sets dementia; F04–F99 only when a psychiatrist diagnosed it', () => {
    const flags = deriveFlags({
      ...EMPTY_SUPPORTING_DATA,
      diseases: ['hypertension', 'dementia', 'otherMentalDisorder'],
      healthProblems: { coma: true },
    });
    expect(flags).toMatchObject({ coma: true, dementiaDiagnosis: true, mentalDisorderDiagnosis: false });
    const byPsychiatrist = deriveFlags({
      ...EMPTY_SUPPORTING_DATA,
      diseases: ['otherMentalDisorder'],
      mentalDisorderByPsychiatrist: true,
    });
    expect(byPsychiatrist.mentalDisorderDiagnosis).toBe(true);
  });

  it('A.2.14 risk events are counted per type, 3 meaning 3 or more', () => {
    const flags = deriveFlags({ ...EMPTY_SUPPORTING_DATA, riskEvents: { fall: 2, choking: 7 } });
    expect(flags.riskEventsLast30Days).toEqual({ fall: 2, wandering: 0, choking: 3, selfHarm: 0, other: 0 });
    expect(riskEventTotal(flags)).toBe(5);
  });

  it('names the form field behind a flag error', () => {
    expect(supportingFieldOf('flags.coma')).toBe('supporting.healthProblems.coma');
    expect(supportingFieldOf('flags.riskEventsLast30Days.fall')).toBe('supporting.riskEvents.fall');
    expect(supportingFieldOf('answers.selfCare.eating')).toBe('answers.selfCare.eating');
  });
});
