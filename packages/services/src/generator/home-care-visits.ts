import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db/database.ts';
import { GENERATOR_USER, md5Unit, seededUuidSql } from './sql-random.ts';

/**
 * The effects of one county's generated orders, set-based (home-care-history.ts): a verified visit
 * per completed order (EVV fix near the elder's home, 3 % out of area, 92 % confirmed, tasks done),
 * supervisors' alerts (late, breached, missed, out of area), stars on 35 % of confirmed visits, one
 * subsidy ledger line per provider, elder, month and programme (the visits point at it), and the
 * workers' and providers' rating aggregates recomputed from the ratings.
 */

type CountyEffects = { seed: number; county: string; now: Date };

const iso = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
const epochMs = (column: string) => `extract(epoch FROM ${column}) * 1000`;
const OUT_OF_AREA_SHARE = 0.03;
const CONFIRMED_SHARE = 0.92;
const RATED_SHARE = 0.35;

/**
 * Per service item, its tasks as done (checklist rows of a visit) with `%n$s` in place of each task's
 * time, so a visit's checklist is one format() instead of an aggregate per visit.
 */
const MAX_TASKS = 8;
const taskTemplates = (county: string) =>
  sql`SELECT i.id, coalesce((SELECT '[' || string_agg(left(replace(t.task::text, '%', '%%'), -1)
      || ', "outcome": "done", "note": null, "by": null, "at": "%' || t.n || '$s"}', ', ' ORDER BY t.n) || ']'
    FROM jsonb_array_elements(i.tasks) WITH ORDINALITY AS t(task, n) WHERE t.n <= ${MAX_TASKS}), '[]') AS tasks
  FROM hc_service_items i WHERE i.county_code = ${county}`;

/** Completed generated orders of the county with the facts their visits need. */
function visitSource(p: CountyEffects) {
  const seed = String(p.seed);
  return sql`SELECT o.county_code, o.id, o.elder_id, o.worker_id, o.provider_id, o.service_item_id, o.arrived_at, o.due_at,
      o.subsidy_fen, o.programme, e.lng, e.lat, tpl.tasks, x.vm, md5(x.vm) AS vm2,
      ${md5Unit('x.vm', 0)} < ${OUT_OF_AREA_SHARE} AS out_area, ${md5Unit('x.vm', 1)} < ${CONFIRMED_SHARE} AS confirmed,
      o.arrived_at + make_interval(mins => round(i.duration_minutes * (0.9 + 0.2 * ${md5Unit('x.vm', 2)}))::int) AS out_at
    FROM hc_orders o JOIN elders e ON e.county_code = o.county_code AND e.id = o.elder_id
    JOIN hc_service_items i ON i.county_code = o.county_code AND i.id = o.service_item_id
    JOIN tpl ON tpl.id = o.service_item_id
    CROSS JOIN LATERAL (SELECT md5(${seed} || ':hc-visit:' || o.id::text) AS vm) x
    WHERE o.county_code = ${p.county} AND o.status = 'completed' AND o.created_by = ${GENERATOR_USER}::uuid`;
}

