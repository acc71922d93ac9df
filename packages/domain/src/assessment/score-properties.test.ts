import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INSTRUMENTS } from './instruments.ts';
import { levelsOf } from './levels.ts';
import { itemsOf } from './request.ts';
import { score } from './score.ts';
import type { AssessmentScore } from './score.ts';
import { DEFAULT_ASSESSMENT_SETTINGS } from './settings.ts';
import type { ScoringSettings } from './settings.ts';
import type { InstrumentCode, InstrumentDefinition } from './types.ts';

type Answers = Record<string, number>;

const ALL: readonly InstrumentDefinition[] = Object.values(INSTRUMENTS);

/** Any valid answer set: each item at any of its options. */
const answersArb = (definition: InstrumentDefinition): fc.Arbitrary<Answers> =>
  fc.record(
    Object.fromEntries(
      itemsOf(definition).map((item) => [item.code, fc.constantFrom(...item.options.map((option) => option.points))]),
    ),
  );

/**
 * Answer sets spread over all levels: a severity per domain (0 best … 4 worst) puts each item near the
 * matching option, with a jitter of one option either way. Options are listed from the most capable.
 */
const spreadAnswersArb = (definition: InstrumentDefinition): fc.Arbitrary<Answers> => {
  const domains = definition.domains.length;
  const items = itemsOf(definition).length;
  const severity = fc.integer({ min: 0, max: 4 });
  return fc
    .tuple(
      fc.oneof(
        severity.map((value) => Array.from({ length: domains }, () => value)),
        fc.array(severity, { minLength: domains, maxLength: domains }),
      ),
      fc.oneof(
        fc.constant(Array.from({ length: items }, () => 0)),
        fc.array(fc.integer({ min: -1, max: 1 }), { minLength: items, maxLength: items }),
      ),
    )
    .map(([severities, jitters]) => {
      const answers: Answers = {};
      let index = 0;
      definition.domains.forEach((domain, domainIndex) => {
        for (const item of domain.items) {
          const last = item.options.length - 1;
          const target = Math.round(((severities[domainIndex] ?? 0) / 4) * last) + (jitters[index] ?? 0);
          answers[item.code] = item.options[Math.min(last, Math.max(0, target))]?.points ?? 0;
          index += 1;
        }
      });
      return answers;
    });
};

