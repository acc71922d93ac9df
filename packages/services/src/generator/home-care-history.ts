import { sql } from 'drizzle-orm';
import type { PriceRule, Quote } from '@kangyang/domain/home-care';
import { shanghaiDay } from '../clock.ts';
import { rows, type Db } from '../db/database.ts';
import { insertEntries, type EntryInsert } from '../ledger/ledger.repo.ts';
import type { Rng } from './rng.ts';
import { seededUuidv7 } from './seeded-id.ts';
import type { GeneratedWorker } from './generate-home-care.ts';

/** Four weeks of home-care orders and verified visits: morning and afternoon peaks, quieter weekends. */
type Elder = {
  id: string;
  countyCode: string;
  region: string;
  lng: number | null;
  lat: number | null;
  categories: string[];
  old: boolean;
};
type Item = {
  id: string;
  countyCode: string;
  category: string;
  priceFen: number;
  durationMinutes: number;
  tasks: { code: string; label: string; labelEn: string }[];
};
type HistoryInput = {
  seed: number;
  now: Date;
  days: number;
  perDay: number;
  workers: GeneratedWorker[];
  prefix: string;
  priceRules: (county: string) => Promise<PriceRule[]>;
  quote: (
    item: { id: string; priceFen: number },
    elder: { categories: readonly string[] },
    profileId: string | null,
    rules: readonly PriceRule[],
  ) => Quote;
};
type Generated = {
  order: Record<string, unknown>;
  visit: Record<string, unknown> | null;
  alerts: string[];
  subsidy: { providerId: string; period: string; programme: string; fen: number } | null;
};

const MINUTE = 60_000;
const SYSTEM_USER = '00000000-0000-7000-8000-000000000000';
const CATEGORY_WEIGHTS: readonly (readonly [string, number])[] = [
  ['personalCare', 30],
  ['housekeeping', 20],
  ['mealDelivery', 15],
  ['healthVisit', 10],
  ['bathing', 8],
  ['shopping', 7],
  ['escort', 5],
  ['companionship', 5],
];
const CHANNELS: readonly (readonly [string, number])[] = [
  ['phone', 35],
  ['app', 25],
  ['carePlan', 20],
  ['staff', 15],
  ['sosCall', 5],
];
const HOURS: readonly (readonly [number, number])[] = [
  [7, 4],
  [8, 10],
  [9, 12],
  [10, 10],
  [11, 5],
  [13, 4],
  [14, 8],
  [15, 8],
  [16, 6],
  [17, 3],
  [19, 2],
];

type VisitContext = {
  elder: Elder;
  item: Item;
  worker: GeneratedWorker;
  serial: number;
  id: string;
  arrivedAt: Date;
  late: boolean;
  subsidyFen: number;
};

function visitOf(rng: Rng, input: HistoryInput, ctx: VisitContext) {
  const { elder, item, worker, id, arrivedAt, late } = ctx;
  const outOfArea = rng.chance(0.03);
  const confirmed = rng.chance(0.92);
  const checkOut = new Date(arrivedAt.getTime() + Math.round(item.durationMinutes * (0.9 + rng.next() * 0.2)) * MINUTE);
  const jitter = (metres: number) => metres / 111_000;
  const home = elder.lng !== null && elder.lat !== null ? { lng: elder.lng, lat: elder.lat } : null;
  const distance = outOfArea ? rng.int(400, 900) : rng.int(5, 60);
  const fix = home ? { lng: home.lng + jitter(distance), lat: home.lat } : null;
  const flags = [...(late ? ['late'] : []), ...(outOfArea ? ['outOfArea'] : []), ...(confirmed ? [] : ['unconfirmed'])];
  const tasks = item.tasks.map((task, index) => ({
    ...task,
    outcome: 'done',
    note: null,
    at: new Date(arrivedAt.getTime() + (index + 1) * 5 * MINUTE).toISOString(),
    by: null,
  }));
  const visit = {
    countyCode: elder.countyCode,
    id: seededUuidv7(input.seed, 0x7669, ctx.serial, arrivedAt.getTime()),
    orderId: id,
    elderId: elder.id,
    workerId: worker.id,
    providerId: worker.providerId,
    itemId: item.id,
    arrivedAt,
    checkOut,
    fix,
    distance: home ? distance : null,
    tasks,
    confirmation: confirmed
      ? { method: 'code', by: rng.chance(0.6) ? 'elder' : 'family', at: checkOut.toISOString(), signatureRef: null }
      : null,
    flags,
    verified: !outOfArea && home !== null,
    subsidyFen: ctx.subsidyFen,
  };
  return { visit, outOfArea, checkOut };
}

