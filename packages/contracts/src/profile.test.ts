import { describe, expect, expectTypeOf, it } from 'vitest';
import { decideBenefits, decideCaregiverPostAllowance } from '@kangyang/domain/eligibility';
import type { EligibilityPolicy, EligibilityRules, ElderFacts } from '@kangyang/domain/eligibility';
import { isoDate } from '@kangyang/domain/units';
import profile000 from '../../../profiles/000.json' with { type: 'json' };
import profile001 from '../../../profiles/001.json' with { type: 'json' };
import profile002 from '../../../profiles/002.json' with { type: 'json' };
import profile003 from '../../../profiles/003.json' with { type: 'json' };
import profile004 from '../../../profiles/004.json' with { type: 'json' };
import { parseProfile, ruleClausesOf } from './profile.ts';
import type { PolicyProfile } from './profile.ts';

const RAW: Record<string, unknown> = {
  '000': profile000,
  '001': profile001,
  '002': profile002,
  '003': profile003,
  '004': profile004,
};

const range = (plan: string, last: number, prefix = ''): string[] =>
  Array.from({ length: last }, (_, index) => `${plan}-${prefix}${index + 1}`);

/** Every indicator and rule id of seed-plans.md, by plan. */
const EXPECTED: Record<string, { indicators: string[]; rules: string[] }> = {
  '000': { indicators: range('000', 13), rules: range('000', 6, 'r') },
  '001': { indicators: range('001', 21), rules: range('001', 7, 'r') },
  '002': { indicators: range('002', 11), rules: range('002', 4, 'r') },
  '003': { indicators: range('003', 9), rules: range('003', 5, 'r') },
  '004': { indicators: range('004', 16), rules: range('004', 7, 'r') },
};

function load(id: string): PolicyProfile {
  const result = parseProfile(RAW[id]);
  if (!result.ok) throw new Error(`profile ${id}: ${JSON.stringify(result.issues)}`);
  return result.profile;
}

const copyOf = (id: string): Record<string, unknown> => structuredClone(RAW[id]) as Record<string, unknown>;

type Key = string | number;
const REMOVE = Symbol('remove');

/** Sets (or removes) one field of a deep copy of a profile and returns the issue paths. */
function pathsAfter(id: string, path: readonly Key[], value: unknown): string[] {
  const draft: unknown = copyOf(id);
  let holder: unknown = draft;
  for (const key of path.slice(0, -1)) holder = (holder as Record<Key, unknown>)[key];
  const last = path[path.length - 1] ?? '';
  const target = holder as Record<Key, unknown>;
  if (value === REMOVE) Reflect.deleteProperty(target, last);
  else target[last] = value;
  const result = parseProfile(draft);
  return result.ok ? [] : result.issues.map((entry) => entry.path);
}

