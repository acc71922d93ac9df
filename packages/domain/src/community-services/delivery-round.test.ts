import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planDeliveryRound, type DeliveryStop } from './delivery-round.ts';

const KITCHEN = { lng: 120.17, lat: 30.25 };
// about 96 m per 0.001° of longitude and 111 m per 0.001° of latitude here
const stop = (id: string, dLng: number | null, dLat = 0): DeliveryStop => ({
  id,
  lng: dLng === null ? null : KITCHEN.lng + dLng,
  lat: dLng === null ? null : KITCHEN.lat + dLat,
});

describe('HCS-11 meal delivery round', () => {
  it('visits doors along a street nearest-first, whatever order the orders came in', () => {
    const round = planDeliveryRound(KITCHEN, [stop('c', 0.003), stop('a', 0.001), stop('d', 0.004), stop('b', 0.002)]);
    expect(round.map((planned) => planned.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(round.map((planned) => planned.sequence)).toEqual([1, 2, 3, 4]);
    const [first, second] = round;
    expect(first?.legMetres).toBeGreaterThan(90);
    expect(first?.legMetres).toBeLessThan(100);
    expect(second?.legMetres).toBeGreaterThan(90);
    expect(second?.legMetres).toBeLessThan(100);
  });

  it('goes on from the last door, not back from the kitchen', () => {
    // west 2, then east 1 and east 3: from the west door, the east ones are 3 and 5 away
    const round = planDeliveryRound(KITCHEN, [stop('east1', 0.001), stop('west2', -0.0009), stop('east3', 0.003)]);
    expect(round.map((planned) => planned.id)).toEqual(['west2', 'east1', 'east3']);
  });

  it('puts doors without a location last, for the driver to place by address', () => {
    const round = planDeliveryRound(KITCHEN, [stop('z', null), stop('m', 0.002), stop('a', null)]);
    expect(round).toEqual([
      { id: 'm', sequence: 1, legMetres: expect.any(Number) },
      { id: 'a', sequence: 2, legMetres: null },
      { id: 'z', sequence: 3, legMetres: null },
    ]);
  });

  it('every stop appears exactly once, numbered 1..n, and the same input gives the same round', () => {
    const stops = fc.uniqueArray(
      fc.record({
        id: fc.uuid(),
        lng: fc.option(fc.double({ min: -0.02, max: 0.02, noNaN: true }), { nil: null }),
        lat: fc.double({ min: -0.02, max: 0.02, noNaN: true }),
      }),
      { selector: (item) => item.id, maxLength: 40 },
    );
    fc.assert(
      fc.property(stops, (items) => {
        const input = items.map((item) => stop(item.id, item.lng, item.lat));
        const round = planDeliveryRound(KITCHEN, input);
        expect(round.map((planned) => planned.id).sort()).toEqual(input.map((item) => item.id).sort());
        expect(round.map((planned) => planned.sequence)).toEqual(input.map((_, index) => index + 1));
        expect(planDeliveryRound(KITCHEN, [...input].reverse())).toEqual(round);
      }),
      { numRuns: 200 },
    );
  });
});
