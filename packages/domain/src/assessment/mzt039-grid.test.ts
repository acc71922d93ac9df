import { describe, expect, it } from 'vitest';
import { mztBaseLevel } from './mzt039-grid.ts';

const grades = (adl: number, mental: number, perception: number, social: number) => ({
  adl,
  mental,
  perception,
  social,
});

describe('assessment §6 MZ/T 039-2013 level grid', () => {
  it.each([
    [grades(3, 0, 0, 0), 'severe'],
    [grades(2, 2, 2, 2), 'severe'],
    [grades(2, 0, 0, 3), 'severe'],
    [grades(1, 2, 2, 2), 'moderate'],
    [grades(1, 0, 3, 0), 'moderate'],
    [grades(2, 1, 0, 0), 'moderate'],
    [grades(2, 1, 2, 0), 'moderate'],
    [grades(0, 1, 0, 0), 'mild'],
    [grades(0, 0, 0, 2), 'mild'],
    [grades(0, 3, 3, 3), 'mild'],
    [grades(1, 2, 1, 1), 'mild'],
    [grades(0, 0, 0, 1), 'intact'],
    [grades(0, 0, 0, 0), 'intact'],
  ] as const)('%o is %s', (input, level) => {
    expect(mztBaseLevel(input)).toBe(level);
  });

  it.each([
    ['A = 0 with social 3 and the others 0', grades(0, 0, 0, 3)],
    ['A = 2 with O = (0, 0, 0)', grades(2, 0, 0, 0)],
    ['A = 2 with all of O in {1, 2} but not all 2', grades(2, 1, 2, 2)],
    ['A = 2 with O = (1, 1, 1)', grades(2, 1, 1, 1)],
  ])('the gap %s is unclassified', (_what, input) => {
    expect(mztBaseLevel(input)).toBe('unclassified');
  });

  it('every grade combination outside the three gaps is classified', () => {
    const range = [0, 1, 2, 3];
    const all = range.flatMap((adl) =>
      range.flatMap((mental) =>
        range.flatMap((perception) => range.map((social) => grades(adl, mental, perception, social))),
      ),
    );
    const gaps = all
      .filter((input) => mztBaseLevel(input) === 'unclassified')
      .map((input) => `${input.adl}${input.mental}${input.perception}${input.social}`);
    // 0003; 2000; and the 7 combinations of {1,2}^3 other than 222.
    expect(gaps.sort()).toEqual(['0003', '2000', '2111', '2112', '2121', '2122', '2211', '2212', '2221']);
  });
});
