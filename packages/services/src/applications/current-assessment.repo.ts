import { sql } from 'drizzle-orm';
import { INSTRUMENTS, type AssessmentFacts, type Instrument } from '@kangyang/domain/eligibility';
import { isoDate } from '@kangyang/domain/units';
import { rows, type Db } from '../db/database.ts';

/**
 * The elder's current capability level for eligibility (assessment.md §1, §9), read from the
 * assessment module's `assessments` table (migration 0005, built alongside). Until that table
 * exists this answers null, and eligibility reports NO_ASSESSMENT. Kept in this one file so the
 * read can follow the assessment module's final shape.
 */
export type CurrentAssessment = AssessmentFacts & { readonly finalLevel: string | null };

type AssessmentRow = {
  instrument: string;
  final_level: string | null;
  final_level_ordinal: number | string;
  valid_until: string;
  dementia_diagnosis: boolean;
};

const isInstrument = (value: string): value is Instrument => (INSTRUMENTS as readonly string[]).includes(value);

export async function assessmentsTableExists(db: Db): Promise<boolean> {
  const [found] = await rows<{ present: boolean }>(db, sql`SELECT to_regclass('assessments') IS NOT NULL AS present`);
  return found?.present === true;
}

/**
 * The latest approved assessment of the elder, preferring the instrument eligibility reads
 * (GB/T 42195-2022 unless a profile names another); null when there is none or no table yet.
 * `dementia` is the `dementiaDiagnosis` flag or the module's `dementia` column (read through to_jsonb so the
 * query survives that column's absence); the caller adds the declared category.
 */
export async function currentAssessmentOf(
  db: Db,
  elderId: string,
  preferredInstrument: Instrument = 'gbt42195-2022',
): Promise<CurrentAssessment | null> {
  if (!(await assessmentsTableExists(db))) return null;
  const [row] = await rows<AssessmentRow>(
    db,
    sql`SELECT a.instrument, a.final_level, a.final_level_ordinal, a.valid_until::text AS valid_until,
               coalesce(a.flags->>'dementiaDiagnosis', 'false') = 'true'
                 OR coalesce((to_jsonb(a)->>'dementia')::boolean, false) AS dementia_diagnosis
          FROM assessments a
         WHERE a.elder_id = ${elderId} AND a.state = 'approved' AND a.final_level_ordinal IS NOT NULL
         ORDER BY (a.instrument = ${preferredInstrument}) DESC, a.valid_until DESC
         LIMIT 1`,
  );
  if (!row || !isInstrument(row.instrument)) return null;
  return {
    instrument: row.instrument,
    finalLevel: row.final_level,
    finalLevelOrdinal: Number(row.final_level_ordinal),
    dementia: row.dementia_diagnosis,
    validUntil: isoDate(row.valid_until),
  };
}
