import { describe, expect, it } from 'vitest';
import { GBT42195_2022 } from './gbt42195-2022.ts';
import { MZT039_2013 } from './mzt039-2013.ts';
import { itemsOf } from './request.ts';
import { score } from './score.ts';
import type { AssessmentScore } from './score.ts';
import { DEFAULT_ASSESSMENT_SETTINGS } from './settings.ts';
import type { InstrumentDefinition } from './types.ts';

const worst = (definition: InstrumentDefinition) =>
  Object.fromEntries(itemsOf(definition).map((item) => [item.code, item.options.at(-1)?.points]));

function scored(
  definition: InstrumentDefinition,
  answers: Record<string, unknown>,
  flags: unknown,
  stacking: 'once' | 'perRule' = 'once',
): AssessmentScore {
  const result = score(definition, answers, flags, { ...DEFAULT_ASSESSMENT_SETTINGS, changeRuleStacking: stacking });
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
}

describe('assessment §4.6 change rules (GB/T 42195-2022)', () => {
  const all = { coma: true, dementiaDiagnosis: true, riskEventsLast30Days: { wandering: 3 } };

  it('coma overrides the other rules, which are listed but not applied', () => {
    const answers = { ...worst(GBT42195_2022), 'selfCare.eating': 4 };
    expect(scored(GBT42195_2022, answers, all, 'perRule').reasons).toEqual([
      { rule: 'coma', applied: false },
      { rule: 'mentalDiagnosis', applied: false, detail: 'dementiaDiagnosis' },
      { rule: 'riskEvents', applied: false, detail: 'wandering 3' },
    ]);
  });

  it('a rule at the worst level is listed with applied false (cap at complete)', () => {
    const result = scored(GBT42195_2022, worst(GBT42195_2022), { mentalDisorderDiagnosis: true });
    expect(result.finalLevel).toBe('complete');
    expect(result.reasons).toEqual([{ rule: 'mentalDiagnosis', applied: false, detail: 'mentalDisorderDiagnosis' }]);
  });

  it('perRule stops at complete: severe + 2 rules = complete, second rule not applied', () => {
    const selfCareAtBest = itemsOf(GBT42195_2022)
      .filter((item) => item.code.startsWith('selfCare.'))
      .map((item) => [item.code, 4]);
    const answers = { ...worst(GBT42195_2022), ...Object.fromEntries(selfCareAtBest) };
    const flags = { dementiaDiagnosis: true, riskEventsLast30Days: { fall: 2 } };
    const result = scored(GBT42195_2022, answers, flags, 'perRule');
    expect(result.total).toBe(32);
    expect(result.baseLevel).toBe('severe');
    expect(result.finalLevel).toBe('complete');
    expect(result.reasons.map((reason) => reason.applied)).toEqual([true, false]);
  });

  it('stupor (consciousness 0 without the coma flag) does not trigger the coma rule', () => {
    const answers = Object.fromEntries(itemsOf(GBT42195_2022).map((item) => [item.code, item.options[0]?.points]));
    const result = scored(GBT42195_2022, { ...answers, 'mental.consciousness': 0 }, undefined);
    expect(result.finalLevel).toBe('mild');
    expect(result.reasons).toEqual([]);
  });

  it('one risk event of each of two types counts under sum only; one event never counts', () => {
    const answers = Object.fromEntries(itemsOf(GBT42195_2022).map((item) => [item.code, item.options[0]?.points]));
    expect(scored(GBT42195_2022, answers, { riskEventsLast30Days: { fall: 1 } }).finalLevel).toBe('intact');
    expect(scored(GBT42195_2022, answers, { riskEventsLast30Days: { fall: 1, other: 1 } }).finalLevel).toBe('mild');
  });
});

describe('assessment §6 MZ/T 039-2013 change rules', () => {
  const intact = Object.fromEntries(itemsOf(MZT039_2013).map((item) => [item.code, item.options[0]?.points]));

  it('perception.consciousness = 3 alone is coma and gives severe', () => {
    const result = scored(MZT039_2013, { ...intact, 'perception.consciousness': 3 }, undefined);
    expect(result.domainGrades).toMatchObject({ perception: 3 });
    expect(result.finalLevel).toBe('severe');
    expect(result.reasons).toEqual([{ rule: 'coma', applied: true, detail: 'perception.consciousness 3' }]);
  });

  it('unclassified stays unclassified under the +1 rules, but coma gives severe', () => {
    const gap = {
      ...intact,
      'social.livingSkills': 4,
      'social.work': 4,
      'social.orientation': 4,
      'social.personOrientation': 2,
    };
    const plain = scored(MZT039_2013, gap, { dementiaDiagnosis: true, riskEventsLast30Days: { fall: 2 } });
    expect(plain.baseLevel).toBe('unclassified');
    expect(plain.finalLevel).toBe('unclassified');
    expect(plain.reasons.map((reason) => reason.applied)).toEqual([false, false]);
    const coma = scored(MZT039_2013, { ...gap, 'perception.consciousness': 3 }, { coma: true });
    expect(coma.finalLevel).toBe('severe');
  });

  it('a severe base level is never raised', () => {
    const result = scored(MZT039_2013, worst(MZT039_2013), { dementiaDiagnosis: true }, 'perRule');
    expect(result.baseLevel).toBe('severe');
    expect(result.finalLevel).toBe('severe');
  });
});
