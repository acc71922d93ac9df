import { and, asc, eq, ne } from 'drizzle-orm';
import type { DeliveryRoundDto, DeliveryRoundQuery, DeliveryStopDto } from '@kangyang/contracts/meal-deliveries';
import { planDeliveryRound } from '@kangyang/domain/community-services';
import type { Actor } from '../actor.ts';
import type { Db } from '../db/database.ts';
import { elders, mealOrders } from '../db/schema/index.ts';
import type { SiteRow } from '../service-sites/site.repo.ts';
import type { MealServiceDeps } from './meal-deps.ts';

type StopRow = {
  orderId: string;
  elderId: string;
  status: string;
  redeemedAt: Date | null;
  elderName: string;
  idNumberMasked: string;
  phoneMasked: string | null;
  address: string | null;
  regionCode: string;
  lng: number | null;
  lat: number | null;
};

/** The meals of one site, day and meal that go to the elder's door (cancelled ones left out). */
async function deliveryStops(db: Db, site: SiteRow, query: DeliveryRoundQuery): Promise<StopRow[]> {
  return db
    .select({
      orderId: mealOrders.id,
      elderId: mealOrders.elderId,
      status: mealOrders.status,
      redeemedAt: mealOrders.redeemedAt,
      elderName: elders.name,
      idNumberMasked: elders.idNumberMasked,
      phoneMasked: elders.phoneMasked,
      address: elders.address,
      regionCode: elders.residenceRegionCode,
      lng: elders.lng,
      lat: elders.lat,
    })
    .from(mealOrders)
    .innerJoin(elders, and(eq(elders.countyCode, mealOrders.countyCode), eq(elders.id, mealOrders.elderId)))
    .where(
      and(
        eq(mealOrders.countyCode, site.countyCode),
        eq(mealOrders.siteId, site.id),
        eq(mealOrders.mealDate, query.date),
        eq(mealOrders.meal, query.meal),
        eq(mealOrders.delivery, true),
        ne(mealOrders.status, 'cancelled'),
      ),
    )
    .orderBy(asc(mealOrders.id));
}

/**
 * HCS-11 delivery for elders who cannot come to the counter: the round's doors in driving order
 * from the site, each with whom to hand the meal to. Handing over is the counter's redemption
 * (card, QR code or ID at the door), which marks the stop delivered. The read is audited.
 */
export async function deliveryRound(
  deps: Pick<MealServiceDeps, 'db' | 'audit'>,
  actor: Actor,
  site: SiteRow,
  query: DeliveryRoundQuery,
): Promise<DeliveryRoundDto> {
  const rows = await deliveryStops(deps.db, site, query);
  const byId = new Map(rows.map((row) => [row.orderId, row]));
  const plan = planDeliveryRound(
    { lng: site.lng, lat: site.lat },
    rows.map((row) => ({ id: row.orderId, lng: row.lng, lat: row.lat })),
  );
  const items: DeliveryStopDto[] = [];
  for (const planned of plan) {
    const row = byId.get(planned.id);
    if (!row) continue;
    items.push({
      sequence: planned.sequence,
      orderId: row.orderId,
      elderId: row.elderId,
      elderName: row.elderName,
      idNumberMasked: row.idNumberMasked,
      phoneMasked: row.phoneMasked,
      address: row.address,
      regionCode: row.regionCode,
      legMetres: planned.legMetres,
      status: row.status === 'ordered' ? 'toDeliver' : 'delivered',
      deliveredAt: row.status === 'ordered' ? null : (row.redeemedAt?.toISOString() ?? null),
    });
  }
  await deps.audit.record(actor, {
    action: 'meal.deliveryRound',
    resourceType: 'elder',
    resourceIds: items.map((item) => item.elderId),
    details: { siteId: site.id, date: query.date, meal: query.meal, stops: items.length },
    chain: site.countyCode,
  });
  return {
    siteId: site.id,
    siteName: site.name,
    date: query.date,
    meal: query.meal,
    items,
    total: items.length,
    delivered: items.filter((item) => item.status === 'delivered').length,
    roundMetres: plan.reduce((sum, planned) => sum + (planned.legMetres ?? 0), 0),
  };
}
