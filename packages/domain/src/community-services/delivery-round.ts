import { haversineMetres } from '../service-circle/index.ts';

/** One meal to deliver: where the elder lives, when known. */
export type DeliveryStop = { readonly id: string; readonly lng: number | null; readonly lat: number | null };

export type PlannedStop = {
  readonly id: string;
  /** 1-based position in the round. */
  readonly sequence: number;
  /** Straight-line metres from the previous stop (the kitchen for the first); null without a location. */
  readonly legMetres: number | null;
};

const located = (stop: DeliveryStop): stop is DeliveryStop & { lng: number; lat: number } =>
  stop.lng !== null && stop.lat !== null;

/**
 * HCS-11 meal delivery for elders who cannot come to the counter: the order of the round, nearest
 * next stop first from the kitchen (a greedy tour, good enough for the 10–40 doors of one meal
 * round and stable: ties go to the smaller id). Stops without a location come last, by id, for the
 * driver to place by address.
 */
export function planDeliveryRound(start: { lng: number; lat: number }, stops: readonly DeliveryStop[]): PlannedStop[] {
  const remaining = stops.filter(located).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const unplaced = stops.filter((stop) => !located(stop)).sort((a, b) => (a.id < b.id ? -1 : 1));
  const planned: PlannedStop[] = [];
  let here = start;
  while (remaining.length > 0) {
    let best = 0;
    let bestMetres = Number.POSITIVE_INFINITY;
    remaining.forEach((stop, index) => {
      const metres = haversineMetres(here.lat, here.lng, stop.lat, stop.lng);
      if (metres < bestMetres) {
        best = index;
        bestMetres = metres;
      }
    });
    const [next] = remaining.splice(best, 1);
    if (!next) break;
    planned.push({ id: next.id, sequence: planned.length + 1, legMetres: Math.round(bestMetres) });
    here = next;
  }
  for (const stop of unplaced) planned.push({ id: stop.id, sequence: planned.length + 1, legMetres: null });
  return planned;
}
