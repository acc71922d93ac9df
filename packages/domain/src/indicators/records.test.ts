import { describe, expect, it } from 'vitest';
import { maskPersonName, recordScopes, recordsOf, siteKindOf } from './records.ts';

describe('KPI-3 record descriptors', () => {
  it('declares elder rows for home care beds and uncovered elders only as the uncounted set', () => {
    expect(recordsOf('homeCareBedCount')).toMatchObject({ kind: 'elder', sets: ['counted'], permission: 'elder:read' });
    expect(recordsOf('serviceCircleCoverage')).toMatchObject({ kind: 'elder', sets: ['uncounted'] });
    expect(recordsOf('streetCentreCoverage')?.sets).toEqual(['counted', 'uncounted']);
    expect(recordsOf('consortiumCount')).toBeUndefined();
    expect(siteKindOf('regionalCentreCoverage')).toBe('regionalCentre');
  });

  it('lets region-wide holders of the permission list personal rows; organisation grants see totals', () => {
    const beds = recordsOf('homeCareBedCount');
    const caregivers = recordsOf('certifiedCaregiversPer10k');
    const canteens = recordsOf('canteenCount');
    if (!beds || !caregivers || !canteens) throw new Error('descriptor missing');
    const street = [{ role: 'streetOfficer' as const, regionCode: '330102002', organisationId: null }];
    const institution = [{ role: 'institutionManager' as const, regionCode: '330102', organisationId: 'org-1' }];
    expect(recordScopes(street, beds)).toEqual(['330102002']);
    expect(recordScopes(street, caregivers)).toEqual([]);
    expect(recordScopes(institution, caregivers)).toEqual([]);
    expect(recordScopes(institution, canteens)).toEqual(['330102']);
    const nested = [...street, { role: 'civilAffairsAdmin' as const, regionCode: '330102', organisationId: null }];
    expect(recordScopes(nested, beds)).toEqual(['330102']);
  });

  it('masks a name to its family name and at most three stars', () => {
    expect(maskPersonName('张三')).toBe('张*');
    expect(maskPersonName('欧阳娜娜娜')).toBe('欧***');
    expect(maskPersonName('李')).toBe('*');
  });
});
