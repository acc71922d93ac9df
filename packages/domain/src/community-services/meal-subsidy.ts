/**
 * HCS-11 per-meal subsidy by elder category. No plan profile shipped today states a per-meal amount,
 * so the rule comes from the deployment's configuration (a default below, overridable), and from a
 * profile's `rules.mealSubsidy` where one is published with that shape.
 */
export type MealSubsidyRule = {
  /** Fen per meal for an elder holding the category; the highest applicable amount wins. */
  readonly byCategory: Readonly<Record<string, number>>;
  /** Fen per meal for elders aged at least `minAge` (e.g. 80+), when set. */
  readonly advancedAge?: { readonly minAge: number; readonly fen: number };
  /** Fen per meal for every other registered elder aged 60+. */
  readonly everyone: number;
  /** Where the rule comes from: `profile:<id>@<version>` or `config`. */
  readonly source: string;
};

/** Project default (a PROJECT CHOICE, not a plan figure): 特困 and 低保 eat free up to 15 yuan, others get 2 yuan off. */
export const DEFAULT_MEAL_SUBSIDY_RULE: MealSubsidyRule = {
  byCategory: {
    extremePoverty: 1500,
    minimumLiving: 1000,
    severeDisability: 800,
    nearMinimumLiving: 500,
    familyPlanningSpecial: 500,
    entitledGroup: 500,
    heroicAct: 500,
  },
  advancedAge: { minAge: 80, fen: 400 },
  everyone: 200,
  source: 'config',
};

export type MealSubsidyDecision = {
  readonly subsidyFen: number;
  readonly payableFen: number;
  /** Why: the category, `advancedAge`, `everyone`, or `none`. */
  readonly basis: string;
};

/** Subsidy and what the elder pays for one meal: the best applicable amount, never above the price. */
export function mealSubsidyFor(
  elder: { readonly categories: readonly string[]; readonly age: number },
  priceFen: number,
  rule: MealSubsidyRule,
): MealSubsidyDecision {
  const candidates: [string, number][] = elder.categories.flatMap((category) => {
    const fen = rule.byCategory[category];
    return fen === undefined ? [] : [[category, fen] as [string, number]];
  });
  if (rule.advancedAge && elder.age >= rule.advancedAge.minAge) candidates.push(['advancedAge', rule.advancedAge.fen]);
  if (elder.age >= 60) candidates.push(['everyone', rule.everyone]);
  const best = candidates.reduce<[string, number]>((top, next) => (next[1] > top[1] ? next : top), ['none', 0]);
  const subsidyFen = Math.max(0, Math.min(priceFen, best[1]));
  return { subsidyFen, payableFen: priceFen - subsidyFen, basis: subsidyFen === 0 ? 'none' : best[0] };
}

/** HCS-12: delivery is offered to elders with a disability category or who ask for it with a reason. */
export const deliveryEligible = (categories: readonly string[]): boolean =>
  categories.includes('severeDisability') || categories.includes('dementia');
