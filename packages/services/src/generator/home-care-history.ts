import { sql, type SQL } from 'drizzle-orm';
import type { PriceRule, Quote } from '@kangyang/domain/home-care';
import { SKILL_LEVEL_ORDER } from '@kangyang/domain/home-care';
import { addDays } from '@kangyang/domain/assessment-workflow';
import type { IsoDate } from '@kangyang/domain/units';
import { rows, type Db } from '../db/database.ts';
import { insertVisitEffects } from './home-care-visits.ts';
import { GENERATOR_USER, md5Unit, seededUuidSql } from './sql-random.ts';

/**
 * Home-care order and visit history (issue 6 data, scale.md §2), set-based per county so the `city`
 * scale (≈1,650 home visits a day) stays within minutes: one INSERT … SELECT of orders over
 * generate_series days × orders, every choice an md5 of (seed, county, day, n). Daily pattern:
 * morning and afternoon peaks, a few evening and night calls; weekly: Saturdays 85 %, Sundays 70 %.
 * Each order goes to a worker of the elder's street whose shift on that weekday covers the whole
 * service from check-in, who has the category's skill, certificates and level (else to a worker of
 * the county-wide provider who does); 60 % of an elder's orders keep the same worker pick (continuity).
 * Visits, alerts, ratings, the subsidy ledger and rating aggregates follow (home-care-visits.ts).
 */

export type QuoteFn = (
  item: { id: string; priceFen: number },
  elder: { categories: readonly string[] },
  profileId: string | null,
  rules: readonly PriceRule[],
) => Quote;
export type HistoryInput = {
  seed: number;
  asOf: IsoDate;
  now: Date;
  days: number;
  perDay: number;
  prefix: string;
  priceRules: (county: string) => Promise<PriceRule[]>;
  quote: QuoteFn;
};
type CountyInput = HistoryInput & { county: string; countyPerDay: number; clients: number; quotes: string };

/** Weights of the hour an order is placed (local time): peaks at 9 and 14–15, quiet nights. */
export const HOUR_WEIGHTS: readonly (readonly [number, number])[] = [
  [0, 0.3],
  [2, 0.2],
  [5, 0.6],
  [6, 2],
  [7, 5],
  [8, 10],
  [9, 12],
  [10, 10],
  [11, 5],
  [12, 2],
  [13, 5],
  [14, 8],
  [15, 8],
  [16, 6],
  [17, 3],
  [18, 2],
  [19, 2],
  [20, 1.2],
  [21, 0.6],
  [22, 0.4],
];
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
/** Shares of orders missed (nobody came) and cancelled by the elder; the rest are completed. */
export const MISSED_SHARE = 0.02;
export const CANCELLED_SHARE = 0.04;
const LATE_SHARE = 0.08;
const CONTINUITY_SHARE = 0.6;
/** Clients per order a day: each home-care client is visited about once a week. */
const CLIENTS_PER_DAILY_ORDER = 7;

/** A CASE over cumulative weights of a uniform `u`: the weighted pick in SQL. */
function weightedCase(u: SQL, weights: readonly (readonly [string | number, number])[]): SQL {
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
  let running = 0;
  const literal = (value: string | number) => (typeof value === 'number' ? String(value) : `'${value}'`);
  const branches = weights.slice(0, -1).map(([value, weight]) => {
    running += weight;
    return sql`WHEN ${u} < ${sql.raw(String(running / total))} THEN ${sql.raw(literal(value))}`;
  });
  const last = weights[weights.length - 1]?.[0] ?? 0;
  return sql`(CASE ${sql.join(branches, sql` `)} ELSE ${sql.raw(literal(last))} END)`;
}

const ckeyOf = (asOf: IsoDate) =>
  sql`array_to_string(ARRAY(SELECT unnest(e.categories) ORDER BY 1), ',') || '|'
    || (e.birth_date <= (${asOf}::date - interval '80 years'))::text`;

