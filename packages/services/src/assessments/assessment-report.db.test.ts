import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { actorWith } from '@kangyang/test-kit/actors';
import { rows } from '../db/database.ts';
import { createAccount } from '../auth/accounts.ts';
import { generateDataset } from '../generator/generate-dataset.ts';
import { generateAssessmentHistories } from '../generator/assessments.ts';

/**
 * Issue 4 "Done when": the PDF report of a demo assessment renders its Chinese text. The page is
 * rasterised with poppler's pdftoppm (sh scripts/test-deps.sh poppler-utils) and the title band must
 * carry ink where the page above it is blank; pdftotext must read the Chinese back (real glyphs with
 * a Unicode map, not boxes). A rendering of page 1 is kept in artifacts/assessment/.
 */

let context: TestContext;
let work: string;
let pdf: Buffer;
let demo: { id: string; elder_name: string; instrument_version: string };

/** A 72-dpi greyscale rendering of page 1 (1 px = 1 pt) as raw PGM: width, height and one byte per pixel. */
function renderPage(file: string): { width: number; height: number; pixels: Buffer } {
  const out = join(work, 'page');
  execFileSync('pdftoppm', ['-gray', '-r', '72', '-f', '1', '-l', '1', '-singlefile', file, out]);
  const raw = readFileSync(`${out}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(raw.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a binary PGM');
  const [whole, width, height] = header;
  return { width: Number(width), height: Number(height), pixels: raw.subarray((whole ?? '').length) };
}

/** The share of dark pixels (< 128) in a rectangle of the page. */
function ink(page: ReturnType<typeof renderPage>, box: { x: number; y: number; w: number; h: number }): number {
  let dark = 0;
  for (let y = box.y; y < box.y + box.h; y += 1)
    for (let x = box.x; x < box.x + box.w; x += 1) if ((page.pixels[y * page.width + x] ?? 255) < 128) dark += 1;
  return dark / (box.w * box.h);
}

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
  await generateAssessmentHistories(context.services, { seed: 1, asOf: '2026-10-31' as never });
  const [found] = await rows<{ id: string; elder_name: string; instrument_version: string }>(
    context.database.db,
    sql`SELECT a.id, e.name AS elder_name, a.instrument_version FROM assessments a JOIN elders e ON e.id = a.elder_id
        WHERE a.state = 'approved' AND a.final_level_ordinal >= 2 ORDER BY a.approved_at DESC, a.id LIMIT 1`,
  );
  if (!found) throw new Error('the generator wrote no approved assessment');
  demo = found;
  ({ pdf } = await context.services.assessments.report(actorWith('civilAffairsAdmin', '330102'), demo.id));
  work = mkdtempSync(join(tmpdir(), 'kangyang-report-'));
  writeFileSync(join(work, 'report.pdf'), pdf);
}, 120_000);

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await context?.close();
});

describe('the PDF report of a demo assessment (ASM-10, §4.8)', () => {
  it('reads back its Chinese text: title, elder, instrument version and both assessors', () => {
    const text = execFileSync('pdftotext', ['-layout', join(work, 'report.pdf'), '-'], { encoding: 'utf8' });
    const compact = text.replace(/\s+/g, '');
    expect(compact).toContain('老年人能力评估报告');
    expect(compact).toContain(demo.elder_name);
    expect(compact).toContain(demo.instrument_version);
    expect(compact).toContain('孙医生');
    expect(compact).toMatch(/自理能力/);
  });

  it('renders the Chinese title as ink on page 1, the margin above it blank', () => {
    const page = renderPage(join(work, 'report.pdf'));
    // A4 is 595.28 × 841.89 pt: 596 × 842 px at 72 dpi
    expect([page.width, page.height]).toEqual([596, 842]);
    // the title (20 pt, centred, baseline near y 70) and the empty top margin above it
    const title = ink(page, { x: 200, y: 46, w: 195, h: 28 });
    const margin = ink(page, { x: 200, y: 8, w: 195, h: 28 });
    expect(title).toBeGreaterThan(0.08);
    expect(margin).toBe(0);
    mkdirSync('artifacts/assessment', { recursive: true });
    writeFileSync('artifacts/assessment/report-demo.pdf', pdf);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '110',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      join(work, 'report.pdf'),
      'artifacts/assessment/report-page1',
    ]);
  });
});
