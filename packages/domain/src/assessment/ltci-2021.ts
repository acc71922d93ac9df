import { LTCI_ADL, LTCI_COGNITION, LTCI_PERCEPTION_COMM } from './ltci-2021-items.ts';
import { label } from './option-sets.ts';
import type { LtciConfiguration, LtciGrade, LtciLevel, MatrixInstrument } from './types.ts';

type Matrix = LtciConfiguration['matrix'];

/** §7 combination matrix. Row: ADL grade. Column: the worse of the cognition and perceptionComm grades. */
const MATRIX_2021: Matrix = {
  intact: { intact: 'normal', mild: 'normal', moderate: 'mild', severe: 'mild' },
  mild: { intact: 'mild', mild: 'mild', moderate: 'mild', severe: 'moderate' },
  moderate: { intact: 'moderate', mild: 'moderate', moderate: 'moderate', severe: 'severe1' },
  severe: { intact: 'severe1', mild: 'severe1', moderate: 'severe2', severe: 'severe3' },
} satisfies Record<LtciGrade, Record<LtciGrade, LtciLevel>>;

const ADL_BANDS: LtciConfiguration['bands']['adl'] = [
  { grade: 'intact', min: 100, max: 100 },
  { grade: 'mild', min: 65, max: 95 },
  { grade: 'moderate', min: 45, max: 60 },
  { grade: 'severe', min: 0, max: 40 },
];

/** Preset `ltci-2021-p1` (PROVISIONAL, unverified against the annex of 医保办发〔2021〕37号). */
export const LTCI_2021_P1: LtciConfiguration = {
  id: 'ltci-2021-p1',
  bands: {
    adl: ADL_BANDS,
    cognition: [
      { grade: 'intact', min: 16, max: 16 },
      { grade: 'mild', min: 4, max: 15 },
      { grade: 'moderate', min: 2, max: 3 },
      { grade: 'severe', min: 0, max: 1 },
    ],
    perceptionComm: [
      { grade: 'intact', min: 12, max: 12 },
      { grade: 'mild', min: 4, max: 11 },
      { grade: 'moderate', min: 2, max: 3 },
      { grade: 'severe', min: 0, max: 1 },
    ],
  },
  matrix: MATRIX_2021,
};

/** Preset `ltci-2021-p2`, the alternative that also circulates (PROVISIONAL). */
export const LTCI_2021_P2: LtciConfiguration = {
  id: 'ltci-2021-p2',
  bands: {
    adl: ADL_BANDS,
    cognition: [
      { grade: 'intact', min: 16, max: 16 },
      { grade: 'mild', min: 12, max: 15 },
      { grade: 'moderate', min: 4, max: 11 },
      { grade: 'severe', min: 0, max: 3 },
    ],
    perceptionComm: [
      { grade: 'intact', min: 12, max: 12 },
      { grade: 'mild', min: 8, max: 11 },
      { grade: 'moderate', min: 4, max: 7 },
      { grade: 'severe', min: 0, max: 3 },
    ],
  },
  matrix: MATRIX_2021,
};

/**
 * 长期护理失能等级评估标准（试行） (§7): items and points CONFIRMED, grade bands and matrix
 * PROVISIONAL, so every result is provisional ("暂行配置"). No change rules: flags are ignored.
 */
export const LTCI_2021: MatrixInstrument = {
  kind: 'matrix',
  code: 'ltci-2021',
  revision: 'ltci-2021/r1',
  name: label('长期护理失能等级评估标准（试行）', 'Long-term care disability grading (trial, 2021)'),
  status: 'provisional',
  legacy: false,
  domains: [LTCI_ADL, LTCI_COGNITION, LTCI_PERCEPTION_COMM],
  levels: [
    { code: 'normal', ordinal: 0, name: label('基本正常', 'basically normal') },
    { code: 'mild', ordinal: 1, name: label('轻度失能', 'mild disability') },
    { code: 'moderate', ordinal: 2, name: label('中度失能', 'moderate disability') },
    { code: 'severe1', ordinal: 3, name: label('重度失能Ⅰ级', 'severe disability, grade I') },
    { code: 'severe2', ordinal: 4, name: label('重度失能Ⅱ级', 'severe disability, grade II') },
    { code: 'severe3', ordinal: 5, name: label('重度失能Ⅲ级', 'severe disability, grade III') },
  ],
  grades: [
    { code: 'intact', ordinal: 0, name: label('能力完好', 'intact') },
    { code: 'mild', ordinal: 1, name: label('轻度受损', 'mildly impaired') },
    { code: 'moderate', ordinal: 2, name: label('中度受损', 'moderately impaired') },
    { code: 'severe', ordinal: 3, name: label('重度受损', 'severely impaired') },
  ],
  presets: { 'ltci-2021-p1': LTCI_2021_P1, 'ltci-2021-p2': LTCI_2021_P2 },
  defaultPreset: 'ltci-2021-p1',
};