describe('POL-1 plan profiles 000–004 parse and hold every clause of seed-plans.md', () => {
  for (const id of Object.keys(EXPECTED)) {
    it(`profile ${id} parses and lists every indicator and rule id`, () => {
      const profile = load(id);
      const expected = EXPECTED[id];
      expect(profile.id).toBe(id);
      expect(profile.indicators.map((indicator) => indicator.id)).toEqual(expected?.indicators);
      const ruleIds = ruleClausesOf(profile)
        .map((entry) => entry.clause)
        .filter((clause) => clause.includes('-r'))
        .sort((left, right) => Number(left.split('-r')[1]) - Number(right.split('-r')[1]));
      expect(ruleIds).toEqual(expected?.rules);
    });
  }

  it('binds each plan to its region and starts on the plan start date', () => {
    const regions = Object.keys(RAW).map((id) => {
      const { region, effectiveFrom, period } = load(id);
      return [region.code, region.name, effectiveFrom, period.from, period.to];
    });
    expect(regions).toEqual([
      ['9901', '示范市', '2021-01-01', 2021, 2023],
      ['330102', '上城区', '2020-01-01', 2020, 2022],
      ['3714', '德州市', '2024-01-01', 2024, 2026],
      ['6207', '张掖市', '2023-01-01', 2023, 2025],
      ['330281', '余姚市', '2020-01-01', 2020, 2020],
    ]);
  });

  it('keeps both figures of two-figure indicators as yearly targets (000-2, 000-3, 000-7, 001-4, 001-17)', () => {
    const targets = (id: string, clause: string) =>
      load(id)
        .indicators.find((indicator) => indicator.id === clause)
        ?.targets.map((target) => [target.year, target.op, target.value, target.unit]);
    expect(targets('000', '000-2')).toEqual([
      [2021, '>=', 26, 'perTenThousand'],
      [2023, '>=', 40, 'perTenThousand'],
    ]);
    expect(targets('000', '000-3')).toEqual([
      [2021, '>=', 5400, 'basisPoints'],
      [2023, '>=', 5600, 'basisPoints'],
    ]);
    expect(targets('000', '000-7')).toEqual([
      [2021, '<=', 6500, 'basisPoints'],
      [2022, '<=', 5000, 'basisPoints'],
    ]);
    expect(targets('001', '001-4')).toEqual([
      [2020, '>=', 5100, 'basisPoints'],
      [2022, '>=', 5500, 'basisPoints'],
    ]);
    expect(targets('001', '001-17')).toEqual([
      [2020, '>=', 200, 'count'],
      [2022, '>=', 500, 'count'],
    ]);
    expect(targets('001', '001-10')).toEqual([[2022, '>=', { per: 60 }, 'perN']]);
    expect(targets('004', '004-12')).toEqual([[2020, 'up', 4000, 'basisPoints']]);
  });

  it('reuses one formula id for one meaning across plans (001-19 and 002-11 monthly visit rate)', () => {
    const formulaOf = (id: string, clause: string) =>
      load(id).indicators.find((indicator) => indicator.id === clause)?.formula;
    expect(formulaOf('001', '001-19')).toBe('monthlyVisitRate');
    expect(formulaOf('002', '002-11')).toBe('monthlyVisitRate');
    expect(formulaOf('000', '000-3')).toBe(formulaOf('001', '001-4'));
    expect(formulaOf('000', '000-10')).toBe(formulaOf('001', '001-3'));
    expect(formulaOf('003', '003-4')).toBe(formulaOf('004', '004-10'));
  });

  it('holds the money rules of plan 000 in fen (000-r1, 000-r2, 000-r3)', () => {
    const { rules } = load('000');
    expect(rules.caregiverPostAllowance?.monthlyFenBySkillLevel).toEqual({
      seniorTechnician: 100000,
      technician: 80000,
      senior: 60000,
      intermediate: 50000,
      junior: 40000,
    });
    expect(rules.caregiverPostAllowance?.fundingShares[0]).toEqual({ payer: 'city', basisPoints: 5000 });
    expect(rules.homeCareBedSetupGrant).toMatchObject({
      amountFen: 300000,
      renovatedAmountFen: 200000,
      oncePerElder: true,
    });
    expect(rules.homeCareBedCareSubsidy?.monthlyFen).toBe(60000);
    expect(load('004').rules.responseTarget).toMatchObject({ minutes: 30, emergencyHotline: '96345' });
    expect(load('004').rules.infirmaryRequiredAtBeds?.minBeds).toBe(100);
  });

  it('gives parsed rules the shape the domain eligibility engine takes', () => {
    expectTypeOf<PolicyProfile['rules']>().toExtend<EligibilityRules>();
    expectTypeOf<PolicyProfile>().toExtend<EligibilityPolicy>();
  });
});

