import { item, label, option } from './option-sets.ts';
import type { DomainDefinition, ItemOption, LevelDefinition, TotalInstrument } from './types.ts';

export const BARTHEL_BAND_SCHEME_IDS = ['wst431-2013', 'five-band'] as const;
export type BarthelBandSchemeId = (typeof BARTHEL_BAND_SCHEME_IDS)[number];

const twoStep = (full: number): readonly ItemOption[] => [
  option(full, '独立完成', 'independent'),
  option(0, '需他人帮助', 'needs help'),
];
const threeStep = (): readonly ItemOption[] => [
  option(10, '独立完成', 'independent'),
  option(5, '需部分帮助', 'some help'),
  option(0, '需极大帮助或完全依赖他人', 'much help or dependent'),
];
const fourStep = (): readonly ItemOption[] => [
  option(15, '独立完成', 'independent'),
  option(10, '需部分帮助', 'some help'),
  option(5, '需极大帮助', 'much help'),
  option(0, '完全依赖他人', 'dependent'),
];
const continence = (): readonly ItemOption[] => [
  option(10, '可控制', 'continent'),
  option(5, '偶尔失控，或需要他人提示', 'occasional accident, or needs prompting'),
  option(0, '完全失控', 'incontinent'),
];

/** Barthel 指数 (§5): one domain `adl`, 0–100, always a multiple of 5. MZ/T 039 and LTC 2021 share the points. */
export const BARTHEL_ADL: DomainDefinition = {
  code: 'adl',
  name: label('日常生活活动', 'activities of daily living'),
  items: [
    item('adl.eating', label('进食', 'feeding'), threeStep()),
    item('adl.bathing', label('洗澡', 'bathing'), twoStep(5)),
    item('adl.grooming', label('修饰', 'grooming'), twoStep(5)),
    item('adl.dressing', label('穿衣', 'dressing'), threeStep()),
    item('adl.bowel', label('大便控制', 'bowels'), continence()),
    item('adl.bladder', label('小便控制', 'bladder'), continence()),
    item('adl.toilet', label('如厕', 'toilet use'), threeStep()),
    item('adl.transfer', label('床椅转移', 'bed–chair transfer'), fourStep()),
    item('adl.walking', label('平地行走', 'walking 45 m on the level'), fourStep()),
    item('adl.stairs', label('上下楼梯', 'stairs'), threeStep()),
  ],
};

const WST_LEVELS: readonly LevelDefinition[] = [
  { code: 'independent', ordinal: 0, name: label('无需依赖', 'independent') },
  { code: 'mild', ordinal: 1, name: label('轻度依赖', 'mildly dependent') },
  { code: 'moderate', ordinal: 2, name: label('中度依赖', 'moderately dependent') },
  { code: 'severe', ordinal: 3, name: label('重度依赖', 'severely dependent') },
];

/** Barthel with WS/T 431-2013 dependency bands (default) and the five-band scheme as data. CONFIRMED. */
export const BARTHEL: TotalInstrument = {
  kind: 'total',
  code: 'barthel',
  revision: 'barthel/r1',
  name: label('Barthel 指数', 'Barthel Index'),
  status: 'confirmed',
  legacy: false,
  domains: [BARTHEL_ADL],
  bandSchemes: [
    {
      id: 'wst431-2013',
      name: label('WS/T 431-2013 护理分级', 'WS/T 431-2013 dependency bands'),
      levels: WST_LEVELS,
      bands: [
        { min: 100, max: 100, value: 'independent' },
        { min: 61, max: 99, value: 'mild' },
        { min: 41, max: 60, value: 'moderate' },
        { min: 0, max: 40, value: 'severe' },
      ],
    },
    {
      id: 'five-band',
      name: label('五级分级', 'five bands'),
      levels: [...WST_LEVELS, { code: 'complete', ordinal: 4, name: label('完全依赖', 'totally dependent') }],
      bands: [
        { min: 100, max: 100, value: 'independent' },
        { min: 61, max: 99, value: 'mild' },
        { min: 41, max: 60, value: 'moderate' },
        { min: 21, max: 40, value: 'severe' },
        { min: 0, max: 20, value: 'complete' },
      ],
    },
  ],
  defaultBandScheme: 'wst431-2013',
  bandSchemeSetting: 'barthelBandScheme',
  changeRules: null,
};