async function insertVisits(db: Db, p: CountyEffects): Promise<number> {
  const seed = String(p.seed);
  const period = `to_char((s.out_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM')`;
  const [result] = await rows<{ n: number }>(
    db,
    sql`WITH tpl AS MATERIALIZED (${taskTemplates(p.county)}), src AS (${visitSource(p)}),
      s AS (SELECT src.*, CASE WHEN src.lng IS NULL THEN NULL WHEN src.out_area THEN 400 + floor(${md5Unit('src.vm2', 0)} * 500)::int
          ELSE 5 + floor(${md5Unit('src.vm2', 0)} * 55)::int END AS dist FROM src),
      ins AS (INSERT INTO hc_visits (county_code, id, order_id, elder_id, worker_id, provider_id, service_item_id, status, check_in_at,
          check_in_lng, check_in_lat, check_in_distance_m, check_in_method, check_out_at, check_out_lng, check_out_lat,
          check_out_distance_m, check_out_method, tolerance_m, tasks, confirmation, flags, verified, subsidy_fen, ledger_entry_id,
          device_id, created_at, updated_at)
        SELECT s.county_code, ${seededUuidSql(epochMs('s.arrived_at'), 's.vm')}, s.id, s.elder_id, s.worker_id, s.provider_id,
          s.service_item_id, 'completed', s.arrived_at, s.lng + s.dist / 111000.0, s.lat, s.dist, 'gps', s.out_at,
          s.lng + s.dist / 111000.0, s.lat, s.dist, 'gps', 200,
          format(s.tasks, ${sql.join(
            Array.from({ length: MAX_TASKS }, (_, index) =>
              iso(`(s.arrived_at + interval '${5 * (index + 1)} minutes')`),
            ),
            sql`, `,
          )})::jsonb,
          CASE WHEN s.confirmed THEN jsonb_build_object('method', 'code', 'at', ${iso('s.out_at')}, 'signatureRef', NULL,
            'by', CASE WHEN ${md5Unit('s.vm2', 1)} < 0.6 THEN 'elder' ELSE 'family' END) END,
          array_remove(ARRAY[CASE WHEN s.arrived_at > s.due_at THEN 'late' END, CASE WHEN s.out_area THEN 'outOfArea' END,
            CASE WHEN NOT s.confirmed THEN 'unconfirmed' END], NULL),
          NOT s.out_area AND s.lng IS NOT NULL, s.subsidy_fen,
          CASE WHEN s.subsidy_fen > 0 THEN ${seededUuidSql(
            String(p.now.getTime()),
            `md5(${seed} || ':hc-ledger:' || s.county_code || s.provider_id::text || s.elder_id::text || ${period} || s.programme)`,
          )} END,
          'generator', s.out_at, s.out_at
        FROM s RETURNING 1)
      SELECT count(*)::int AS n FROM ins`,
  );
  return result?.n ?? 0;
}

/** Late and breached (late arrival), breached and missed (nobody came), out of area (check-in fix). */
async function insertAlerts(db: Db, p: CountyEffects): Promise<void> {
  await db.execute(sql`INSERT INTO hc_alerts (county_code, id, kind, order_id, visit_id, region_code, provider_id, raised_at, due_at)
    SELECT a.county_code, ${seededUuidSql(epochMs('a.raised_at'), 'a.am')}, a.kind, a.order_id, a.visit_id, a.region_code,
      a.provider_id, a.raised_at, a.due_at
    FROM (SELECT o.county_code, k.kind, o.id AS order_id, v.id AS visit_id, o.region_code, o.provider_id, o.due_at,
        CASE WHEN k.kind = 'outOfArea' THEN v.check_in_at ELSE o.due_at END AS raised_at,
        md5(${String(p.seed)} || ':hc-alert:' || o.id::text || k.kind) AS am
      FROM hc_orders o LEFT JOIN hc_visits v ON v.county_code = o.county_code AND v.order_id = o.id
      CROSS JOIN LATERAL unnest(CASE WHEN o.status = 'cancelled' THEN
          CASE WHEN o.clock_alert = 'breached' THEN ARRAY['breached', 'missed'] ELSE ARRAY[]::text[] END
        ELSE array_remove(ARRAY[CASE WHEN o.clock_alert = 'breached' THEN 'late' END,
          CASE WHEN o.clock_alert = 'breached' THEN 'breached' END,
          CASE WHEN 'outOfArea' = ANY (v.flags) THEN 'outOfArea' END], NULL) END) AS k(kind)
      WHERE o.county_code = ${p.county} AND o.created_by = ${GENERATOR_USER}::uuid) a`);
}