describe('POL-1 a broken profile is rejected with the path of the field', () => {
  it('names a non-integer target value (indicators.3.targets.0.value)', () => {
    expect(pathsAfter('000', ['indicators', 3, 'targets', 0, 'value'], 'one')).toContain(
      'indicators.3.targets.0.value',
    );
    expect(pathsAfter('000', ['indicators', 3, 'targets', 0, 'value'], 1.5)).toContain('indicators.3.targets.0.value');
  });

  it('names an indicator id of another plan, a malformed one and a duplicate (indicators.3.id)', () => {
    expect(pathsAfter('000', ['indicators', 3, 'id'], '001-4')).toEqual(['indicators.3.id']);
    expect(pathsAfter('000', ['indicators', 3, 'id'], '000-r4')).toEqual(['indicators.3.id']);
    expect(pathsAfter('000', ['indicators', 4, 'id'], '000-4')).toEqual(['indicators.4.id']);
  });

  it('names unknown formulas, units the formula cannot give and missing formula params', () => {
    expect(pathsAfter('002', ['indicators', 0, 'formula'], 'guess')).toEqual(['indicators.0.formula']);
    expect(pathsAfter('002', ['indicators', 0, 'targets', 0, 'unit'], 'count')).toEqual([
      'indicators.0.targets.0.unit',
    ]);
    expect(pathsAfter('000', ['indicators', 9, 'params', 'minBeds'], REMOVE)).toEqual(['indicators.9.params.minBeds']);
  });

  it('names target years outside the period, perN values that are not { per } and a between without max', () => {
    expect(pathsAfter('004', ['indicators', 0, 'targets', 0, 'year'], 2021)).toEqual(['indicators.0.targets.0.year']);
    expect(pathsAfter('001', ['indicators', 9, 'targets', 0, 'value'], 60)).toEqual(['indicators.9.targets.0.value']);
    expect(pathsAfter('001', ['indicators', 1, 'targets', 0, 'max'], REMOVE)).toEqual(['indicators.1.targets.0.max']);
  });

  it('names departments outside the Dept union and a missing lead', () => {
    expect(pathsAfter('003', ['indicators', 0, 'coopDepts'], ['education'])).toEqual(['indicators.0.coopDepts.0']);
    expect(pathsAfter('003', ['indicators', 2, 'leadDept'], REMOVE)).toEqual(['indicators.2.leadDept']);
  });

  it('names misspelled keys at the object that holds them', () => {
    const draft = copyOf('002') as { indicators: Record<string, unknown>[] };
    const first = draft.indicators[0];
    if (first !== undefined) first.sorce = 'computed';
    const result = parseProfile(draft);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues).toContainEqual({ path: 'indicators.0', message: expect.stringContaining('sorce') });
  });

  it('names funding shares that do not sum to 100 % (000-r1)', () => {
    const paths = pathsAfter('000', ['rules', 'caregiverPostAllowance', 'fundingShares', 1, 'basisPoints'], 4000);
    expect(paths).toEqual(['rules.caregiverPostAllowance.fundingShares']);
  });

  it('names rule clauses of another plan, duplicated rules and parameters of unknown indicators', () => {
    expect(pathsAfter('000', ['rules', 'homeCareBedSetupGrant', 'clause'], '001-r2')).toEqual([
      'rules.homeCareBedSetupGrant.clause',
    ]);
    expect(pathsAfter('003', ['rules', 'descriptive', 1, 'clause'], '003-r1')).toEqual(['rules.descriptive.1.clause']);
    expect(pathsAfter('001', ['rules', 'serviceCircle', 'clause'], '001-99')).toEqual(['rules.serviceCircle.clause']);
  });

  it('names a benefit without its rule and a formula without the rule it reads', () => {
    expect(pathsAfter('004', ['rules', 'freeBasicHomeCare'], REMOVE)).toEqual(['benefits.0']);
    expect(pathsAfter('001', ['rules', 'serviceCircle'], REMOVE)).toEqual(['indicators.15.formula']);
  });

  it('names region ancestors that are not prefixes, and rejects non-JSON input', () => {
    expect(pathsAfter('001', ['region', 'ancestors', 1, 'code'], '3302')).toEqual(['region.ancestors.1.code']);
    const result = parseProfile('not a profile');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.path).toBe('');
  });
});

describe('POL-4 profiles drive the eligibility engine', () => {
  const today = isoDate('2022-06-15');
  const elder = (overrides: Partial<ElderFacts>): ElderFacts => ({
    birthDate: isoDate('1940-01-01'),
    sex: 'female',
    hukouRegionCode: '330102001001',
    residenceRegionCode: '330102001002',
    livingSituation: 'alone',
    categories: [],
    status: 'active',
    assessment: {
      instrument: 'gbt42195-2022',
      finalLevelOrdinal: 1,
      dementia: false,
      validUntil: isoDate('2022-12-31'),
    },
    hasActiveHomeCareBed: false,
    ...overrides,
  });

  it('001-r1 from profile 001: 82-year-old mild local elder qualifies, a Yuyao hukou does not', () => {
    const profile = load('001');
    const context = {
      regionCode: profile.region.code,
      today,
      expiredGraceDays: profile.assessment?.expiredGraceDays ?? 30,
    };
    const [local] = decideBenefits(elder({}), profile, context);
    expect(local).toMatchObject({ programme: 'homeCareBed', eligible: true });
    const [outsider] = decideBenefits(elder({ hukouRegionCode: '330281' }), profile, context);
    expect(outsider?.reasons).toEqual([
      { clause: '001-r1', code: 'NOT_LOCAL_HUKOU', params: { hukouRegionCode: '330281', regionCode: '330102' } },
    ]);
  });

  it('004-r2 from profile 004: an 80-year-old Yuyao resident at home gets free basic home care', () => {
    const profile = load('004');
    const context = { regionCode: profile.region.code, today, expiredGraceDays: 30 };
    const facts = elder({ hukouRegionCode: '330281100', residenceRegionCode: '330281100200', assessment: null });
    expect(decideBenefits(facts, profile, context)).toMatchObject([{ programme: 'freeBasicHomeCare', eligible: true }]);
  });

  it('000-r1 from profile 000: a technician gets 800 yuan, split 400 city / 400 county', () => {
    const rule = load('000').rules.caregiverPostAllowance;
    if (rule === undefined) throw new Error('000-r1 missing');
    const caregiver = {
      role: 'caregiver' as const,
      certifiedSkillLevel: 'technician' as const,
      worksInInstitution: true,
      workplaceRegionCode: '990101',
      attendanceDays: 22,
    };
    const decision = decideCaregiverPostAllowance(caregiver, rule, '9901');
    expect(decision.amount).toEqual({ fen: 80000, cadence: 'monthly' });
    expect(decision.split).toEqual([
      { payer: 'city', fen: 40000 },
      { payer: 'county', fen: 40000 },
    ]);
  });
});
