import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { INSTRUMENTS, score, validUntil, type AssessmentSettings } from '@kangyang/domain/assessment';
import type { IsoDate } from '@kangyang/domain/units';
import { rows } from '../db/database.ts';
import { contentHashOf } from '../assessments/assessment-mapper.ts';
import { generateDataset } from './generate-dataset.ts';
import { generateCityAssessments } from './city-assessments.ts';

/**
 * City-scale assessment histories (issue 4 "Data"), run on the toy district as a city-like fixture:
 * an agency per county, a share assessed and impaired rising with age, every stored result scoring
 * exactly as the domain does, the same rows for the same seed.
 */

const AS_OF = '2026-10-31' as IsoDate;
const opened: TestContext[] = [];
let context: TestContext;
let written = 0;

async function generated(seed: number): Promise<{ context: TestContext; written: number }> {
  const opening = await openTestServices({ regions: false });
  opened.push(opening);
  await generateDataset(opening.services, { scale: 'toy', seed });
  const count = await generateCityAssessments(opening.services, { seed, asOf: AS_OF, regionPrefix: '330102' });
  return { context: opening, written: count };
}

beforeAll(async () => {
  ({ context, written } = await generated(1));
});
afterAll(async () => {
  for (const each of opened) await each.close();
});

type Row = { age_band: string; elders: number; assessed: number; impaired: number };

describe('city assessment histories (set-based)', () => {
  it('adds one agency with five assessors per county and one approved result per assessed elder', async () => {
    const [facts] = await rows<{
      agencies: number;
      assessors: number;
      all: number;
      approved: number;
      superseded: number;
      elders: number;
      steps: number;
      linked: number;
      firsts: number;
    }>(
      context.database.db,
      sql`SELECT (SELECT count(*)::int FROM assessment_agencies) AS agencies,
            (SELECT count(*)::int FROM assessors) AS assessors,
            (SELECT count(*)::int FROM assessments) AS all,
            (SELECT count(*)::int FROM assessments WHERE state = 'approved') AS approved,
            (SELECT count(*)::int FROM assessments WHERE state = 'superseded') AS superseded,
            (SELECT count(DISTINCT elder_id)::int FROM assessments) AS elders,
            (SELECT count(*)::int FROM assessment_transitions) AS steps,
            (SELECT count(*)::int FROM assessments o JOIN assessments n ON n.id = o.superseded_by AND n.supersedes = o.id
              AND n.elder_id = o.elder_id AND n.assessment_date > o.assessment_date AND o.approved_at < n.approved_at) AS linked,
            (SELECT count(*)::int FROM assessments WHERE reason = 'first') AS firsts`,
    );
    expect(facts).toMatchObject({ agencies: 1, assessors: 5, all: written, approved: facts?.elders });
    expect(facts?.superseded).toBeGreaterThan(0);
    expect(facts?.linked).toBe(facts?.superseded);
    expect(facts?.firsts).toBe(facts?.elders);
    expect(facts?.steps).toBe(written * 3 + (facts?.superseded ?? 0));
    expect(written).toBeGreaterThan(60);
  });

  it('assesses a share that rises with age, and the share impaired rises with age', async () => {
    const byBand = await rows<Row>(
      context.database.db,
      sql`SELECT CASE WHEN age < 70 THEN '60s' WHEN age < 80 THEN '70s' WHEN age < 90 THEN '80s' ELSE '90+' END AS age_band,
            count(*)::int AS elders, count(a.id)::int AS assessed,
            count(a.id) FILTER (WHERE a.final_level_ordinal >= 1)::int AS impaired
          FROM (SELECT id, extract(year FROM age(${AS_OF}::date, birth_date))::int AS age FROM elders) e
          LEFT JOIN assessments a ON a.elder_id = e.id AND a.state = 'approved'
          GROUP BY 1 ORDER BY 1`,
    );
    const share = (band: string, pick: (row: Row) => number, of: (row: Row) => number) => {
      const row = byBand.find((entry) => entry.age_band === band);
      return row && of(row) > 0 ? pick(row) / of(row) : 0;
    };
    const assessed = ['60s', '70s', '80s'].map((band) =>
      share(
        band,
        (row) => row.assessed,
        (row) => row.elders,
      ),
    );
    expect(assessed[0]).toBeLessThan(assessed[1] ?? 0);
    expect(assessed[1]).toBeLessThan(assessed[2] ?? 0);
    const impairedOfElders = ['60s', '70s', '80s'].map((band) =>
      share(
        band,
        (row) => row.impaired,
        (row) => row.elders,
      ),
    );
    expect(impairedOfElders[0]).toBeLessThan(impairedOfElders[1] ?? 0);
    expect(impairedOfElders[1]).toBeLessThan(impairedOfElders[2] ?? 0);
    const [intact] = await rows<{ intact: number }>(
      context.database.db,
      sql`SELECT count(*) FILTER (WHERE final_level = 'intact')::int AS intact FROM assessments`,
    );
    expect(intact?.intact).toBeGreaterThan(written / 3);
  });

  it('every stored result re-scores to itself, its signatures hash the stored content and validity is the setting', async () => {
    const stored = await rows<{
      answers: Record<string, number>;
      flags: unknown;
      settings: AssessmentSettings;
      final_level: string;
      final_level_ordinal: number;
      total: number;
      content_hash: string;
      signatures: { hash: string; name: string }[];
      assessment_date: string;
      valid_until: string;
    }>(
      context.database.db,
      sql`SELECT answers, flags, settings, final_level, final_level_ordinal, total, content_hash, signatures,
            assessment_date::text AS assessment_date, valid_until::text AS valid_until FROM assessments`,
    );
    expect(stored).toHaveLength(written);
    for (const row of stored) {
      const scored = score(INSTRUMENTS['gbt42195-2022'], row.answers, row.flags, row.settings);
      expect(scored.ok && [scored.value.finalLevel, scored.value.total]).toEqual([row.final_level, row.total]);
      expect(contentHashOf('gbt42195-2022/r1', row.answers, row.flags as never)).toBe(row.content_hash);
      expect(row.signatures.map((signature) => signature.hash)).toEqual([row.content_hash, row.content_hash]);
      expect(row.signatures.every((signature) => signature.name.length > 0)).toBe(true);
      expect(row.valid_until).toBe(validUntil(row.assessment_date as IsoDate, row.settings.validityMonths));
    }
  });

  it('writes the same rows for the same seed', async () => {
    const again = await generated(1);
    const digest = (each: TestContext) =>
      rows<{ digest: string }>(
        each.database.db,
        sql`SELECT md5(string_agg(id::text || elder_id::text || final_level || total || content_hash || approved_at::text, ','
              ORDER BY county_code, id)) AS digest FROM assessments`,
      );
    expect(again.written).toBe(written);
    expect(await digest(again.context)).toEqual(await digest(context));
  });
});
