import { describe, expect, it } from 'vitest';
import { bedFiguresProblem, designationFitsRegion, designationFitsSite, designationInForce } from './facilities.ts';

describe('facility designations and bed figures (issue 7, BED-1)', () => {
  it('000-4: a smart care home is an institution, not a canteen', () => {
    expect(designationFitsSite('smartCareHome', 'institution')).toBe(true);
    expect(designationFitsSite('smartCareHome', 'canteen')).toBe(false);
  });

  it('001-15: an upgraded centre is a care centre; 001-7 community designations do not fit sites', () => {
    expect(designationFitsSite('centreUpgraded', 'communityCentre')).toBe(true);
    expect(designationFitsSite('centreUpgraded', 'institution')).toBe(false);
    expect(designationFitsSite('dementiaFriendlyCommunity', 'communityCentre')).toBe(false);
  });

  it('001-7, 002-5: community designations fit 12-digit community codes only', () => {
    expect(designationFitsRegion('dementiaFriendlyCommunity', '330102002001')).toBe(true);
    expect(designationFitsRegion('modelElderFriendlyCommunity', '330102002')).toBe(false);
    expect(designationFitsRegion('smartCareHome', '330102002001')).toBe(false);
  });

  it('names the first bed figure above the total, or a part without a total', () => {
    expect(bedFiguresProblem({ bedsTotal: 100, nursingBeds: 60, occupiedBeds: 80 })).toBeUndefined();
    expect(bedFiguresProblem({ bedsTotal: 100, nursingBeds: 101, occupiedBeds: 80 })).toBe('nursingBeds');
    expect(bedFiguresProblem({ bedsTotal: 100, nursingBeds: null, occupiedBeds: 120 })).toBe('occupiedBeds');
    expect(bedFiguresProblem({ bedsTotal: null, nursingBeds: 5, occupiedBeds: null })).toBe('bedsTotal');
    expect(bedFiguresProblem({ bedsTotal: null, nursingBeds: null, occupiedBeds: null })).toBeUndefined();
  });

  it('a designation is in force from its date until the day it is revoked', () => {
    const granted = { designatedOn: '2026-03-01', revokedOn: null };
    expect(designationInForce(granted, '2026-02-28')).toBe(false);
    expect(designationInForce(granted, '2026-03-01')).toBe(true);
    expect(designationInForce({ ...granted, revokedOn: '2026-06-01' }, '2026-05-31')).toBe(true);
    expect(designationInForce({ ...granted, revokedOn: '2026-06-01' }, '2026-06-01')).toBe(false);
  });
});
