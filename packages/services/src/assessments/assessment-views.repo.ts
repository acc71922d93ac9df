import { sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../db/database.ts';
import { scopeCondition } from '../elders/elder.repo.ts';

/**
 * Read models of the assessment views (ASM-6, ASM-10): the reassessment-due list with counts by
 * month, and agency workload. Scope is applied in the WHERE on the elder's residence (AZ-2).
 */

export type DueFilter = {
  scopes: readonly string[];
  region?: string | undefined;
  instrument: string;
  horizon: string;
};

function dueWhere(filter: DueFilter): SQL {
  const region = filter.region ? sql`AND elders.residence_region_code LIKE ${`${filter.region}%`}` : sql``;
  return sql`a.state = 'approved' AND a.instrument = ${filter.instrument} AND a.valid_until <= ${filter.horizon}::date
    AND elders.status = 'active' AND ${scopeCondition(filter.scopes)} ${region}`;
}

export type DueRow = {
  elder_id: string;
  elder_name: string;
  residence_region_code: string;
  assessment_id: string;
  instrument: string;
  final_level: string;
  valid_until: string;
  open_task_id: string | null;
};

export async function dueItems(db: Db, filter: DueFilter, limit: number, offset: number): Promise<DueRow[]> {
  return rows<DueRow>(
    db,
    sql`SELECT a.elder_id, elders.name AS elder_name, elders.residence_region_code, a.id AS assessment_id, a.instrument,
          a.final_level, to_char(a.valid_until, 'YYYY-MM-DD') AS valid_until,
          (SELECT o.id FROM assessments o WHERE o.county_code = a.county_code AND o.elder_id = a.elder_id
             AND o.instrument = a.instrument AND o.state IN ('draft', 'submitted', 'returned') LIMIT 1) AS open_task_id
        FROM assessments a JOIN elders ON elders.id = a.elder_id
        WHERE ${dueWhere(filter)}
        ORDER BY a.valid_until, a.id LIMIT ${limit} OFFSET ${offset}`,
  );
}

/** Counts by due month, plus the expired and due-soon totals relative to `today` and `dueFrom`. */
export async function dueCounts(
  db: Db,
  filter: DueFilter,
  today: string,
  dueSoonUntil: string,
): Promise<{ months: { month: string; count: number }[]; expired: number; dueSoon: number }> {
  const months = await rows<{ month: string; count: number; expired: number; due_soon: number }>(
    db,
    sql`SELECT to_char(a.valid_until, 'YYYY-MM') AS month, count(*)::int AS count,
          count(*) FILTER (WHERE a.valid_until < ${today}::date)::int AS expired,
          count(*) FILTER (WHERE a.valid_until >= ${today}::date AND a.valid_until <= ${dueSoonUntil}::date)::int AS due_soon
        FROM assessments a JOIN elders ON elders.id = a.elder_id
        WHERE ${dueWhere(filter)}
        GROUP BY 1 ORDER BY 1`,
  );
  return {
    months: months.map((row) => ({ month: row.month, count: row.count })),
    expired: months.reduce((sum, row) => sum + row.expired, 0),
    dueSoon: months.reduce((sum, row) => sum + row.due_soon, 0),
  };
}

/** Approved assessments due by `horizon` without an open task: the routine tasks to open. */
export async function dueWithoutTask(
  db: Db,
  filter: DueFilter,
  limit: number,
): Promise<{ elder_id: string; county_code: string; valid_until: string; id: string }[]> {
  return rows(
    db,
    sql`SELECT a.elder_id, a.county_code, to_char(a.valid_until, 'YYYY-MM-DD') AS valid_until, a.id
        FROM assessments a JOIN elders ON elders.id = a.elder_id
        WHERE ${dueWhere(filter)} AND NOT EXISTS (SELECT 1 FROM assessments o WHERE o.county_code = a.county_code
          AND o.elder_id = a.elder_id AND o.instrument = a.instrument AND o.state IN ('draft', 'submitted', 'returned'))
        ORDER BY a.valid_until, a.id LIMIT ${limit}`,
  );
}

export type WorkloadRow = {
  agency_id: string;
  draft: number;
  submitted: number;
  returned: number;
  approved_this_month: number;
  overdue: number;
};

/** Per agency: open tasks by state, approvals in the month (Asia/Shanghai), and overdue open tasks. */
export async function workloadRows(
  db: Db,
  filter: {
    scopes: readonly string[];
    region?: string | undefined;
    monthStart: string;
    nextMonthStart: string;
    today: string;
  },
): Promise<WorkloadRow[]> {
  const region = filter.region ? sql`AND elders.residence_region_code LIKE ${`${filter.region}%`}` : sql``;
  return rows<WorkloadRow>(
    db,
    sql`SELECT a.agency_id,
          count(*) FILTER (WHERE a.state = 'draft')::int AS draft,
          count(*) FILTER (WHERE a.state = 'submitted')::int AS submitted,
          count(*) FILTER (WHERE a.state = 'returned')::int AS returned,
          count(*) FILTER (WHERE a.approved_at >= (${filter.monthStart}::timestamp AT TIME ZONE 'Asia/Shanghai')
            AND a.approved_at < (${filter.nextMonthStart}::timestamp AT TIME ZONE 'Asia/Shanghai'))::int AS approved_this_month,
          count(*) FILTER (WHERE a.state IN ('draft', 'submitted', 'returned') AND a.due_date < ${filter.today}::date)::int AS overdue
        FROM assessments a JOIN elders ON elders.id = a.elder_id
        WHERE (a.state IN ('draft', 'submitted', 'returned') OR a.approved_at >= (${filter.monthStart}::timestamp AT TIME ZONE 'Asia/Shanghai'))
          AND ${scopeCondition(filter.scopes)} ${region}
        GROUP BY a.agency_id`,
  );
}
