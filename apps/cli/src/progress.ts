import type { CliIo } from './command.ts';

export type ProgressEvent = {
  phase: 'validating' | 'importing';
  processedRows: number;
  totalRows: number;
  fraction: number;
  resumedFromRow?: number | null;
};

const PHASE_ZH = { validating: '校验', importing: '导入' } as const;

const clock = (seconds: number): string => {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
};

/**
 * Progress on stderr (REG-6): rows done, rows/s and time left per phase. On a terminal one line
 * is rewritten in place; otherwise a line every two seconds.
 */
export function createProgress(io: CliIo, now: () => number = () => performance.now()) {
  let phase: ProgressEvent['phase'] | undefined;
  let started = now();
  let lastAt = started;
  let startRows = 0;
  let startFraction = 0;
  let lastPrinted = 0;
  let open = false;
  return {
    update(event: ProgressEvent): void {
      const at = now();
      if (event.phase !== phase) {
        if (open) io.err('\n');
        if (phase !== undefined) started = lastAt;
        open = false;
        phase = event.phase;
        startRows = event.resumedFromRow ?? 0;
        startFraction = event.phase === 'importing' && event.totalRows > 0 ? startRows / event.totalRows : 0;
      }
      lastAt = at;
      const seconds = Math.max((at - started) / 1000, 0.001);
      const rate = (event.processedRows - startRows) / seconds;
      const doneShare = event.fraction - startFraction;
      const left = doneShare > 0 ? ((1 - event.fraction) * seconds) / doneShare : Number.NaN;
      const total = event.phase === 'importing' ? ` / ${event.totalRows.toLocaleString('en-US')}` : '';
      const line = `${PHASE_ZH[event.phase]} ${event.processedRows.toLocaleString('en-US')}${total} 行  ${Math.round(rate).toLocaleString('en-US')} 行/秒  剩余 ${clock(left)}`;
      if (io.interactive) {
        io.err(`\r${line}\u001b[K`);
        open = true;
      } else if (at - lastPrinted >= 2000 || event.fraction >= 1) {
        io.err(`${line}\n`);
        lastPrinted = at;
      }
    },
    end(): void {
      if (open) io.err('\n');
      open = false;
    },
  };
}