/** Stars from the elder or family on a share of confirmed visits; each worker has a steady quality. */
async function insertRatings(db: Db, p: CountyEffects): Promise<void> {
  const score = sql`(0.75 * ${md5Unit('r.rm', 2)} + 0.25 * ${md5Unit('r.wm', 0)})`;
  await db.execute(sql`INSERT INTO service_ratings (county_code, id, region_code, elder_id, rater_kind, provider_id, site_id, stars,
      comment, created_by, created_at, visit_id, worker_id, updated_at)
    SELECT r.county_code, ${seededUuidSql(epochMs('r.rated_at'), 'r.rm')}, r.region_code, r.elder_id,
      CASE WHEN ${md5Unit('r.rm', 1)} < 0.55 THEN 'elder' ELSE 'family' END, r.provider_id, NULL,
      CASE WHEN ${score} < 0.04 THEN 1 WHEN ${score} < 0.08 THEN 2 WHEN ${score} < 0.2 THEN 3 WHEN ${score} < 0.5 THEN 4 ELSE 5 END,
      NULL, NULL, r.rated_at, r.visit_id, r.worker_id, r.rated_at
    FROM (SELECT v.county_code, v.id AS visit_id, v.elder_id, v.worker_id, v.provider_id, o.region_code, x.rm,
        md5(${String(p.seed)} || ':hc-quality:' || v.worker_id::text) AS wm,
        v.check_out_at + make_interval(mins => 10 + floor(${md5Unit('x.rm', 3)} * 600)::int) AS rated_at
      FROM hc_visits v JOIN hc_orders o ON o.county_code = v.county_code AND o.id = v.order_id
      CROSS JOIN LATERAL (SELECT md5(${String(p.seed)} || ':hc-rating:' || v.id::text) AS rm) x
      WHERE v.county_code = ${p.county} AND v.device_id = 'generator' AND v.confirmation IS NOT NULL
        AND ${md5Unit('x.rm', 0)} < ${RATED_SHARE}) r`);
}

/** One payment line per ledger id the visits carry: the month's subsidy of a provider for an elder. */
async function insertLedger(db: Db, p: CountyEffects): Promise<void> {
  const period = `to_char((v.check_out_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM')`;
  await db.execute(sql`INSERT INTO ledger_entries (county_code, id, region_code, programme, payee_kind, payee_id, elder_id, period,
      payer, basis_points, amount_fen, kind, group_id, reverses_id, recovers_id, stop_date, entitlement_id, run_id, clause, reason,
      created_by, created_at)
    SELECT g.county_code, g.id, g.region_code, g.programme, 'institution', g.provider_id, g.elder_id, g.period, 'county', 10000,
      g.fen, 'payment', ${seededUuidSql(String(p.now.getTime()), `md5(g.id::text || ':group')`)}, NULL, NULL, NULL, NULL, NULL,
      '004-r5', '上门服务补贴 home-care visit subsidy, ' || g.visits || ' verified visits', ${GENERATOR_USER}::uuid,
      ${p.now.toISOString()}::timestamptz
    FROM (SELECT v.county_code, v.ledger_entry_id AS id, min(o.region_code) AS region_code, o.programme, v.provider_id, v.elder_id,
        ${sql.raw(period)} AS period, sum(v.subsidy_fen)::bigint AS fen, count(*)::int AS visits
      FROM hc_visits v JOIN hc_orders o ON o.county_code = v.county_code AND o.id = v.order_id
      WHERE v.county_code = ${p.county} AND v.device_id = 'generator' AND v.ledger_entry_id IS NOT NULL
      GROUP BY v.county_code, v.ledger_entry_id, o.programme, v.provider_id, v.elder_id, ${sql.raw(period)}) g`);
}

/** Workers' and providers' rating_sum and rating_count: exactly the sums of their ratings. */
export async function refreshRatingAggregates(db: Db, county: string): Promise<void> {
  await db.execute(sql`UPDATE hc_worker_profiles p SET rating_sum = a.s, rating_count = a.n
    FROM (SELECT worker_id, sum(stars)::int AS s, count(*)::int AS n FROM service_ratings
      WHERE county_code = ${county} AND worker_id IS NOT NULL GROUP BY worker_id) a
    WHERE p.county_code = ${county} AND p.worker_id = a.worker_id`);
  await db.execute(sql`UPDATE hc_providers p SET rating_sum = a.s, rating_count = a.n
    FROM (SELECT provider_id, sum(stars)::int AS s, count(*)::int AS n FROM service_ratings
      WHERE county_code = ${county} AND provider_id IS NOT NULL GROUP BY provider_id) a
    WHERE p.county_code = ${county} AND p.id = a.provider_id`);
}

/** Visits and everything they feed for one county's generated orders; returns the visits written. */
export async function insertVisitEffects(db: Db, p: CountyEffects): Promise<number> {
  const visits = await insertVisits(db, p);
  await insertAlerts(db, p);
  await insertRatings(db, p);
  await insertLedger(db, p);
  await refreshRatingAggregates(db, p.county);
  return visits;
}
