import { describe, expect, it } from 'vitest';
import { evaluateDeclared, evaluateFormula } from './formulas.ts';
import { MEASURE } from './measures.ts';
import type { RecordSource } from './sources.ts';

const reader = (values: Record<string, number>) => (measure: string) => values[measure] ?? 0;
const input = (formula: string, values: Record<string, number>, available: RecordSource[]) => ({
  formula,
  params: {},
  unit: 'count',
  measures: reader(values),
  available: new Set(available),
});

describe('declared indicators from facility records (KPI-4, migration 0031)', () => {
  it('000-4 smartCareHomeCount: designations win over a typed figure once they exist', () => {
    const values = { [MEASURE.designated('smartCareHome')]: 3 };
    expect(evaluateDeclared(input('smartCareHomeCount', values, ['designations']), 7)).toEqual({
      evaluation: { kind: 'value', value: 3, numerator: null, denominator: null },
      from: 'records',
    });
  });

  it('001-7 dementiaFriendlyCommunityCount: without designation records the typed figure stands in', () => {
    expect(evaluateDeclared(input('dementiaFriendlyCommunityCount', {}, ['facilities']), 2)).toEqual({
      evaluation: { kind: 'value', value: 2, numerator: null, denominator: null },
      from: 'entered',
    });
  });

  it('004-14 mealDeliveryVehicleCount: with neither records nor entry names both as missing', () => {
    expect(evaluateDeclared(input('mealDeliveryVehicleCount', {}, []), undefined)).toEqual({
      evaluation: { kind: 'missing', records: ['facilities', 'declaration'] },
      from: null,
    });
  });

  it('002-2 premisesAreaNewResidential has no records source: always the entered figure', () => {
    expect(evaluateDeclared(input('premisesAreaNewResidential', {}, ['facilities', 'designations']), 21).from).toBe(
      'entered',
    );
    expect(evaluateDeclared(input('premisesAreaNewResidential', {}, ['facilities']), undefined).evaluation).toEqual({
      kind: 'missing',
      records: ['declaration'],
    });
  });

  it('004-12 publicBedUtilisation reads public institutions only; 000-3 nursingBedShare all institutions', () => {
    const values = {
      [MEASURE.institutionBeds]: 300,
      [MEASURE.nursingBeds]: 170,
      [MEASURE.occupiedBeds]: 200,
      [MEASURE.publicInstitutionBeds]: 120,
      [MEASURE.publicOccupiedBeds]: 90,
    };
    expect(evaluateFormula({ ...input('publicBedUtilisation', values, ['facilities']), unit: 'basisPoints' })).toEqual({
      kind: 'value',
      value: 7500,
      numerator: 90,
      denominator: 120,
    });
    expect(evaluateFormula({ ...input('nursingBedShare', values, ['facilities']), unit: 'basisPoints' })).toEqual({
      kind: 'value',
      value: 5667,
      numerator: 170,
      denominator: 300,
    });
  });
});
