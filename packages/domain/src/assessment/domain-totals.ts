import type { DomainDefinition } from './types.ts';

/** Every sum a domain can reach, ascending (Barthel-based domains reach only multiples of 5). */
export function reachableTotals(domain: DomainDefinition): readonly number[] {
  let sums = new Set<number>([0]);
  for (const item of domain.items) {
    const next = new Set<number>();
    for (const sum of sums) for (const option of item.options) next.add(sum + option.points);
    sums = next;
  }
  return [...sums].sort((left, right) => left - right);
}

export const maxTotal = (domain: DomainDefinition): number =>
  domain.items.reduce((sum, item) => sum + Math.max(...item.options.map((option) => option.points)), 0);
