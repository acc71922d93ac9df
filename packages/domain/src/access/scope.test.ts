import { describe, expect, it } from 'vitest';
import { breaksSeparationOfDuties, regionScopesFor } from './index.ts';

describe('access: scopes (AZ-1) and separation of duties (MLP-7)', () => {
  it('folds nested region grants into the widest and keeps only grants with the permission', () => {
    const scopes = regionScopesFor(
      [
        { role: 'streetOfficer', regionCode: '330102001', organisationId: null },
        { role: 'civilAffairsAdmin', regionCode: '330102', organisationId: null },
        { role: 'streetOfficer', regionCode: '371402001', organisationId: null },
        { role: 'auditor', regionCode: '99', organisationId: null },
      ],
      'elder:read',
    );
    expect(scopes).toEqual(['330102', '371402001']);
  });
  it('refuses two administration roles, or one with a business role', () => {
    expect(breaksSeparationOfDuties(['sysAdmin', 'auditor'])).toBe(true);
    expect(breaksSeparationOfDuties(['auditor', 'streetOfficer'])).toBe(true);
    expect(breaksSeparationOfDuties(['auditor'])).toBe(false);
    expect(breaksSeparationOfDuties(['streetOfficer', 'communityWorker'])).toBe(false);
  });
});
