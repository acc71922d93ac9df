import { describe, expect, it } from 'vitest';
import { createProgress } from './progress.ts';

function capture(interactive: boolean) {
  const lines: string[] = [];
  let at = 0;
  const progress = createProgress(
    { out: () => undefined, err: (text) => void lines.push(text), interactive },
    () => at,
  );
  return { lines, progress, advance: (ms: number) => void (at += ms) };
}

describe('CLI progress (REG-6: rows/s and time left)', () => {
  it('reports rows per second since the phase began and the time left from the fraction done', () => {
    const { lines, progress, advance } = capture(false);
    advance(2000);
    progress.update({ phase: 'validating', processedRows: 10_000, totalRows: 10_000, fraction: 0.25 });
    expect(lines.at(-1)).toBe('校验 10,000 行  5,000 行/秒  剩余 0:06\n');
    advance(2000);
    progress.update({ phase: 'importing', processedRows: 2_000, totalRows: 40_000, fraction: 0.05 });
    expect(lines.at(-1)).toBe('导入 2,000 / 40,000 行  1,000 行/秒  剩余 0:38\n');
  });

  it('counts a resumed import from where it resumed', () => {
    const { lines, progress, advance } = capture(false);
    advance(4000);
    progress.update({
      phase: 'importing',
      processedRows: 30_000,
      totalRows: 40_000,
      fraction: 0.75,
      resumedFromRow: 20_000,
    });
    expect(lines.at(-1)).toBe('导入 30,000 / 40,000 行  2,500 行/秒  剩余 0:04\n');
  });

  it('rewrites one line on a terminal', () => {
    const { lines, progress, advance } = capture(true);
    advance(1000);
    progress.update({ phase: 'validating', processedRows: 1, totalRows: 1, fraction: 0.5 });
    progress.end();
    expect(lines[0]).toMatch(/^\r校验 1 行/);
    expect(lines.at(-1)).toBe('\n');
  });
});