function one(
  rng: Rng,
  input: HistoryInput,
  ctx: { elder: Elder; item: Item; worker: GeneratedWorker; rules: PriceRule[]; createdAt: Date; serial: number },
): Generated {
  const { elder, item, worker, createdAt } = ctx;
  const id = seededUuidv7(input.seed, 0x686f, ctx.serial, createdAt.getTime());
  const categories = elder.old ? [...elder.categories, 'advancedAge'] : elder.categories;
  const quote = input.quote(item, { categories }, null, ctx.rules);
  const due = new Date(createdAt.getTime() + 30 * MINUTE);
  const channel = rng.weighted(CHANNELS);
  const base = {
    countyCode: elder.countyCode,
    id,
    region: elder.region,
    elderId: elder.id,
    itemId: item.id,
    channel,
    urgency: channel === 'sosCall' ? 'urgent' : 'routine',
    due,
    providerId: worker.providerId,
    workerId: worker.id,
    quote,
    createdAt,
  };
  if (rng.chance(0.02))
    return {
      order: { ...base, status: 'cancelled', arrivedAt: null, cancelReason: '未上门 missed' },
      visit: null,
      alerts: ['breached', 'missed'],
      subsidy: null,
    };
  const late = rng.chance(0.08);
  const arrivedAt = new Date(createdAt.getTime() + (late ? rng.int(31, 55) : rng.int(6, 29)) * MINUTE);
  const { visit, outOfArea, checkOut } = visitOf(rng, input, {
    ...ctx,
    id,
    arrivedAt,
    late,
    subsidyFen: quote.subsidyFen,
  });
  const alerts = [...(late ? ['late', 'breached'] : []), ...(outOfArea ? ['outOfArea'] : [])];
  const subsidy =
    quote.subsidyFen > 0
      ? {
          providerId: worker.providerId,
          period: shanghaiDay(checkOut).slice(0, 7),
          programme: quote.programme,
          fen: quote.subsidyFen,
        }
      : null;
  return { order: { ...base, status: 'completed', arrivedAt, cancelReason: null }, visit, alerts, subsidy };
}

const iso = (value: unknown): string | null => (value instanceof Date ? value.toISOString() : null);

async function insertOrders(db: Db, batch: Generated[]): Promise<void> {
  await db.execute(sql`INSERT INTO hc_orders (county_code, id, region_code, elder_id, service_item_id, channel, urgency, status, target_minutes, due_at,
      arrived_at, provider_id, worker_id, price_fen, subsidy_fen, elder_pays_fen, price_rule_id, programme, cancel_reason, clock_alert, created_by, created_at, updated_at)
    VALUES ${sql.join(
      batch.map(({ order: o, alerts }) => {
        const q = o['quote'] as Quote;
        const clock = alerts.includes('breached') ? 'breached' : null;
        return sql`(${o['countyCode']}, ${o['id']}, ${o['region']}, ${o['elderId']}, ${o['itemId']}, ${o['channel']}, ${o['urgency']}, ${o['status']}, 30,
          ${iso(o['due'])}::timestamptz, ${iso(o['arrivedAt'])}::timestamptz, ${o['providerId']}, ${o['workerId']}, ${q.priceFen}, ${q.subsidyFen}, ${q.elderPaysFen},
          ${q.ruleId}, ${q.programme}, ${o['cancelReason']}, ${clock}, ${SYSTEM_USER}, ${iso(o['createdAt'])}::timestamptz, ${iso(o['createdAt'])}::timestamptz)`;
      }),
      sql`, `,
    )}`);
}

