import type { Database } from '@kangyang/services';

const LEVELS = ['intact', 'mild', 'moderate', 'severe', 'complete'] as const;
const TEST_AGENCY_ID = '00000000-0000-7000-8000-00000000a9e1';

export type ApprovedAssessment = {
  elderId: string;
  countyCode: string;
  /** Final level ordinal 0–4 (assessment.md §1). */
  ordinal: number;
  validUntil?: string | undefined;
  dementiaDiagnosis?: boolean | undefined;
  instrument?: string | undefined;
};

/** A SQL literal of a test value (the harness's `exec` takes no parameters). */
const literal = (value: string | number | boolean): string =>
  typeof value === 'string' ? `'${value.replace(/'/g, "''")}'` : String(value);

/**
 * Writes an approved assessment straight into the assessment module's table (migration 0005), for
 * tests of modules that read the current level (eligibility, POL-4). The approval workflow itself
 * is tested by the assessment module; this only sets the state it ends in.
 */
export async function insertApprovedAssessment(database: Database, assessment: ApprovedAssessment): Promise<void> {
  const level = LEVELS[assessment.ordinal] ?? 'intact';
  const dementia = assessment.dementiaDiagnosis ?? false;
  const agency = literal(TEST_AGENCY_ID);
  const values = [
    literal(assessment.countyCode),
    'gen_random_uuid()',
    literal(assessment.elderId),
    literal(assessment.instrument ?? 'gbt42195-2022'),
    `'test', 'first', 'test', '2026-01-01', 'approved'`,
    agency,
    `'2026-01-15', '2026-01-10', '{}'`,
    `${literal(JSON.stringify({ dementiaDiagnosis: dementia }))}::jsonb`,
    `'test', '{}', '{}'`,
    literal(level),
    literal(assessment.ordinal),
    literal(dementia),
    'now()',
    literal(assessment.validUntil ?? '2027-06-30'),
    'now(), now()',
  ];
  await database.exec(`
    INSERT INTO organisations (id, name, kind, region_code, created_at)
      VALUES (${agency}, '测试评估机构', 'assessmentAgency', '33', now()) ON CONFLICT DO NOTHING;
    INSERT INTO assessment_agencies (id, name, region_code, created_at)
      VALUES (${agency}, '测试评估机构', '33', now()) ON CONFLICT DO NOTHING;
    INSERT INTO assessments (county_code, id, elder_id, instrument, instrument_version, reason, trigger, trigger_date,
        state, agency_id, due_date, assessment_date, supporting, flags, content_hash, settings, result, final_level,
        final_level_ordinal, dementia, approved_at, valid_until, created_at, updated_at)
      VALUES (${values.join(', ')});`);
}
