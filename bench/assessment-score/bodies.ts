import { INSTRUMENTS, itemsOf, type InstrumentCode } from '@kangyang/domain/assessment';
import { createRng, type Rng } from '@kangyang/services/generator/rng';

/**
 * Request bodies of the `assessment-score` bench: valid answers of every instrument, mostly
 * GB/T 42195-2022 (the default), with flags now and then. Deterministic per seed.
 */
export type ScoreBody = {
  instrument: InstrumentCode;
  answers: Record<string, number>;
  flags?: Record<string, unknown>;
};

function randomAnswers(rng: Rng, instrument: InstrumentCode): Record<string, number> {
  return Object.fromEntries(
    itemsOf(INSTRUMENTS[instrument]).map((item) => [item.code, rng.pick(item.options).points] as const),
  );
}

function flagsFor(
  rng: Rng,
  instrument: InstrumentCode,
  answers: Record<string, number>,
): Record<string, unknown> | undefined {
  if (instrument !== 'gbt42195-2022' || !rng.chance(0.3)) return undefined;
  const flags: Record<string, unknown> = {};
  if (rng.chance(0.5)) flags['dementiaDiagnosis'] = true;
  if (rng.chance(0.5)) flags['riskEventsLast30Days'] = { fall: rng.int(0, 3), choking: rng.int(0, 1) };
  if (answers['mental.consciousness'] === 0 && rng.chance(0.5)) flags['coma'] = true;
  return flags;
}

export function scoreBodies(seed: number, count: number): ScoreBody[] {
  const rng = createRng(seed);
  const mix: readonly (readonly [InstrumentCode, number])[] = [
    ['gbt42195-2022', 80],
    ['barthel', 10],
    ['mzt039-2013', 5],
    ['ltci-2021', 5],
  ];
  return Array.from({ length: count }, () => {
    const instrument = rng.weighted(mix);
    const answers = randomAnswers(rng, instrument);
    const flags = flagsFor(rng, instrument, answers);
    return flags ? { instrument, answers, flags } : { instrument, answers };
  });
}
