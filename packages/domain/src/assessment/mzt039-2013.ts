import { BARTHEL_ADL } from './barthel.ts';
import { MZT039_MENTAL, MZT039_PERCEPTION, MZT039_SOCIAL } from './mzt039-items.ts';
import { label } from './option-sets.ts';
import type { GridInstrument } from './types.ts';

/**
 * MZ/T 039-2013 老年人能力评估 (assessment.md §6): superseded, for legacy results and migration only.
 * Domain grades 0–3; the level grid has gaps that give `unclassified` (see mzt039-grid.ts).
 */
export const MZT039_2013: GridInstrument = {
  kind: 'grid',
  code: 'mzt039-2013',
  revision: 'mzt039-2013/r1',
  name: label('MZ/T 039-2013 老年人能力评估', 'MZ/T 039-2013 Elderly capability assessment (superseded)'),
  status: 'confirmed',
  legacy: true,
  domains: [BARTHEL_ADL, MZT039_MENTAL, MZT039_PERCEPTION, MZT039_SOCIAL],
  levels: [
    { code: 'intact', ordinal: 0, name: label('能力完好', 'intact') },
    { code: 'mild', ordinal: 1, name: label('轻度失能', 'mildly disabled') },
    { code: 'moderate', ordinal: 2, name: label('中度失能', 'moderately disabled') },
    { code: 'severe', ordinal: 3, name: label('重度失能', 'severely disabled') },
    { code: 'unclassified', ordinal: null, name: label('无法归类', 'unclassified') },
  ],
  grading: [
    {
      domain: 'adl',
      by: 'sum',
      bands: [
        { min: 100, max: 100, value: 0 },
        { min: 65, max: 95, value: 1 },
        { min: 45, max: 60, value: 2 },
        { min: 0, max: 40, value: 3 },
      ],
    },
    {
      domain: 'mental',
      by: 'sum',
      bands: [
        { min: 0, max: 0, value: 0 },
        { min: 1, max: 1, value: 1 },
        { min: 2, max: 3, value: 2 },
        { min: 4, max: 6, value: 3 },
      ],
    },
    {
      domain: 'perception',
      by: 'rules',
      rules: [
        {
          grade: 3,
          anyOf: [
            { item: 'perception.consciousness', atLeast: 2 },
            { item: 'perception.vision', equals: 4 },
            { item: 'perception.hearing', equals: 4 },
            { item: 'perception.communication', equals: 3 },
          ],
        },
        {
          grade: 2,
          anyOf: [
            { item: 'perception.consciousness', equals: 1 },
            { item: 'perception.vision', equals: 3 },
            { item: 'perception.hearing', equals: 3 },
            { item: 'perception.communication', equals: 2 },
          ],
        },
        {
          grade: 1,
          anyOf: [
            { item: 'perception.vision', equals: 2 },
            { item: 'perception.hearing', equals: 2 },
            { item: 'perception.communication', equals: 1 },
          ],
        },
      ],
      otherwise: 0,
    },
    {
      domain: 'social',
      by: 'sum',
      bands: [
        { min: 0, max: 2, value: 0 },
        { min: 3, max: 7, value: 1 },
        { min: 8, max: 13, value: 2 },
        { min: 14, max: 20, value: 3 },
      ],
    },
  ],
  summedDomains: ['adl', 'mental', 'social'],
  changeRules: {
    coma: { item: 'perception.consciousness', points: 3, answerImpliesComa: true, level: 'severe' },
    raise: ['mentalDiagnosis', 'riskEvents'],
  },
};