async function insertVisits(db: Db, visits: Record<string, unknown>[]): Promise<void> {
  if (visits.length === 0) return;
  await db.execute(sql`INSERT INTO hc_visits (county_code, id, order_id, elder_id, worker_id, provider_id, service_item_id, status, check_in_at, check_in_lng,
      check_in_lat, check_in_distance_m, check_in_method, check_out_at, check_out_lng, check_out_lat, check_out_distance_m, check_out_method, tolerance_m, tasks,
      confirmation, flags, verified, subsidy_fen, device_id, created_at, updated_at)
    VALUES ${sql.join(
      visits.map((v) => {
        const fix = v['fix'] as { lng: number; lat: number } | null;
        return sql`(${v['countyCode']}, ${v['id']}, ${v['orderId']}, ${v['elderId']}, ${v['workerId']}, ${v['providerId']}, ${v['itemId']}, 'completed',
          ${iso(v['arrivedAt'])}::timestamptz, ${fix?.lng ?? null}, ${fix?.lat ?? null}, ${v['distance']}, 'gps', ${iso(v['checkOut'])}::timestamptz,
          ${fix?.lng ?? null}, ${fix?.lat ?? null}, ${v['distance']}, 'gps', 200, ${JSON.stringify(v['tasks'])}::jsonb,
          ${v['confirmation'] ? JSON.stringify(v['confirmation']) : null}::jsonb, ${sql.param(v['flags'] as string[])}::text[], ${v['verified']},
          ${v['subsidyFen']}, 'generator', ${iso(v['checkOut'])}::timestamptz, ${iso(v['checkOut'])}::timestamptz)`;
      }),
      sql`, `,
    )}`);
}

async function insertAlerts(db: Db, input: HistoryInput, batch: Generated[], serialBase: number): Promise<void> {
  const list = batch.flatMap((g) => g.alerts.map((kind) => ({ g, kind })));
  if (list.length === 0) return;
  await db.execute(sql`INSERT INTO hc_alerts (county_code, id, kind, order_id, visit_id, region_code, provider_id, raised_at, due_at)
    VALUES ${sql.join(
      list.map(({ g, kind }, index) => {
        const o = g.order;
        return sql`(${o['countyCode']}, ${seededUuidv7(input.seed, 0x616c, serialBase + index, (o['due'] as Date).getTime())}, ${kind}, ${o['id']},
          ${g.visit ? (g.visit['id'] as string) : null}, ${o['region']}, ${o['providerId']}, ${iso(o['due'])}::timestamptz, ${iso(o['due'])}::timestamptz)`;
      }),
      sql`, `,
    )}`);
}

/** One ledger line per provider, elder, month and programme: the month's subsidy total (REL-3 slot). */
async function insertLedger(db: Db, input: HistoryInput, all: Generated[]): Promise<void> {
  const totals = new Map<string, { g: Generated; fen: number; visits: number }>();
  for (const g of all) {
    if (!g.subsidy) continue;
    const key = `${g.order['countyCode']}|${g.subsidy.providerId}|${g.order['elderId']}|${g.subsidy.period}|${g.subsidy.programme}`;
    const found = totals.get(key);
    totals.set(key, { g, fen: (found?.fen ?? 0) + g.subsidy.fen, visits: (found?.visits ?? 0) + 1 });
  }
  const entries: EntryInsert[] = [...totals.values()].map(({ g, fen, visits }, index) => ({
    countyCode: g.order['countyCode'] as string,
    id: seededUuidv7(input.seed, 0x6c65, index, input.now.getTime()),
    regionCode: g.order['region'] as string,
    programme: g.subsidy?.programme ?? 'serviceSubsidy',
    payeeKind: 'institution',
    payeeId: g.subsidy?.providerId ?? '',
    elderId: g.order['elderId'] as string,
    period: g.subsidy?.period ?? '',
    payer: 'county',
    basisPoints: 10_000,
    amountFen: fen,
    kind: 'payment',
    groupId: seededUuidv7(input.seed, 0x6770, index, input.now.getTime()),
    reversesId: null,
    recoversId: null,
    stopDate: null,
    entitlementId: null,
    runId: null,
    clause: '004-r5',
    reason: `上门服务补贴 home-care visit subsidy, ${visits} verified visits`,
    createdBy: SYSTEM_USER,
    createdAt: input.now,
  }));
  await insertEntries(db, entries);
}

