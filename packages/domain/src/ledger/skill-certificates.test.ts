import { describe, expect, it } from 'vitest';
import { isoDate } from '../units/index.ts';
import { certifiedSkillLevel } from './skill-certificates.ts';

const junior = { skillLevel: 'junior' as const, issuedOn: isoDate('2020-01-01'), expiresOn: null };
const senior = { skillLevel: 'senior' as const, issuedOn: isoDate('2024-06-01'), expiresOn: isoDate('2026-02-10') };

describe('WRK-2 certified is derived from valid certificates (000-2, 000-r1)', () => {
  it('takes the highest level valid on the day', () => {
    expect(certifiedSkillLevel([junior, senior], isoDate('2025-01-01'))).toBe('senior');
    expect(certifiedSkillLevel([junior, senior], isoDate('2026-02-11'))).toBe('junior');
    expect(certifiedSkillLevel([senior], isoDate('2024-05-31'))).toBeNull();
    expect(certifiedSkillLevel([], isoDate('2025-01-01'))).toBeNull();
  });

  it('counts a certificate valid on any day of a month for that month', () => {
    expect(certifiedSkillLevel([senior], isoDate('2026-02-01'), isoDate('2026-02-28'))).toBe('senior');
    expect(certifiedSkillLevel([senior], isoDate('2026-03-01'), isoDate('2026-03-31'))).toBeNull();
  });
});
