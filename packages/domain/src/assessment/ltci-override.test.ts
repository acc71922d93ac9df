import { describe, expect, it } from 'vitest';
import { BARTHEL } from './barthel.ts';
import { GBT42195_2022 } from './gbt42195-2022.ts';
import { LTCI_2021, LTCI_2021_P1, LTCI_2021_P2 } from './ltci-2021.ts';
import { validateLtciOverride } from './ltci-override.ts';
import type { LtciOverrideInput } from './ltci-override.ts';
import { itemsOf } from './request.ts';
import { score } from './score.ts';
import { DEFAULT_ASSESSMENT_SETTINGS } from './settings.ts';

const copy = (input: LtciOverrideInput): LtciOverrideInput => structuredClone(input) as LtciOverrideInput;
const p1 = (): LtciOverrideInput => copy({ ...LTCI_2021_P1, id: 'zj-2024' });
const codesOf = (input: LtciOverrideInput) => {
  const result = validateLtciOverride(input);
  return result.ok ? [] : result.error.map((issue) => `${issue.code} ${issue.path}`);
};

describe('assessment §7 LTC 2021 region override checks', () => {
  it('both presets pass without warnings', () => {
    for (const preset of [LTCI_2021_P1, LTCI_2021_P2]) {
      expect(validateLtciOverride(preset)).toEqual({ ok: true, value: { configuration: preset, warnings: [] } });
    }
  });

  it('ADL bands need cover only the reachable totals (multiples of 5)', () => {
    const input = p1();
    expect(codesOf(input)).toEqual([]);
  });

  it('reports a gap in a domain range', () => {
    const input = {
      ...p1(),
      bands: {
        ...p1().bands,
        cognition: [
          { grade: 'intact', min: 16, max: 16 },
          { grade: 'mild', min: 4, max: 14 },
          { grade: 'severe', min: 0, max: 3 },
        ],
      },
    };
    const result = validateLtciOverride(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toEqual([
      { code: 'LTCI_BAND_GAP', path: 'bands.cognition', detail: 'no band holds 15' },
    ]);
  });

  it('reports overlapping bands', () => {
    const input = {
      ...p1(),
      bands: {
        ...p1().bands,
        perceptionComm: [
          { grade: 'intact', min: 11, max: 12 },
          { grade: 'mild', min: 4, max: 11 },
          { grade: 'severe', min: 0, max: 3 },
        ],
      },
    };
    expect(codesOf(input)).toEqual(['LTCI_BAND_OVERLAP bands.perceptionComm']);
  });

  it('reports bands outside the range, with an unknown grade, or reversed, and missing or unknown domains', () => {
    const { cognition: _dropped, ...bands } = p1().bands;
    const input = {
      ...p1(),
      bands: {
        ...bands,
        adl: [
          { grade: 'intact', min: 100, max: 105 },
          { grade: 'great', min: 65, max: 99 },
          { grade: 'severe', min: 60, max: 0 },
        ],
        mood: [],
      },
    };
    expect(codesOf(input)).toEqual([
      'LTCI_DOMAIN_UNKNOWN bands.mood',
      'LTCI_BAND_INVALID bands.adl.0',
      'LTCI_BAND_INVALID bands.adl.1',
      'LTCI_BAND_INVALID bands.adl.2',
      'LTCI_BAND_GAP bands.adl',
      'LTCI_BANDS_MISSING bands.cognition',
    ]);
  });

  it('needs all 16 matrix cells to hold level codes', () => {
    const input = copy(p1());
    const matrix = structuredClone(input.matrix) as Record<string, Record<string, string>>;
    matrix['mild'] = { intact: 'mild', mild: 'mild', moderate: 'light' };
    matrix['worst'] = { intact: 'severe3' };
    expect(codesOf({ ...input, matrix })).toEqual([
      'LTCI_MATRIX_CELL_INVALID matrix.worst',
      'LTCI_MATRIX_CELL_INVALID matrix.mild.moderate',
      'LTCI_MATRIX_CELL_INVALID matrix.mild.severe',
    ]);
  });

  it('a non-monotone matrix is a warning, not an error, and scoring uses the override', () => {
    const input = copy(p1());
    const matrix = structuredClone(input.matrix) as Record<string, Record<string, string>>;
    matrix['severe'] = { intact: 'severe1', mild: 'moderate', moderate: 'severe2', severe: 'severe3' };
    const result = validateLtciOverride({ ...input, matrix });
    if (!result.ok) throw new Error('expected ok');
    expect(result.value.warnings).toEqual([
      { code: 'LTCI_MATRIX_NOT_MONOTONE', path: 'matrix.severe.mild', detail: 'moderate' },
    ]);
    const answers = Object.fromEntries(itemsOf(LTCI_2021).map((item) => [item.code, item.options.at(-1)?.points]));
    const cognitionMild = {
      ...answers,
      'cognition.timeOrientation': 4,
      'cognition.personOrientation': 4,
      'cognition.memory': 4,
    };
    const perceptionMild = {
      ...cognitionMild,
      'perceptionComm.vision': 4,
      'perceptionComm.hearing': 4,
      'perceptionComm.communication': 3,
    };
    const scored = score(LTCI_2021, perceptionMild, undefined, {
      ...DEFAULT_ASSESSMENT_SETTINGS,
      ltci: result.value.configuration,
    });
    expect(scored.ok && scored.value).toMatchObject({
      domainGrades: { adl: 'severe', cognition: 'mild', perceptionComm: 'mild' },
      finalLevel: 'moderate',
      scheme: 'zj-2024',
      provisional: true,
    });
  });

  it('the band data of the other instruments covers every reachable total exactly once', () => {
    for (const scheme of [...BARTHEL.bandSchemes, ...GBT42195_2022.bandSchemes]) {
      for (let total = 0; total <= Math.max(...scheme.bands.map((band) => band.max)); total += 1) {
        expect(scheme.bands.filter((band) => band.min <= total && total <= band.max)).toHaveLength(1);
      }
    }
  });
});
