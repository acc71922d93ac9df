import { pointInRing, ringCentroid, type Box, type Ring } from './polygon.ts';
import type { Rng } from './rng.ts';
import { seededUuidv7 } from './seeded-id.ts';

/** A community as the site layout needs it: code, name, polygon. */
export type SiteCommunity = { code: string; name: string; ring: Ring; box: Box };

export type GeneratedSite = {
  countyCode: string;
  id: string;
  regionCode: string;
  name: string;
  kind: string;
  address: string;
  lng: number;
  lat: number;
  serviceRadiusM: number;
  openingHours: Record<string, string>;
  mealCapacity: number | null;
  offersMeals: boolean;
  offersDelivery: boolean;
  openedOn: string;
};

/** Stream of generated site ids (seeded-id.ts): apart from elders' county streams. */
const SITE_STREAM = 0x5173;

const KINDS: readonly (readonly [string, number])[] = [
  ['station', 34],
  ['canteen', 20],
  ['mealPoint', 20],
  ['communityCentre', 14],
  ['dayCareCentre', 6],
  ['institution', 6],
];

const SUFFIX: Readonly<Record<string, string>> = {
  streetCentre: '街道居家养老服务中心',
  station: '居家养老服务站',
  canteen: '老年食堂',
  mealPoint: '助餐点',
  communityCentre: '康养驿站',
  dayCareCentre: '日间照料中心',
  institution: '颐养院',
};

const HOURS: Readonly<Record<string, Record<string, string>>> = {
  canteen: { 'mon-sun': '10:30-13:00,16:30-18:30' },
  mealPoint: { 'mon-fri': '11:00-12:30' },
  institution: { 'mon-sun': '00:00-24:00' },
  default: { 'mon-fri': '08:00-17:30', 'sat-sun': '09:00-16:00' },
};

const MEAL_KINDS = new Set(['canteen', 'mealPoint', 'communityCentre', 'streetCentre']);

/** A point near the community's centroid (a site sits where people are), kept inside the polygon. */
function pointNearCentre(rng: Rng, community: SiteCommunity): [number, number] {
  const [cx, cy] = ringCentroid(community.ring);
  const spanX = (community.box.east - community.box.west) * 0.25;
  const spanY = (community.box.north - community.box.south) * 0.25;
  for (let attempt = 0; attempt < 16; attempt += 1) {
    const lng = cx + (rng.next() - 0.5) * spanX;
    const lat = cy + (rng.next() - 0.5) * spanY;
    if (pointInRing([lng, lat], community.ring)) return [lng, lat];
  }
  return [cx, cy];
}

function siteOf(
  rng: Rng,
  community: SiteCommunity,
  kind: string,
  context: { seed: number; serial: number; baseMs: number; asOfYear: number },
): GeneratedSite {
  const [lng, lat] = pointNearCentre(rng, community);
  const offersMeals = MEAL_KINDS.has(kind) && (kind === 'canteen' || kind === 'mealPoint' || rng.chance(0.5));
  const place = community.name.replace(/(社区|村)$/, '');
  return {
    countyCode: community.code.slice(0, 6),
    id: seededUuidv7(context.seed, SITE_STREAM, context.serial, context.baseMs),
    regionCode: kind === 'streetCentre' ? community.code.slice(0, 9) : community.code,
    name: `${place}${SUFFIX[kind] ?? '服务点'}`,
    kind,
    address: `${community.name}${rng.int(1, 199)}号`,
    lng: Math.round(lng * 1e6) / 1e6,
    lat: Math.round(lat * 1e6) / 1e6,
    serviceRadiusM: kind === 'streetCentre' || kind === 'institution' ? 3000 : 1000,
    openingHours: HOURS[kind] ?? HOURS['default'] ?? {},
    mealCapacity: offersMeals ? (kind === 'canteen' ? rng.int(80, 300) : rng.int(20, 80)) : null,
    offersMeals,
    offersDelivery: offersMeals && (kind === 'canteen' || kind === 'streetCentre' || rng.chance(0.3)),
    openedOn: `${context.asOfYear - rng.int(0, 8)}-${String(rng.int(1, 12)).padStart(2, '0')}-01`,
  };
}

/**
 * HCS-1 sites of a scale (scale.md §2: ≈60 in `demo`, ≈3,000 in `city`): one street centre per street
 * (in its first community) and, per community, a site with probability `perCommunity`, of a weighted
 * kind, near the community's centroid. Deterministic for (seed, communities).
 */
export function layoutServiceSites(
  rng: Rng,
  communities: readonly SiteCommunity[],
  options: { seed: number; perCommunity: number; baseMs: number; asOfYear: number },
): GeneratedSite[] {
  const context = { seed: options.seed, serial: 0, baseMs: options.baseMs, asOfYear: options.asOfYear };
  const sites: GeneratedSite[] = [];
  const streets = new Set<string>();
  for (const community of communities) {
    const street = community.code.slice(0, 9);
    if (!streets.has(street)) {
      streets.add(street);
      sites.push(siteOf(rng, community, 'streetCentre', context));
      context.serial += 1;
    }
    if (!rng.chance(options.perCommunity)) continue;
    sites.push(siteOf(rng, community, rng.weighted(KINDS), context));
    context.serial += 1;
  }
  return sites;
}

/** Sites per community by scale: ≈60 sites over the demo's ≈200 communities, ≈3,000 over the city's ≈4,000. */
export const SITES_PER_COMMUNITY: Readonly<Record<string, number>> = { toy: 0.25, demo: 0.25, city: 0.7 };