/** The county's quotes for every (item, elder category set, 80+) key its elders have. */
async function quotesOf(db: Db, county: string, input: HistoryInput): Promise<string> {
  const keys = await rows<{ ckey: string }>(
    db,
    sql`SELECT DISTINCT ${ckeyOf(input.asOf)} AS ckey FROM elders e WHERE e.county_code = ${county} AND e.status = 'active'`,
  );
  const items = await rows<{ id: string; priceFen: number }>(
    db,
    sql`SELECT id, price_fen AS "priceFen" FROM hc_service_items WHERE county_code = ${county}`,
  );
  const rules = await input.priceRules(county);
  const quotes = items.flatMap((item) =>
    keys.map(({ ckey }) => {
      const [list = '', old] = ckey.split('|');
      const categories = [...list.split(',').filter(Boolean), ...(old === 'true' ? ['advancedAge'] : [])];
      const q = input.quote(item, { categories }, null, rules);
      const { priceFen: price, subsidyFen: subsidy, elderPaysFen: pays, ruleId, programme } = q;
      return { item_id: item.id, ckey, price, subsidy, pays, rule_id: ruleId, programme };
    }),
  );
  return JSON.stringify(quotes);
}

const LEVELS = `{${SKILL_LEVEL_ORDER.join(',')}}`;

/** Worker × weekday × check-in hour × category where the shift covers the whole service. */
function slotCtes(p: CountyInput): SQL {
  return sql`items AS MATERIALIZED (SELECT DISTINCT ON (category) id, category, duration_minutes AS dur,
        required_certificates AS certs, coalesce(array_position(${LEVELS}::text[], required_skill_level), 0) AS lvl
      FROM hc_service_items WHERE county_code = ${p.county} AND active AND setting = 'home' ORDER BY category, code),
    levels AS MATERIALIZED (SELECT worker_id, max(array_position(${LEVELS}::text[], skill_level)) AS lvl
      FROM worker_certificates WHERE county_code = ${p.county} GROUP BY worker_id),
    staff AS MATERIALIZED (SELECT p.worker_id, p.provider_id, w.region_code AS street, p.skills, p.certificates, p.shifts,
        length(hp.region_code) = 6 AS countywide, coalesce(l.lvl, 0) AS lvl
      FROM hc_worker_profiles p JOIN workers w ON w.county_code = p.county_code AND w.id = p.worker_id
      JOIN hc_providers hp ON hp.county_code = p.county_code AND hp.id = p.provider_id
      LEFT JOIN levels l ON l.worker_id = p.worker_id
      WHERE p.county_code = ${p.county} AND p.user_id IS NULL),
    shifts AS MATERIALIZED (SELECT worker_id, street, countywide, skills, certificates, lvl, from_m, to_m,
        array_agg(wd) AS days
      FROM (SELECT s.*, (x->>'weekday')::int AS wd,
          split_part(x->>'start', ':', 1)::int * 60 + split_part(x->>'start', ':', 2)::int AS from_m,
          split_part(x->>'end', ':', 1)::int * 60 + split_part(x->>'end', ':', 2)::int AS to_m
        FROM staff s CROSS JOIN LATERAL jsonb_array_elements(s.shifts) AS x) y
      GROUP BY worker_id, street, countywide, skills, certificates, lvl, from_m, to_m),
    slots AS MATERIALIZED (SELECT s.worker_id, s.street, s.countywide, s.days, h.hour, i.category
      FROM shifts s JOIN items i ON i.category = ANY (s.skills) AND i.certs <@ s.certificates AND s.lvl >= i.lvl
      CROSS JOIN LATERAL generate_series(ceil(s.from_m / 60.0)::int, floor((s.to_m - i.dur - 59) / 60.0)::int) AS h(hour)),
    street_slots AS MATERIALIZED (SELECT s.*, row_number() OVER w - 1 AS i, count(*) OVER (PARTITION BY street, hour, category) AS n
      FROM slots s WINDOW w AS (PARTITION BY street, hour, category ORDER BY worker_id, days)),
    county_slots AS MATERIALIZED (SELECT s.*, row_number() OVER w - 1 AS i, count(*) OVER (PARTITION BY hour, category) AS n
      FROM slots s WHERE countywide WINDOW w AS (PARTITION BY hour, category ORDER BY worker_id, days)),
    street_sizes AS MATERIALIZED (SELECT DISTINCT street, hour, category, n FROM street_slots),
    county_sizes AS MATERIALIZED (SELECT DISTINCT hour, category, n FROM county_slots)`;
}

/**
 * A bucket holds the workers of a street (or county-wide) on shift for a check-in hour and category;
 * the order tries its pick and the next two, taking the first whose shift runs on the order's weekday.
 */
const CANDIDATES = [0, 1, 2];
const pickSql = (alias: string) =>
  sql.raw(
    `(CASE ${CANDIDATES.map((n) => `WHEN k.wd = ANY (${alias}${n}.days) THEN ${alias}${n}.worker_id`).join(' ')} END)`,
  );
