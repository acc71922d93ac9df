import { GBT42195_DOMAINS } from './gbt42195-items.ts';
import { label } from './option-sets.ts';
import type { TotalInstrument } from './types.ts';

/**
 * GB/T 42195-2022 老年人能力评估规范 (assessment.md §4): items, points, cut-offs and each change
 * rule CONFIRMED; how the rules combine is PROVISIONAL and set per region (§4.6, §8).
 */
export const GBT42195_2022: TotalInstrument = {
  kind: 'total',
  code: 'gbt42195-2022',
  revision: 'gbt42195-2022/r1',
  name: label('GB/T 42195-2022 老年人能力评估规范', 'GB/T 42195-2022 Elderly capability assessment'),
  status: 'confirmed',
  legacy: false,
  domains: GBT42195_DOMAINS,
  bandSchemes: [
    {
      id: 'gbt42195-2022',
      name: label('能力等级', 'capability levels'),
      levels: [
        { code: 'intact', ordinal: 0, name: label('能力完好', 'intact') },
        { code: 'mild', ordinal: 1, name: label('能力轻度受损（轻度失能）', 'mildly impaired') },
        { code: 'moderate', ordinal: 2, name: label('能力中度受损（中度失能）', 'moderately impaired') },
        { code: 'severe', ordinal: 3, name: label('能力重度受损（重度失能）', 'severely impaired') },
        { code: 'complete', ordinal: 4, name: label('能力完全丧失（完全失能）', 'complete loss') },
      ],
      bands: [
        { min: 90, max: 90, value: 'intact' },
        { min: 66, max: 89, value: 'mild' },
        { min: 46, max: 65, value: 'moderate' },
        { min: 30, max: 45, value: 'severe' },
        { min: 0, max: 29, value: 'complete' },
      ],
    },
  ],
  defaultBandScheme: 'gbt42195-2022',
  bandSchemeSetting: null,
  changeRules: {
    // Coma means 完全失能 per the report section of the standard (§4.6 note; verify, §12.3).
    coma: { item: 'mental.consciousness', points: 0, answerImpliesComa: false, level: 'complete' },
    raise: ['mentalDiagnosis', 'riskEvents'],
  },
};
