import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { INSTRUMENTS, score, type AssessmentSettings } from '@kangyang/domain/assessment';
import { createRng } from './rng.ts';
import { rows } from '../db/database.ts';
import { createAccount } from '../auth/accounts.ts';
import { contentHashOf } from '../assessments/assessment-mapper.ts';
import { generateDataset } from './generate-dataset.ts';
import { answersForTotal, generateAssessmentHistories } from './assessments.ts';

/**
 * Demo assessment histories (issue 4 "Data"): most intact, a share impaired rising with age, earlier
 * results superseded, some expired for the due list, every result reproducible from its answers.
 */

let context: TestContext;
let written = 0;
const AS_OF = '2026-10-31';

beforeAll(async () => {
  context = await openTestServices({ regions: false });
  await generateDataset(context.services, { scale: 'toy', seed: 1 });
  for (const [username, role] of [
    ['assessor', 'assessor'],
    ['assessor2', 'assessor'],
    ['district', 'civilAffairsAdmin'],
  ] as const) {
    await createAccount(
      context.database.db,
      { username, displayName: username, password: 'Kangyang-Test-2026!', grants: [{ role, regionCode: '330102' }] },
      context.clock.now(),
    );
  }
  written = await generateAssessmentHistories(context.services, { seed: 1, asOf: AS_OF as never });
});
afterAll(async () => context.close());

type Row = { age_band: string; elders: number; assessed: number; impaired: number };

describe('generated assessment histories', () => {
  it('answersForTotal hits every total of the GB/T range exactly without a coma answer', () => {
    const rng = createRng(7);
    for (const total of [90, 89, 66, 46, 30, 2]) {
      const answers = answersForTotal(rng, total);
      expect(Object.values(answers).reduce((sum, points) => sum + points, 0)).toBe(total);
      expect(answers['mental.consciousness']).toBeGreaterThanOrEqual(1);
    }
  });

  it('writes a demo agency with five qualified assessors, the two demo assessor accounts among them', async () => {
    const agencies = await context.services.assessments.agencies.list(
      (await import('@kangyang/test-kit/actors')).actorWith('civilAffairsAdmin', '330102'),
    );
    expect(agencies).toHaveLength(1);
    expect(agencies[0]).toMatchObject({ qualifiedAssessors: 5, understaffed: false });
    expect(agencies[0]?.assessors.filter((assessor) => assessor.userId !== null)).toHaveLength(2);
  });

  it('assesses a share that rises with age, and impairment rises with age', async () => {
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
    const impaired = ['60s', '80s'].map((band) =>
      share(
        band,
        (row) => row.impaired,
        (row) => row.assessed,
      ),
    );
    expect(impaired[0]).toBeLessThan(impaired[1] ?? 0);
    const levels = await rows<{ level: string; n: number }>(
      context.database.db,
      sql`SELECT final_level AS level, count(*)::int AS n FROM assessments WHERE state = 'approved' GROUP BY 1`,
    );
    const count = (level: string) => levels.find((row) => row.level === level)?.n ?? 0;
    expect(count('intact')).toBeGreaterThan(count('mild'));
    for (const level of ['mild', 'moderate', 'severe', 'complete']) expect(count(level)).toBeGreaterThan(0);
    expect(written).toBeGreaterThan(100);
  });

  it('keeps earlier results as superseded, one approved per elder, and some expired for the due list', async () => {
    const [facts] = await rows<{
      superseded: number;
      approved: number;
      elders: number;
      expired: number;
      dangling: number;
    }>(
      context.database.db,
      sql`SELECT count(*) FILTER (WHERE state = 'superseded')::int AS superseded,
            count(*) FILTER (WHERE state = 'approved')::int AS approved,
            count(DISTINCT elder_id) FILTER (WHERE state = 'approved')::int AS elders,
            count(*) FILTER (WHERE state = 'approved' AND valid_until < ${AS_OF}::date)::int AS expired,
            count(*) FILTER (WHERE state = 'superseded' AND superseded_by IS NULL)::int AS dangling
          FROM assessments`,
    );
    expect(facts?.superseded).toBeGreaterThan(0);
    expect(facts?.approved).toBe(facts?.elders);
    expect(facts?.dangling).toBe(0);
    expect(facts?.expired).toBeGreaterThan(0);
    expect(facts?.expired).toBeLessThan((facts?.approved ?? 0) / 2);
  });

  it('every stored result re-scores to itself and its signatures hash the stored content (§10)', async () => {
    const stored = await rows<{
      answers: Record<string, number>;
      flags: unknown;
      settings: AssessmentSettings;
      final_level: string;
      total: number;
      content_hash: string;
      signatures: { hash: string }[];
    }>(
      context.database.db,
      sql`SELECT answers, flags, settings, final_level, total, content_hash, signatures FROM assessments WHERE state IN ('approved', 'superseded')`,
    );
    for (const row of stored) {
      const scored = score(INSTRUMENTS['gbt42195-2022'], row.answers, row.flags, row.settings);
      expect(scored.ok && [scored.value.finalLevel, scored.value.total]).toEqual([row.final_level, row.total]);
      expect(contentHashOf('gbt42195-2022/r1', row.answers, row.flags as never)).toBe(row.content_hash);
      expect(row.signatures.map((signature) => signature.hash)).toEqual([row.content_hash, row.content_hash]);
    }
  });

  it('leaves open tasks for the demo assessor', async () => {
    const [open] = await rows<{ draft: number; submitted: number }>(
      context.database.db,
      sql`SELECT count(*) FILTER (WHERE state = 'draft')::int AS draft, count(*) FILTER (WHERE state = 'submitted')::int AS submitted
          FROM assessments a JOIN assessors s ON s.id = a.assessor_ids[1] JOIN users u ON u.id = s.user_id WHERE u.username = 'assessor'`,
    );
    expect(open?.draft).toBeGreaterThan(5);
    expect(open?.submitted).toBe(1);
  });
});