const candidateJoins = (table: string, alias: string, sizes: string, byStreet: boolean) =>
  sql.raw(
    CANDIDATES.map((n) => {
      const a = `${alias}${n}`;
      const street = byStreet ? `${a}.street = k.street AND ` : '';
      return `LEFT JOIN ${table} ${a} ON ${street}${a}.hour = k.in_hour AND ${a}.category = k.category
        AND ${a}.i = (floor(k.wu * ${sizes}.n)::int + ${n}) % ${sizes}.n`;
    }).join('\n      '),
  );

/** Days × orders, each with its elder, time, status, category and check-in. */
function orderCtes(p: CountyInput): SQL {
  const seed = String(p.seed);
  const last = addDays(p.asOf, -1);
  const first = addDays(p.asOf, -p.days);
  return sql`clients AS MATERIALIZED (SELECT x.*, (row_number() OVER (ORDER BY x.em) - 1)::int AS k FROM (
        SELECT e.id, e.residence_region_code AS region, left(e.residence_region_code, 9) AS street, ${ckeyOf(p.asOf)} AS ckey,
          md5(${seed} || ':hc-client:' || e.id::text) AS em
        FROM elders e WHERE e.county_code = ${p.county} AND e.status = 'active' AND e.residence_region_code LIKE ${`${p.prefix}%`}
        ORDER BY em LIMIT ${p.clients}) x),
    raw AS MATERIALIZED (SELECT d.day, md5(${seed} || ':hc-order:' || ${p.county}::text || ':' || d.day::text || ':' || g.n::text) AS m
      FROM (SELECT d::date AS day, md5(${seed} || ':hc-day:' || ${p.county}::text || ':' || d::date::text) AS dm
        FROM generate_series(${first}::date, ${last}::date, interval '1 day') AS d) d
      CROSS JOIN LATERAL generate_series(1, round(${p.countyPerDay}::float8
        * CASE extract(isodow FROM d.day)::int WHEN 7 THEN 0.7 WHEN 6 THEN 0.85 ELSE 1 END
        * (0.9 + 0.2 * ${md5Unit('d.dm', 0)}))::int) AS g(n)),
    hashed AS MATERIALIZED (SELECT r.day, r.m, md5(r.m) AS m2, md5(md5(r.m)) AS m3 FROM raw r),
    planned AS MATERIALIZED (SELECT h.day, h.m, ${weightedCase(md5Unit('h.m', 0), HOUR_WEIGHTS)} AS hour,
        floor(${md5Unit('h.m', 3)} * 60)::int AS minute,
        floor(${md5Unit('h.m', 2)} * CASE WHEN ${md5Unit('h.m', 1)} < 0.4 THEN greatest(1, ${p.clients}::int / 10)
          ELSE ${p.clients}::int END)::int AS k,
        ${md5Unit('h.m2', 1)} < ${LATE_SHARE} AS late,
        CASE WHEN ${md5Unit('h.m2', 0)} < ${MISSED_SHARE} THEN 'missed'
          WHEN ${md5Unit('h.m2', 0)} < ${MISSED_SHARE + CANCELLED_SHARE} THEN 'cancelled' ELSE 'completed' END AS outcome,
        ${md5Unit('h.m2', 2)} AS u_offset, ${weightedCase(md5Unit('h.m2', 3), CATEGORY_WEIGHTS)} AS category,
        ${weightedCase(md5Unit('h.m3', 2), CHANNELS)} AS channel, ${md5Unit('h.m3', 0)} < ${CONTINUITY_SHARE} AS regular,
        ${md5Unit('h.m3', 1)} AS u_worker
      FROM hashed h),
    timed AS MATERIALIZED (SELECT p.*, c.id AS elder_id, c.region, c.street, c.ckey,
        CASE WHEN p.regular THEN ${md5Unit('c.em', 0)} ELSE p.u_worker END AS wu,
        p.day + make_interval(hours => p.hour, mins => p.minute) AS local_created,
        p.day + make_interval(hours => p.hour, mins => p.minute + (CASE WHEN p.late THEN 31 + floor(p.u_offset * 25)
          ELSE 6 + floor(p.u_offset * 24) END)::int) AS local_in
      FROM planned p JOIN clients c ON c.k = p.k),
    keyed AS MATERIALIZED (SELECT t.*, extract(isodow FROM t.local_in)::int AS wd, extract(hour FROM t.local_in)::int AS in_hour
      FROM timed t),
    street_pick AS MATERIALIZED (SELECT k.*, ${pickSql('ss')} AS street_worker
      FROM keyed k LEFT JOIN street_sizes sn ON sn.street = k.street AND sn.hour = k.in_hour AND sn.category = k.category
      ${candidateJoins('street_slots', 'ss', 'sn', true)}),
    assigned AS MATERIALIZED (SELECT k.*, coalesce(k.street_worker, ${pickSql('cs')}) AS worker_id
      FROM street_pick k LEFT JOIN county_sizes cn ON k.street_worker IS NULL AND cn.hour = k.in_hour AND cn.category = k.category
      ${candidateJoins('county_slots', 'cs', 'cn', false)})`;
}

