import { describe, expect, it } from 'vitest';
import { isoDate } from '../units/index.ts';
import { checkAgencyStaffing, checkAssessorPair, checkSubmission, pickAssessorPair } from './assignment.ts';

const today = isoDate('2026-11-02');
const assessor = (
  id: string,
  overrides: Partial<{ agencyId: string; qualifiedUntil: string | null; active: boolean }> = {},
) => ({
  id,
  agencyId: overrides.agencyId ?? 'agency',
  userId: `user-${id}`,
  active: overrides.active ?? true,
  qualifiedUntil:
    overrides.qualifiedUntil === undefined
      ? isoDate('2027-06-30')
      : overrides.qualifiedUntil === null
        ? null
        : isoDate(overrides.qualifiedUntil),
});

describe('agencies and assessors (ASM-2, ASM-3, assessment.md §8 minAgencyAssessors, §9)', () => {
  it('an agency needs minAgencyAssessors qualified assessors', () => {
    const staff = ['1', '2', '3', '4'].map((id) => assessor(id));
    expect(checkAgencyStaffing(staff, 5, today)).toMatchObject({
      ok: false,
      error: { code: 'ASSESSMENT_AGENCY_UNDERSTAFFED' },
    });
    expect(checkAgencyStaffing([...staff, assessor('5')], 5, today)).toEqual({ ok: true, value: 5 });
    const lapsed = [...staff, assessor('5', { qualifiedUntil: '2026-11-01' })];
    expect(checkAgencyStaffing(lapsed, 5, today).ok).toBe(false);
  });

  it('two distinct qualified assessors of the agency', () => {
    const problem = (pair: ReturnType<typeof assessor>[], excluded: string[] = []) => {
      const checked = checkAssessorPair('agency', pair, today, excluded);
      return checked.ok ? 'ok' : checked.error.problem;
    };
    expect(problem([assessor('1')])).toBe('count');
    expect(problem([assessor('1'), assessor('1')])).toBe('same');
    expect(problem([assessor('1'), assessor('2', { agencyId: 'other' })])).toBe('otherAgency');
    expect(problem([assessor('1'), assessor('2', { qualifiedUntil: '2026-11-01' })])).toBe('notQualified');
    expect(problem([assessor('1'), assessor('2', { active: false })])).toBe('notQualified');
    expect(problem([assessor('1'), assessor('2')], ['2'])).toBe('disputed');
    expect(problem([assessor('1'), assessor('2')])).toBe('ok');
  });

  it('submission needs both signatures on the current content', () => {
    const pair = [assessor('1'), assessor('2')];
    const signature = (id: string, hash: string) => ({
      assessorId: id,
      userId: `user-${id}`,
      name: id,
      signedAt: 't',
      hash,
    });
    const base = { agencyId: 'agency', assessors: pair, hash: 'h', today };
    expect(checkSubmission({ ...base, signatures: [signature('1', 'h')] })).toMatchObject({
      ok: false,
      error: { code: 'ASSESSMENT_SIGNATURES_MISSING' },
    });
    expect(checkSubmission({ ...base, signatures: [signature('1', 'h'), signature('2', 'old')] }).ok).toBe(false);
    expect(checkSubmission({ ...base, signatures: [signature('1', 'h'), signature('2', 'h')] })).toEqual({
      ok: true,
      value: true,
    });
  });

  it('picks the two least loaded qualified assessors, leaving out a dispute’s assessors', () => {
    const loads = [
      { assessor: assessor('1'), openTasks: 3 },
      { assessor: assessor('2'), openTasks: 0 },
      { assessor: assessor('3'), openTasks: 1 },
      { assessor: assessor('4', { qualifiedUntil: null }), openTasks: 0 },
      { assessor: assessor('5'), openTasks: 1 },
    ];
    expect(pickAssessorPair(loads, today)?.map((entry) => entry.id)).toEqual(['2', '3']);
    expect(pickAssessorPair(loads, today, ['2', '3'])?.map((entry) => entry.id)).toEqual(['5', '1']);
    expect(pickAssessorPair(loads, today, ['1', '2', '3'])).toBeUndefined();
  });
});
