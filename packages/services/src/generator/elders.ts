import type { ElderCreateBody } from '@kangyang/contracts/elder';
import { birthDateForAge, dateParts, type IsoDate } from '@kangyang/domain/units';
import type { Rng } from './rng.ts';
import { personName, streetAddress, syntheticPhone } from './people.ts';
import type { IdSequencer } from './id-sequencer.ts';
import { pointInRing, type Box, type Ring } from './polygon.ts';

/** Where generated elders live: a community with its boundary and the household-registration choices. */
export type Community = {
  code: string;
  name: string;
  ring: Ring;
  box: Box;
  /** Household-registration regions with weights; the community itself is one of them. */
  hukou: readonly (readonly [string, number])[];
  /** The 6-digit address code of ID numbers issued for a household region (a mainland code). */
  idAddressOf: (hukouCode: string) => string;
  /** The phone block of the dataset (4 digits, see people.ts). */
  phoneBlock: string;
};

/** Age bands of the 60+ population (weights, per cent in the base year). */
const AGE_BANDS: readonly (readonly [readonly [number, number], number])[] = [
  [[60, 64], 27],
  [[65, 69], 24],
  [[70, 74], 19],
  [[75, 79], 13],
  [[80, 84], 9],
  [[85, 89], 5.5],
  [[90, 104], 2.5],
];
const BASE_YEAR = 2026;

/** The 80+ bands grow 2.5 % a year relative to the rest after the base year (ageing). */
export function ageBandsOn(asOf: IsoDate): (readonly [readonly [number, number], number])[] {
  const factor = Math.max(0.5, 1 + 0.025 * (dateParts(asOf).year - BASE_YEAR));
  return AGE_BANDS.map(([band, weight]) => [band, band[0] >= 80 ? weight * factor : weight] as const);
}

function livingSituationFor(rng: Rng, age: number): ElderCreateBody['livingSituation'] {
  const alone = age >= 80 ? 18 : 10;
  return rng.weighted([
    ['alone', alone],
    ['coupleOnly', age >= 85 ? 28 : 40],
    ['withFamily', 47 - (alone - 10)],
    ['institution', age >= 85 ? 6 : 2],
  ] as const);
}

type Category = ElderCreateBody['categories'][number]['category'];

function categoriesFor(rng: Rng, age: number): ElderCreateBody['categories'] {
  const odds: readonly (readonly [Category, number])[] = [
    ['extremePoverty', 0.006],
    ['minimumLiving', 0.02],
    ['nearMinimumLiving', 0.015],
    ['familyPlanningSpecial', 0.006],
    ['entitledGroup', 0.01],
    ['heroicAct', 0.001],
    ['severeDisability', age >= 80 ? 0.04 : 0.015],
    ['dementia', age >= 85 ? 0.08 : age >= 75 ? 0.03 : 0.008],
  ];
  return odds
    .filter(([, probability]) => rng.chance(probability))
    .map(([category]) => ({ category, source: '民政局认定', from: '2020-01-01' }));
}

const DAY_MS = 86_400_000;

/** A birth date that makes the person exactly `age` on `asOf`. */
function birthDateFor(rng: Rng, age: number, asOf: IsoDate): IsoDate {
  const latest = Date.parse(`${birthDateForAge(age, asOf)}T00:00:00Z`);
  const earliest = Date.parse(`${birthDateForAge(age + 1, asOf)}T00:00:00Z`) + DAY_MS;
  const days = Math.round((latest - earliest) / DAY_MS);
  return new Date(earliest + rng.int(0, days) * DAY_MS).toISOString().slice(0, 10) as IsoDate;
}

/** A point inside the community's polygon (rejection sampling in its box), or null ~2 % of the time. */
function locationIn(rng: Rng, community: Community): ElderCreateBody['location'] {
  if (rng.chance(0.02)) return null; // a deliberate data-quality defect for the worklists (scale.md §2)
  const { box, ring } = community;
  for (let attempt = 0; attempt < 64; attempt += 1) {
    const lng = box.west + rng.next() * (box.east - box.west);
    const lat = box.south + rng.next() * (box.north - box.south);
    if (pointInRing([lng, lat], ring)) return { lng, lat };
  }
  throw new Error(`no point found inside community ${community.code}`);
}

/** One synthetic elder in a community: valid-in-form unique ID number, plausible categories and living situation. */
export function syntheticElder(
  rng: Rng,
  community: Community,
  context: { serial: number; asOf: IsoDate; ids: IdSequencer; ageBands: ReturnType<typeof ageBandsOn> },
): ElderCreateBody {
  const [minAge, maxAge] = rng.weighted(context.ageBands);
  const age = rng.int(minAge, maxAge);
  const sex = rng.chance(age >= 80 ? 0.6 : 0.52) ? 'female' : 'male';
  const birthDate = birthDateFor(rng, age, context.asOf);
  const hukou = rng.weighted(community.hukou);
  const { serial } = context;
  return {
    name: personName(rng, sex),
    idNumber: context.ids.next(community.idAddressOf(hukou), birthDate, sex),
    phone: rng.chance(0.85) ? syntheticPhone(serial * 2, community.phoneBlock) : null,
    hukouRegionCode: hukou,
    residenceRegionCode: community.code,
    address: streetAddress(rng, community.name),
    location: locationIn(rng, community),
    livingSituation: livingSituationFor(rng, age),
    categories: categoriesFor(rng, age),
    contacts: rng.chance(0.9)
      ? [
          {
            name: personName(rng, rng.chance(0.5) ? 'male' : 'female'),
            relation: rng.pick(['子女', '配偶', '亲属', '邻居']),
            role: rng.chance(0.2) ? 'guardian' : 'emergency',
            phone: syntheticPhone(serial * 2 + 1, community.phoneBlock),
          },
        ]
      : [],
  };
}
