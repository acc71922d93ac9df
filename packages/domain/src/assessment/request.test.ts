import { describe, expect, it } from 'vitest';
import { BARTHEL } from './barthel.ts';
import { GBT42195_2022 } from './gbt42195-2022.ts';
import { LTCI_2021 } from './ltci-2021.ts';
import { MZT039_2013 } from './mzt039-2013.ts';
import { itemsOf } from './request.ts';
import { score, scoreByCode } from './score.ts';
import { DEFAULT_ASSESSMENT_SETTINGS } from './settings.ts';
import type { InstrumentDefinition } from './types.ts';

const settings = DEFAULT_ASSESSMENT_SETTINGS;

/** Every item at its best option: a valid, complete answer set. */
const best = (definition: InstrumentDefinition): Record<string, unknown> =>
  Object.fromEntries(itemsOf(definition).map((item) => [item.code, item.options[0]?.points]));

const errorOf = (definition: InstrumentDefinition, answers: Record<string, unknown>, flags?: unknown) => {
  const result = score(definition, answers, flags, settings);
  if (result.ok) throw new Error('expected an error');
  return result.error;
};

describe('assessment §3 errors: codes and fields', () => {
  it('ASSESSMENT_INSTRUMENT_UNKNOWN on instrument, before anything else', () => {
    const result = scoreByCode('gbt42195-2019', { nonsense: 'x' }, { bogus: 1 }, settings);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'ASSESSMENT_INSTRUMENT_UNKNOWN',
        field: 'instrument',
        details: [{ code: 'ASSESSMENT_INSTRUMENT_UNKNOWN', field: 'instrument' }],
      },
    });
  });

  it('ASSESSMENT_ITEM_UNKNOWN on answers.<key>, in request order, before missing items', () => {
    const answers = { zeta: 1, 'selfCare.eating': 4, alpha: 2 };
    const error = errorOf(GBT42195_2022, answers);
    expect(error).toMatchObject({ code: 'ASSESSMENT_ITEM_UNKNOWN', field: 'answers.zeta' });
    expect(error.details.slice(0, 3)).toEqual([
      { code: 'ASSESSMENT_ITEM_UNKNOWN', field: 'answers.zeta' },
      { code: 'ASSESSMENT_ITEM_UNKNOWN', field: 'answers.alpha' },
      { code: 'ASSESSMENT_ITEM_MISSING', field: 'answers.selfCare.grooming' },
    ]);
    expect(error.details).toHaveLength(2 + 25);
  });

  it('an item of another instrument is unknown here (levels are never mixed)', () => {
    expect(errorOf(GBT42195_2022, { ...best(GBT42195_2022), 'adl.eating': 10 })).toMatchObject({
      code: 'ASSESSMENT_ITEM_UNKNOWN',
      field: 'answers.adl.eating',
    });
  });

  it('ASSESSMENT_ITEM_MISSING for an absent item and for null, in definition order', () => {
    const answers: Record<string, unknown> = { ...best(GBT42195_2022), 'mental.memory': null };
    delete answers['perceptionSocial.hearing'];
    const error = errorOf(GBT42195_2022, answers);
    expect(error).toMatchObject({ code: 'ASSESSMENT_ITEM_MISSING', field: 'answers.mental.memory' });
    expect(error.details).toEqual([
      { code: 'ASSESSMENT_ITEM_MISSING', field: 'answers.mental.memory' },
      { code: 'ASSESSMENT_ITEM_MISSING', field: 'answers.perceptionSocial.hearing' },
    ]);
  });

  it.each([
    ['a string such as "4"', '4'],
    ['a fraction', 3.5],
    ['points not among the options (stairs is 0–3)', 4],
    ['a negative number', -1],
    ['a boolean', true],
    ['an object', { points: 3 }],
    ['NaN', Number.NaN],
  ])('ASSESSMENT_POINTS_INVALID for %s', (_what, value) => {
    expect(errorOf(GBT42195_2022, { ...best(GBT42195_2022), 'mobility.stairs': value })).toEqual({
      code: 'ASSESSMENT_POINTS_INVALID',
      field: 'answers.mobility.stairs',
      details: [{ code: 'ASSESSMENT_POINTS_INVALID', field: 'answers.mobility.stairs' }],
    });
  });

  it('Barthel accepts only its option points: 7 on adl.eating is invalid', () => {
    expect(errorOf(BARTHEL, { ...best(BARTHEL), 'adl.eating': 7 })).toMatchObject({
      code: 'ASSESSMENT_POINTS_INVALID',
      field: 'answers.adl.eating',
    });
  });

  it('items are reported in definition order, not request order', () => {
    const { 'selfCare.eating': _eating, ...rest } = best(GBT42195_2022);
    const answers = { ...rest, 'mobility.walking': 'x' };
    expect(errorOf(GBT42195_2022, answers).details).toEqual([
      { code: 'ASSESSMENT_ITEM_MISSING', field: 'answers.selfCare.eating' },
      { code: 'ASSESSMENT_POINTS_INVALID', field: 'answers.mobility.walking' },
    ]);
  });

  it.each([
    ['an unknown flag', { sleepy: true }, 'flags.sleepy'],
    ['an unknown flag even when null', { sleepy: null }, 'flags.sleepy'],
    ['a non-boolean coma', { coma: 'yes' }, 'flags.coma'],
    ['a numeric diagnosis', { dementiaDiagnosis: 1 }, 'flags.dementiaDiagnosis'],
    ['risk events as an array', { riskEventsLast30Days: [2] }, 'flags.riskEventsLast30Days'],
    ['an unknown event type', { riskEventsLast30Days: { burn: 1 } }, 'flags.riskEventsLast30Days.burn'],
    ['a count above 3', { riskEventsLast30Days: { fall: 4 } }, 'flags.riskEventsLast30Days.fall'],
    ['a negative count', { riskEventsLast30Days: { choking: -1 } }, 'flags.riskEventsLast30Days.choking'],
    ['a count as a string', { riskEventsLast30Days: { fall: '2' } }, 'flags.riskEventsLast30Days.fall'],
    ['a fractional count', { riskEventsLast30Days: { other: 1.5 } }, 'flags.riskEventsLast30Days.other'],
    ['flags that are not an object', 'coma', 'flags'],
  ])('ASSESSMENT_FLAG_INVALID for %s', (_what, flags, field) => {
    expect(errorOf(GBT42195_2022, best(GBT42195_2022), flags)).toMatchObject({
      code: 'ASSESSMENT_FLAG_INVALID',
      field,
    });
  });

  it('missing and null flags mean false or 0 events', () => {
    const flags = { coma: null, dementiaDiagnosis: undefined, riskEventsLast30Days: { fall: null } };
    const result = score(GBT42195_2022, best(GBT42195_2022), flags, settings);
    expect(result.ok && result.value.finalLevel).toBe('intact');
    expect(result.ok && result.value.reasons).toEqual([]);
  });

  it('answer problems come before flag problems', () => {
    const error = errorOf(BARTHEL, { ...best(BARTHEL), 'adl.stairs': '10' }, { coma: 'no' });
    expect(error.details).toEqual([
      { code: 'ASSESSMENT_POINTS_INVALID', field: 'answers.adl.stairs' },
      { code: 'ASSESSMENT_FLAG_INVALID', field: 'flags.coma' },
    ]);
  });

  it('ASSESSMENT_FLAG_CONFLICT on flags.coma when GB/T mental.consciousness is not 0', () => {
    expect(errorOf(GBT42195_2022, best(GBT42195_2022), { coma: true })).toEqual({
      code: 'ASSESSMENT_FLAG_CONFLICT',
      field: 'flags.coma',
      details: [{ code: 'ASSESSMENT_FLAG_CONFLICT', field: 'flags.coma' }],
    });
  });

  it('ASSESSMENT_FLAG_CONFLICT on flags.coma when MZ/T perception.consciousness is not 3', () => {
    const answers = { ...best(MZT039_2013), 'perception.consciousness': 2 };
    expect(errorOf(MZT039_2013, answers, { coma: true })).toMatchObject({
      code: 'ASSESSMENT_FLAG_CONFLICT',
      field: 'flags.coma',
    });
  });

  it('Barthel and LTC 2021 validate flags, then ignore them (no conflict, no rules)', () => {
    const flags = { coma: true, dementiaDiagnosis: true, riskEventsLast30Days: { fall: 3 } };
    for (const definition of [BARTHEL, LTCI_2021]) {
      const result = score(definition, best(definition), flags, settings);
      expect(result.ok && result.value.reasons).toEqual([]);
      expect(result.ok && result.value.finalLevel).toBe(result.ok && result.value.baseLevel);
      expect(errorOf(definition, best(definition), { coma: 1 })).toMatchObject({ field: 'flags.coma' });
    }
  });
});