const count = fc.integer({ min: 0, max: 3 });
/** Flags without coma, so that changing an answer never conflicts with them. */
const flagsArb = fc.record(
  {
    dementiaDiagnosis: fc.boolean(),
    mentalDisorderDiagnosis: fc.boolean(),
    riskEventsLast30Days: fc.record(
      { fall: count, wandering: count, choking: count, selfHarm: count, other: count },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

const settingsArb: fc.Arbitrary<ScoringSettings> = fc.record({
  changeRuleStacking: fc.constantFrom('once', 'perRule'),
  riskEventCounting: fc.constantFrom('sum', 'perType'),
  barthelBandScheme: fc.constantFrom('wst431-2013', 'five-band'),
  ltci: fc.constantFrom('ltci-2021-p1', 'ltci-2021-p2'),
});

function scoreOk(
  definition: InstrumentDefinition,
  answers: Answers,
  flags: unknown,
  settings: ScoringSettings,
): AssessmentScore {
  const result = score(definition, answers, flags, settings);
  if (!result.ok) throw new Error(`${result.error.code} ${result.error.field}`);
  return result.value;
}

const ordinalOf = (result: AssessmentScore, level: string): number | null => {
  const found = levelsOf(result.instrument, result.scheme).find((candidate) => candidate.code === level);
  if (!found) throw new Error(`unknown level ${level}`);
  return found.ordinal;
};

/** True unless both levels have ordinals and the second is worse (`unclassified` is not comparable). */
const notWorse = (before: number | null, after: number | null): boolean =>
  before === null || after === null || after <= before;

describe('assessment §10 properties', () => {
  it.each(['gbt42195-2022', 'barthel'] as const)('%s: total = sum of the answers = sum of domain scores', (code) => {
    const definition = INSTRUMENTS[code];
    fc.assert(
      fc.property(answersArb(definition), settingsArb, (answers, settings) => {
        const result = scoreOk(definition, answers, undefined, settings);
        const sum = Object.values(answers).reduce((total, points) => total + points, 0);
        expect(result.total).toBe(sum);
        expect(Object.values(result.domainScores).reduce((total, points) => total + points, 0)).toBe(sum);
      }),
    );
  });

  it.each(ALL.map((definition) => [definition.code, definition] as const))(
    '%s: raising any single answer never worsens the base level, nor the final level with fixed flags',
    (_code, definition) => {
      const items = itemsOf(definition);
      const arb = fc.tuple(
        fc.oneof(answersArb(definition), spreadAnswersArb(definition)),
        fc.integer({ min: 0, max: items.length - 1 }),
        fc.nat(),
        flagsArb,
        settingsArb,
      );
      fc.assert(
        fc.property(arb, ([answers, itemIndex, step, flags, settings]) => {
          const item = items[itemIndex];
          if (!item) return;
          const current = item.options.findIndex((option) => option.points === answers[item.code]);
          if (current <= 0) return; // already the most capable option
          const better = item.options[step % current]?.points ?? 0; // any option listed before the current one
          const before = scoreOk(definition, answers, flags, settings);
          const after = scoreOk(definition, { ...answers, [item.code]: better }, flags, settings);
          expect(notWorse(ordinalOf(before, before.baseLevel), ordinalOf(after, after.baseLevel))).toBe(true);
          expect(notWorse(ordinalOf(before, before.finalLevel), ordinalOf(after, after.finalLevel))).toBe(true);
        }),
        { numRuns: 300 },
      );
    },
  );

  const variants: readonly { code: InstrumentCode; settings: ScoringSettings }[] = [
    { code: 'gbt42195-2022', settings: DEFAULT_ASSESSMENT_SETTINGS },
    { code: 'barthel', settings: DEFAULT_ASSESSMENT_SETTINGS },
    { code: 'barthel', settings: { ...DEFAULT_ASSESSMENT_SETTINGS, barthelBandScheme: 'five-band' } },
    { code: 'mzt039-2013', settings: DEFAULT_ASSESSMENT_SETTINGS },
    { code: 'ltci-2021', settings: DEFAULT_ASSESSMENT_SETTINGS },
    { code: 'ltci-2021', settings: { ...DEFAULT_ASSESSMENT_SETTINGS, ltci: 'ltci-2021-p2' } },
  ];

  it.each(
    variants.map(
      (variant) => [variant.code, variant.settings.barthelBandScheme, variant.settings.ltci, variant] as const,
    ),
  )('%s (%s, %s): every level is reachable as a base and as a final level', (code, _barthel, _ltci, { settings }) => {
    const definition = INSTRUMENTS[code];
    const samples = fc.sample(fc.tuple(spreadAnswersArb(definition), fc.option(flagsArb, { nil: undefined })), {
      numRuns: 4000,
      seed: 42195,
    });
    const witnesses = new Map<string, Answers>();
    const finals = new Set<string>();
    for (const [answers, flags] of samples) {
      const result = scoreOk(definition, answers, flags, settings);
      if (!witnesses.has(result.baseLevel)) witnesses.set(result.baseLevel, answers);
      finals.add(result.finalLevel);
    }
    const levels = levelsOf(
      code,
      definition.kind === 'total' && definition.bandSchemeSetting ? settings.barthelBandScheme : undefined,
    );
    const codes = levels.map((level) => level.code).sort();
    expect([...witnesses.keys()].sort()).toEqual(codes);
    expect([...finals].sort()).toEqual(codes);
    for (const [level, answers] of witnesses)
      expect(scoreOk(definition, answers, undefined, settings).baseLevel).toBe(level);
  });

  it.each(ALL.map((definition) => [definition.code, definition] as const))(
    '%s: scoring twice, or with the answers in another order, gives the same result and mutates nothing',
    (_code, definition) => {
      fc.assert(
        fc.property(
          answersArb(definition),
          fc.option(flagsArb, { nil: undefined }),
          settingsArb,
          (answers, flags, settings) => {
            const frozen = Object.freeze({ ...answers });
            const first = score(definition, frozen, flags, settings);
            const second = score(definition, frozen, flags, settings);
            const reversed = score(definition, Object.fromEntries(Object.entries(answers).reverse()), flags, settings);
            expect(second).toEqual(first);
            expect(reversed).toEqual(first);
            expect(frozen).toEqual(answers);
          },
        ),
        { numRuns: 200 },
      );
    },
  );
});
