import { BARTHEL } from './barthel.ts';
import { GBT42195_2022 } from './gbt42195-2022.ts';
import { LTCI_2021 } from './ltci-2021.ts';
import { MZT039_2013 } from './mzt039-2013.ts';
import { INSTRUMENT_CODES } from './types.ts';
import type { InstrumentCode, InstrumentDefinition } from './types.ts';

/** The current revision of each instrument (§2). Older revisions stay addressable by `revision`. */
export const INSTRUMENTS: Readonly<Record<InstrumentCode, InstrumentDefinition>> = Object.freeze({
  'gbt42195-2022': GBT42195_2022,
  barthel: BARTHEL,
  'mzt039-2013': MZT039_2013,
  'ltci-2021': LTCI_2021,
});

const REVISIONS: ReadonlyMap<string, InstrumentDefinition> = new Map(
  Object.values(INSTRUMENTS).map((definition) => [definition.revision, definition]),
);

export const isInstrumentCode = (value: string): value is InstrumentCode =>
  (INSTRUMENT_CODES as readonly string[]).includes(value);

export const instrumentOf = (code: string): InstrumentDefinition | undefined =>
  isInstrumentCode(code) ? INSTRUMENTS[code] : undefined;

/** The definition a stored result was scored with, for reproducible re-scoring (§10). */
export const instrumentRevisionOf = (revision: string): InstrumentDefinition | undefined => REVISIONS.get(revision);