/** A local Asia/Shanghai timestamp (no daylight saving) as an instant. */
const utcOf = (local: string) => `((${local} - interval '8 hours') AT TIME ZONE 'UTC')`;
const utc = (local: string) => sql.raw(utcOf(local));

/** One county's orders in one INSERT … SELECT (with room to sort its slots in memory); returns how many it wrote. */
async function insertCountyOrders(db: Db, p: CountyInput): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
    return countyOrders(tx, p);
  });
}

async function countyOrders(tx: Db, p: CountyInput): Promise<number> {
  const created = utc('a.local_created');
  const [result] = await rows<{ n: number }>(
    tx,
    sql`WITH quotes AS (SELECT * FROM jsonb_to_recordset(${p.quotes}::jsonb)
          AS q(item_id uuid, ckey text, price int, subsidy int, pays int, rule_id uuid, programme text)),
      ${slotCtes(p)}, ${orderCtes(p)},
      ins AS (INSERT INTO hc_orders (county_code, id, region_code, elder_id, service_item_id, channel, urgency, status, target_minutes,
          due_at, arrived_at, provider_id, worker_id, price_fen, subsidy_fen, elder_pays_fen, price_rule_id, programme, cancel_reason,
          clock_alert, created_by, created_at, updated_at)
        SELECT ${p.county}::text, ${seededUuidSql(`extract(epoch FROM ${utcOf('a.local_created')}) * 1000`, 'a.m')},
          a.region, a.elder_id, i.id, a.channel, CASE WHEN a.channel = 'sosCall' THEN 'urgent' ELSE 'routine' END,
          CASE WHEN a.outcome = 'completed' THEN 'completed' ELSE 'cancelled' END, 30, ${created} + interval '30 minutes',
          CASE WHEN a.outcome = 'completed' THEN ${utc('a.local_in')} END, st.provider_id, a.worker_id, q.price, q.subsidy, q.pays,
          q.rule_id, q.programme,
          CASE a.outcome WHEN 'missed' THEN '未上门 missed' WHEN 'cancelled' THEN '老人取消 cancelled by the elder' END,
          CASE WHEN a.outcome = 'missed' OR (a.outcome = 'completed' AND a.late) THEN 'breached' END,
          ${GENERATOR_USER}::uuid, ${created}, ${created}
        FROM assigned a JOIN staff st ON st.worker_id = a.worker_id JOIN items i ON i.category = a.category
        JOIN quotes q ON q.item_id = i.id AND q.ckey = a.ckey
        RETURNING 1)
      SELECT count(*)::int AS n FROM ins`,
  );
  return result?.n ?? 0;
}

/** Orders, visits and their effects for every county under the prefix; per-county volume by its elders. */
export async function insertHistory(db: Db, input: HistoryInput): Promise<{ orders: number; visits: number }> {
  const counties = await rows<{ county: string; elders: number }>(
    db,
    sql`SELECT county_code AS county, count(*)::int AS elders FROM elders
      WHERE residence_region_code LIKE ${`${input.prefix}%`} AND status = 'active'
        AND county_code IN (SELECT DISTINCT county_code FROM hc_service_items)
      GROUP BY county_code ORDER BY county_code`,
  );
  const total = counties.reduce((sum, row) => sum + row.elders, 0);
  let orders = 0;
  let visits = 0;
  for (const { county, elders } of counties) {
    const countyPerDay = (input.perDay * elders) / Math.max(1, total);
    const clients = Math.min(elders, Math.max(20, Math.round(countyPerDay * CLIENTS_PER_DAILY_ORDER)));
    const quotes = await quotesOf(db, county, input);
    orders += await insertCountyOrders(db, { ...input, county, countyPerDay, clients, quotes });
    visits += await insertVisitEffects(db, { seed: input.seed, county, now: input.now });
  }
  return { orders, visits };
}
