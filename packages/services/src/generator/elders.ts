import { makeCitizenId } from '@kangyang/domain/identity';
import { isoDateOf, daysInMonth, dateParts, type IsoDate } from '@kangyang/domain/units';
import type { ElderCreateBody } from '@kangyang/contracts/elder';
import type { Rng } from './rng.ts';
import { personName, streetAddress, syntheticPhone } from './people.ts';

export type Community = {
  code: string;
  name: string;
  box: { west: number; east: number; south: number; north: number };
};

/** Age bands of the 60+ population (share per band), with the share of women rising with age. */
const AGE_BANDS: readonly (readonly [[number, number], number])[] = [
  [[60, 64], 27],
  [[65, 69], 24],
  [[70, 74], 19],
  [[75, 79], 13],
  [[80, 84], 9],
  [[85, 89], 5.5],
  [[90, 104], 2.5],
];

function livingSituationFor(rng: Rng, age: number): ElderCreateBody['livingSituation'] {
  const alone = age >= 80 ? 18 : 10;
  return rng.weighted([
    ['alone', alone],
    ['coupleOnly', 40],
    ['withFamily', 47 - (alone - 10)],
    ['institution', age >= 85 ? 6 : 2],
  ] as const);
}

function categoriesFor(rng: Rng, age: number): ElderCreateBody['categories'] {
  const odds: [ElderCreateBody['categories'][number]['category'], number][] = [
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

function birthDateFor(rng: Rng, age: number, asOf: IsoDate): IsoDate {
  const { year } = dateParts(asOf);
  const birthYear = year - age - (rng.chance(0.5) ? 1 : 0);
  const month = rng.int(1, 12);
  return isoDateOf(birthYear, month, rng.int(1, daysInMonth(birthYear, month)));
}

/** One synthetic elder in a community: valid-in-form ID number, plausible categories and living situation. */
export function syntheticElder(
  rng: Rng,
  community: Community,
  serial: number,
  asOf: IsoDate,
  usedIds: Set<string>,
): ElderCreateBody {
  const [minAge, maxAge] = rng.weighted(AGE_BANDS.map(([band, weight]) => [band, weight] as const));
  const age = rng.int(minAge, maxAge);
  const sex = rng.chance(age >= 80 ? 0.6 : 0.52) ? 'female' : 'male';
  const birthDate = birthDateFor(rng, age, asOf);
  const hukou = rng.weighted([
    [community.code, 85],
    ['330105', 6],
    ['330106', 4],
    ['371402', 3],
    ['620702', 2],
  ] as const);
  let idNumber = '';
  for (let sequence = rng.int(0, 400); idNumber === '' || usedIds.has(idNumber); sequence = (sequence + 1) % 500) {
    idNumber = makeCitizenId(hukou.slice(0, 6), birthDate, sequence, sex);
  }
  usedIds.add(idNumber);
  const hasPoint = !rng.chance(0.02);
  const { box } = community;
  return {
    name: personName(rng, sex),
    idNumber,
    phone: rng.chance(0.85) ? syntheticPhone(serial * 2) : null,
    hukouRegionCode: hukou,
    residenceRegionCode: community.code,
    address: streetAddress(rng, community.name),
    location: hasPoint
      ? { lng: box.west + rng.next() * (box.east - box.west), lat: box.south + rng.next() * (box.north - box.south) }
      : null,
    livingSituation: livingSituationFor(rng, age),
    categories: categoriesFor(rng, age),
    contacts: rng.chance(0.9)
      ? [
          {
            name: personName(rng, rng.chance(0.5) ? 'male' : 'female'),
            relation: rng.pick(['子女', '配偶', '亲属', '邻居']),
            role: rng.chance(0.2) ? 'guardian' : 'emergency',
            phone: syntheticPhone(serial * 2 + 1),
          },
        ]
      : [],
  };
}
