/** HCS-2, 004-r2: what an elder pays for a catalogue item, and the subsidy that covers the rest. */
export type PriceRule = {
  readonly id: string;
  readonly serviceItemId: string | null;
  readonly category: string | null;
  readonly profileId: string | null;
  /** What the elder pays; 0 = free. */
  readonly elderPaysFen: number | null;
  /** Or the share of the price the subsidy covers. */
  readonly subsidyPercent: number | null;
  readonly programme: string;
};

export type Quote = {
  readonly priceFen: number;
  readonly subsidyFen: number;
  readonly elderPaysFen: number;
  readonly ruleId: string | null;
  readonly basis: 'free' | 'subsidised' | 'fullPrice';
  readonly category: string | null;
  readonly programme: string;
};

const specificity = (rule: PriceRule): number =>
  (rule.serviceItemId ? 4 : 0) + (rule.category ? 2 : 0) + (rule.profileId ? 1 : 0);

function elderPays(rule: PriceRule, priceFen: number): number {
  if (rule.elderPaysFen !== null) return Math.min(priceFen, rule.elderPaysFen);
  const subsidy = Math.round((priceFen * (rule.subsidyPercent ?? 0)) / 100);
  return priceFen - subsidy;
}

/**
 * A rule applies when each field it sets matches (item, one of the elder's categories, the profile in
 * force). The most specific applying rule wins; among equally specific ones, the one kindest to the elder.
 */
export function quotePrice(
  item: { readonly id: string; readonly priceFen: number },
  elder: { readonly categories: readonly string[] },
  profileId: string | null,
  rules: readonly PriceRule[],
): Quote {
  let best: { rule: PriceRule; pays: number } | null = null;
  for (const rule of rules) {
    if (rule.serviceItemId !== null && rule.serviceItemId !== item.id) continue;
    if (rule.category !== null && !elder.categories.includes(rule.category)) continue;
    if (rule.profileId !== null && rule.profileId !== profileId) continue;
    const pays = elderPays(rule, item.priceFen);
    const better =
      best === null ||
      specificity(rule) > specificity(best.rule) ||
      (specificity(rule) === specificity(best.rule) && pays < best.pays);
    if (better) best = { rule, pays };
  }
  if (best === null)
    return {
      priceFen: item.priceFen,
      subsidyFen: 0,
      elderPaysFen: item.priceFen,
      ruleId: null,
      basis: 'fullPrice',
      category: null,
      programme: 'serviceSubsidy',
    };
  return {
    priceFen: item.priceFen,
    subsidyFen: item.priceFen - best.pays,
    elderPaysFen: best.pays,
    ruleId: best.rule.id,
    basis: best.pays === 0 ? 'free' : best.pays < item.priceFen ? 'subsidised' : 'fullPrice',
    category: best.rule.category,
    programme: best.rule.programme,
  };
}
