import { describe, expect, it } from 'vitest';
import { maxTotal, reachableTotals } from './domain-totals.ts';
import { INSTRUMENTS, instrumentOf, instrumentRevisionOf } from './instruments.ts';
import { levelLabel, levelOf, levelOrdinal, levelsOf } from './levels.ts';
import { MZT039_2013 } from './mzt039-2013.ts';
import { itemsOf } from './request.ts';
import { DEFAULT_ASSESSMENT_SETTINGS, validUntil, withAssessmentDefaults } from './settings.ts';
import { isoDate } from '../units/index.ts';

const maxima = (code: keyof typeof INSTRUMENTS) =>
  Object.fromEntries(INSTRUMENTS[code].domains.map((domain) => [domain.code, maxTotal(domain)]));

describe('assessment §2–§7 instrument data', () => {
  it('GB/T 42195-2022 has 26 items in 4 domains with maxima 32/15/28/15 = 90 (§4)', () => {
    expect(itemsOf(INSTRUMENTS['gbt42195-2022'])).toHaveLength(26);
    expect(maxima('gbt42195-2022')).toEqual({ selfCare: 32, mobility: 15, mental: 28, perceptionSocial: 15 });
  });

  it('item codes are <domain>.<item> and option points are distinct integers', () => {
    for (const definition of Object.values(INSTRUMENTS)) {
      for (const domain of definition.domains) {
        for (const item of domain.items) {
          expect(item.code.startsWith(`${domain.code}.`)).toBe(true);
          const points = item.options.map((option) => option.points);
          expect(new Set(points).size).toBe(points.length);
          expect(points.every(Number.isInteger)).toBe(true);
          expect(item.name.zh.length > 0 && item.name.en.length > 0).toBe(true);
        }
      }
    }
  });

  it('Barthel: 10 items, total 0–100 in steps of 5 (§5); LTC domains 100/16/12 (§7); MZ/T social 0–20', () => {
    expect(itemsOf(INSTRUMENTS.barthel).map((item) => item.code)).toEqual([
      'adl.eating',
      'adl.bathing',
      'adl.grooming',
      'adl.dressing',
      'adl.bowel',
      'adl.bladder',
      'adl.toilet',
      'adl.transfer',
      'adl.walking',
      'adl.stairs',
    ]);
    const [adl] = INSTRUMENTS.barthel.domains;
    expect(adl && reachableTotals(adl)).toEqual(Array.from({ length: 21 }, (_, index) => index * 5));
    expect(maxima('ltci-2021')).toEqual({ adl: 100, cognition: 16, perceptionComm: 12 });
    expect(maxima('mzt039-2013')).toEqual({ adl: 100, mental: 6, perception: 14, social: 20 });
    expect(itemsOf(INSTRUMENTS['ltci-2021'])).toHaveLength(17);
  });

  it('MZ/T 039 items where higher points mean worse are marked so', () => {
    const worse = itemsOf(MZT039_2013).filter((item) => !item.higherIsBetter);
    expect(worse.map((item) => item.code.split('.')[0])).toEqual([
      ...Array(3).fill('mental'),
      ...Array(4).fill('perception'),
      ...Array(5).fill('social'),
    ]);
  });

  it('looks instruments up by code and by revision; unknown codes give undefined', () => {
    expect(instrumentOf('barthel')?.revision).toBe('barthel/r1');
    expect(instrumentOf('toString')).toBeUndefined();
    expect(instrumentRevisionOf('gbt42195-2022/r1')?.code).toBe('gbt42195-2022');
    expect(instrumentRevisionOf('gbt42195-2022/r9')).toBeUndefined();
  });
});

describe('assessment levels helper', () => {
  it('gives ordinals and labels by instrument (levels are never converted between instruments)', () => {
    expect(levelsOf('gbt42195-2022').map((level) => `${level.ordinal}:${level.code}`)).toEqual([
      '0:intact',
      '1:mild',
      '2:moderate',
      '3:severe',
      '4:complete',
    ]);
    expect(levelOrdinal('ltci-2021', 'severe2')).toBe(4);
    expect(levelOrdinal('mzt039-2013', 'unclassified')).toBeNull();
    expect(levelOrdinal('barthel', 'complete')).toBeUndefined();
    expect(levelOrdinal('barthel', 'complete', 'five-band')).toBe(4);
    expect(levelLabel('gbt42195-2022', 'moderate', 'zh-CN')).toBe('能力中度受损（中度失能）');
    expect(levelLabel('ltci-2021', 'severe1', 'zh-CN')).toBe('重度失能Ⅰ级');
    expect(levelLabel('barthel', 'independent', 'en-US')).toBe('independent');
    expect(levelOf('gbt42195-2022', 'normal')).toBeUndefined();
  });
});

describe('assessment §8 settings and §9 validity', () => {
  it('has the platform defaults', () => {
    expect(DEFAULT_ASSESSMENT_SETTINGS).toMatchObject({
      defaultInstrument: 'gbt42195-2022',
      validityMonths: 12,
      dueSoonDays: 60,
      immediateTaskDueDays: 15,
      expiredGraceDays: 30,
      changeRuleStacking: 'once',
      riskEventCounting: 'sum',
      barthelBandScheme: 'wst431-2013',
      ltci: 'ltci-2021-p1',
      minAgencyAssessors: 5,
    });
    expect(withAssessmentDefaults({ validityMonths: 6, riskEventCounting: undefined })).toEqual({
      ...DEFAULT_ASSESSMENT_SETTINGS,
      validityMonths: 6,
    });
  });

  it('validUntil adds validityMonths with month ends clamped (31 Jan + 1 month = end of Feb)', () => {
    expect(validUntil(isoDate('2024-01-31'), 1)).toBe('2024-02-29');
    expect(validUntil(isoDate('2025-01-31'), 1)).toBe('2025-02-28');
    expect(validUntil(isoDate('2025-03-15'), 12)).toBe('2026-03-15');
    expect(() => validUntil(isoDate('2025-03-15'), 0)).toThrow(RangeError);
  });
});
