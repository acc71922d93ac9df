import { INSTRUMENTS } from './instruments.ts';
import type { InstrumentCode, Label, LevelDefinition } from './types.ts';

/**
 * The levels of an instrument. Barthel levels depend on the band scheme (default `wst431-2013`);
 * levels of different instruments are never converted into each other (§1).
 */
export function levelsOf(instrument: InstrumentCode, bandScheme?: string): readonly LevelDefinition[] {
  const definition = INSTRUMENTS[instrument];
  if (definition.kind !== 'total') return definition.levels;
  const schemeId = bandScheme ?? definition.defaultBandScheme;
  return definition.bandSchemes.find((scheme) => scheme.id === schemeId)?.levels ?? [];
}

export const levelOf = (instrument: InstrumentCode, level: string, bandScheme?: string): LevelDefinition | undefined =>
  levelsOf(instrument, bandScheme).find((candidate) => candidate.code === level);

/** 0 is the most capable; null for `unclassified`; undefined for a code the instrument does not have. */
export const levelOrdinal = (
  instrument: InstrumentCode,
  level: string,
  bandScheme?: string,
): number | null | undefined => levelOf(instrument, level, bandScheme)?.ordinal;

export function levelLabel(
  instrument: InstrumentCode,
  level: string,
  locale: 'zh-CN' | 'en-US',
  bandScheme?: string,
): string | undefined {
  const name: Label | undefined = levelOf(instrument, level, bandScheme)?.name;
  if (!name) return undefined;
  return locale === 'en-US' ? name.en : name.zh;
}
