import { describe, expect, it } from 'vitest';
import { evaluateEntered, evaluateFormula, perNOf, shareOf } from './formulas.ts';
import { MEASURE } from './measures.ts';
import type { RecordSource } from './sources.ts';
import { missingSourceText } from './sources.ts';

const ALL: ReadonlySet<RecordSource> = new Set([
  'elders',
  'entitlements',
  'workers',
  'certificates',
  'attendance',
  'welfareVisits',
]);
const reader = (values: Record<string, number>) => (measure: string) => values[measure] ?? 0;
const run = (formula: string, values: Record<string, number>, params = {}, available = ALL) =>
  evaluateFormula({ formula, params, unit: 'basisPoints', measures: reader(values), available });

describe('indicator formulas (KPI-1)', () => {
  it('rounds shares half up in basis points and "1 per N" to the nearest N', () => {
    expect(shareOf(1, 3)).toBe(3333);
    expect(shareOf(2, 3)).toBe(6667);
    expect(shareOf(1, 0)).toBeUndefined();
    expect(perNOf(3, 1000)).toBe(333);
    expect(perNOf(0, 1000)).toBeUndefined();
  });

  it('computes elder-care officer coverage over streets and communities', () => {
    const values = { [MEASURE.streetsAndCommunities]: 8, [MEASURE.streetsAndCommunitiesWithOfficers(1)]: 6 };
    expect(run('elderCareOfficerCoverage', values, { minOfficers: 1 })).toEqual({
      kind: 'value',
      value: 7500,
      numerator: 6,
      denominator: 8,
    });
  });

  it('computes certified social workers per elders as 1 per N', () => {
    const values = { [MEASURE.elders]: 1234, [MEASURE.certifiedSocialWorkers]: 4 };
    expect(run('certifiedSocialWorkersPerElders', values)).toEqual({
      kind: 'value',
      value: 309,
      numerator: 4,
      denominator: 1234,
    });
    expect(run('certifiedSocialWorkersPerElders', { [MEASURE.elders]: 10 })).toEqual({
      kind: 'missing',
      records: ['certificates'],
    });
  });

  it('counts home care beds and trained staff', () => {
    expect(run('homeCareBedCount', { [MEASURE.homeCareBedsCumulative]: 42 })).toMatchObject({ value: 42 });
    expect(run('careStaffTrainedCount', { [MEASURE.careStaffTrainedInYear]: 7 })).toMatchObject({ value: 7 });
  });

  it('computes the monthly visit rate from visit targets', () => {
    const values = { [MEASURE.visitTargets]: 40, [MEASURE.visitTargetsVisited]: 30 };
    expect(run('monthlyVisitRate', values)).toEqual({ kind: 'value', value: 7500, numerator: 30, denominator: 40 });
  });

  it('names the missing records instead of showing zero (KPI-10)', () => {
    expect(run('nursingBedShare', {})).toEqual({ kind: 'missing', records: ['facilities'] });
    expect(run('consortiumCount', {})).toEqual({ kind: 'missing', records: ['consortia'] });
    expect(run('monthlyVisitRate', {}, {}, new Set(['elders']))).toEqual({
      kind: 'missing',
      records: ['welfareVisits'],
    });
    expect(evaluateEntered('reported', undefined)).toEqual({ kind: 'missing', records: ['reportedValue'] });
    expect(missingSourceText(['facilities']).en).toContain('facility records');
  });
});