async function planOrders(rng: Rng, input: HistoryInput, elders: Elder[], items: Item[]): Promise<Generated[]> {
  const byStreet = new Map<string, GeneratedWorker[]>();
  for (const worker of input.workers)
    byStreet.set(worker.regionCode, [...(byStreet.get(worker.regionCode) ?? []), worker]);
  const regulars = new Map<string, GeneratedWorker>();
  const rules = new Map<string, PriceRule[]>();
  const all: Generated[] = [];
  const dayStart = Date.parse(`${shanghaiDay(input.now)}T00:00:00+08:00`);
  for (let day = input.days; day >= 1; day -= 1) {
    const start = dayStart - day * 86_400_000;
    const weekday = new Date(start + 8 * 3_600_000).getUTCDay();
    const count = Math.round(input.perDay * (weekday === 0 ? 0.7 : weekday === 6 ? 0.85 : 1));
    for (let index = 0; index < count; index += 1) {
      const elder = rng.chance(0.4)
        ? (elders[rng.int(0, Math.min(elders.length, 150) - 1)] as Elder)
        : rng.pick(elders);
      const pool = byStreet.get(elder.region.slice(0, 9)) ?? input.workers;
      const worker = regulars.get(elder.id) ?? rng.pick(pool);
      if (rng.chance(0.7)) regulars.set(elder.id, worker);
      const category = rng.weighted(CATEGORY_WEIGHTS);
      const item =
        items.find((entry) => entry.countyCode === elder.countyCode && entry.category === category) ?? rng.pick(items);
      if (!rules.has(elder.countyCode)) rules.set(elder.countyCode, await input.priceRules(elder.countyCode));
      const createdAt = new Date(start + rng.weighted(HOURS) * 3_600_000 + rng.int(0, 59) * MINUTE);
      all.push(
        one(rng, input, {
          elder,
          item,
          worker,
          rules: rules.get(elder.countyCode) ?? [],
          createdAt,
          serial: all.length,
        }),
      );
    }
  }
  return all;
}

export async function insertHistory(
  db: Db,
  rng: Rng,
  input: HistoryInput,
): Promise<{ orders: number; visits: number }> {
  const elders = await rows<Elder>(
    db,
    sql`SELECT id, county_code AS "countyCode", residence_region_code AS region, lng, lat, categories,
      birth_date <= (${shanghaiDay(input.now)}::date - interval '80 years') AS old FROM elders
    WHERE residence_region_code LIKE ${`${input.prefix}%`} AND status = 'active' ORDER BY id LIMIT 1500`,
  );
  const items = await rows<Item>(
    db,
    sql`SELECT id, county_code AS "countyCode", category, price_fen AS "priceFen", duration_minutes AS "durationMinutes", tasks
    FROM hc_service_items WHERE county_code LIKE ${`${input.prefix.slice(0, 6)}%`}`,
  );
  if (elders.length === 0 || items.length === 0 || input.workers.length === 0) return { orders: 0, visits: 0 };
  const all = await planOrders(rng, input, elders, items);
  for (let from = 0; from < all.length; from += 300) {
    const batch = all.slice(from, from + 300);
    await insertOrders(db, batch);
    await insertVisits(
      db,
      batch.flatMap((g) => (g.visit ? [g.visit] : [])),
    );
    await insertAlerts(db, input, batch, from * 3);
  }
  await insertLedger(db, input, all);
  return { orders: all.length, visits: all.filter((g) => g.visit !== null).length };
}
