import {
  SKILL_LEVEL_ORDER,
  rankCandidates,
  type CandidateWorker,
  type CareSkillLevel,
  type RankedCandidate,
} from '@kangyang/domain/home-care';
import { loadElderUnscoped } from '../applications/elder-scope.ts';
import { findServiceItem, providersServing } from './catalogue.repo.ts';
import type { HomeCareDeps } from './home-care-deps.ts';
import { asDate } from './home-care-mapper.ts';
import { candidateFacts, type CandidateFactsRow } from './offer.repo.ts';
import type { OrderRow } from './order.repo.ts';

const CONTINUITY_DAYS = 90;
const SHANGHAI_OFFSET_MS = 8 * 60 * 60_000;

/** ISO weekday and minute of the day in Asia/Shanghai (no daylight saving). */
export function shanghaiWeekMinute(instant: Date): { weekday: number; minute: number } {
  const local = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return {
    weekday: local.getUTCDay() === 0 ? 7 : local.getUTCDay(),
    minute: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
}

function highestLevel(levels: readonly string[] | null): CareSkillLevel | null {
  let best = -1;
  for (const level of levels ?? []) best = Math.max(best, SKILL_LEVEL_ORDER.indexOf(level as CareSkillLevel));
  return best < 0 ? null : (SKILL_LEVEL_ORDER[best] ?? null);
}

export function toCandidateWorker(row: CandidateFactsRow): CandidateWorker {
  return {
    workerId: row.workerId,
    name: row.name,
    providerId: row.providerId,
    home: { lng: row.homeLng, lat: row.homeLat },
    skills: row.skills,
    certificates: row.certificates,
    skillLevel: highestLevel(row.levels),
    shifts: row.shifts,
    openTasks: row.openTasks,
    maxDailyVisits: row.maxDailyVisits,
    visitsToElder: row.visitsToElder,
    rating: row.ratingCount === 0 ? null : row.ratingSum / row.ratingCount,
    declinedThisOrder: row.declined,
  };
}

/** HCS-4: the ranked candidates for an order, from the providers serving the elder's community. */
export async function rankForOrder(deps: HomeCareDeps, order: OrderRow, limit: number): Promise<RankedCandidate[]> {
  const elder = await loadElderUnscoped(deps.db, order.elderId);
  const item = await findServiceItem(deps.db, order.serviceItemId);
  if (!elder || !item) return [];
  const providers = (await providersServing(deps.db, order.regionCode)).filter((provider) =>
    provider.categories.includes(item.category),
  );
  const radiusM = deps.config?.dispatchRadiusM ?? 8000;
  const now = deps.clock.now();
  const home = elder.lng !== null && elder.lat !== null ? { lng: elder.lng, lat: elder.lat } : null;
  const latSpan = radiusM / 111_320;
  const lngSpan = home ? radiusM / (111_320 * Math.cos((home.lat * Math.PI) / 180)) : 180;
  const facts = await candidateFacts(deps.db, {
    countyCode: order.countyCode,
    providerIds: providers.map((provider) => provider.id),
    orderId: order.id,
    elderId: order.elderId,
    today: deps.clock.today(),
    box: home
      ? {
          minLng: home.lng - lngSpan,
          maxLng: home.lng + lngSpan,
          minLat: home.lat - latSpan,
          maxLat: home.lat + latSpan,
        }
      : { minLng: -180, maxLng: 180, minLat: -90, maxLat: 90 },
    since: new Date(now.getTime() - CONTINUITY_DAYS * 86_400_000),
  });
  const workers = facts.map(toCandidateWorker);
  // without coordinates for the home, distance cannot decide: every worker is measured from their centroid
  const centre = home ?? centroid(workers);
  const start = order.scheduledFor && asDate(order.scheduledFor) > now ? asDate(order.scheduledFor) : now;
  const { weekday, minute } = shanghaiWeekMinute(start);
  return rankCandidates(workers, {
    elderHome: centre,
    category: item.category,
    requiredSkillLevel: item.requiredSkillLevel as CareSkillLevel | null,
    requiredCertificates: item.requiredCertificates,
    weekday,
    startMinute: minute,
    durationMinutes: item.durationMinutes,
    maxDistanceM: home ? radiusM : Number.MAX_SAFE_INTEGER,
    limit,
  });
}

function centroid(workers: readonly CandidateWorker[]): { lng: number; lat: number } {
  if (workers.length === 0) return { lng: 120, lat: 30 };
  const sum = workers.reduce((acc, worker) => ({ lng: acc.lng + worker.home.lng, lat: acc.lat + worker.home.lat }), {
    lng: 0,
    lat: 0,
  });
  return { lng: sum.lng / workers.length, lat: sum.lat / workers.length };
}
