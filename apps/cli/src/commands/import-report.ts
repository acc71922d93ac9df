import type { ImportErrorDto, ImportJobDto } from '@kangyang/contracts/import';
import { errorMessage } from '@kangyang/contracts/errors';
import type { CliIo } from '../command.ts';

const STATUS_ZH: Readonly<Record<ImportJobDto['status'], string>> = {
  validating: '校验中（已中断，重新运行同一命令即可续传）',
  validated: '已校验，等待确认',
  importing: '导入中（已中断，重新运行同一命令即可续传）',
  completed: '已完成',
  failed: '失败',
  cancelled: '已取消',
};

/** An unfinished job of the same file was picked up: say where (FT-1). */
export function announceResume(io: CliIo, job: ImportJobDto): void {
  if (job.resumeCount > 0 && job.resumedFromRow !== null)
    io.err(`继续未完成的导入 ${job.id}：前 ${job.resumedFromRow.toLocaleString('en-US')} 行已处理，从其后继续\n`);
}

/** All-or-nothing with bad rows: nothing was written. */
export function refuseAllOrNothing(io: CliIo, job: ImportJobDto, errors: readonly ImportErrorDto[]): void {
  io.err(`IMPORT_HAS_INVALID_ROWS: ${errorMessage('IMPORT_HAS_INVALID_ROWS', 'zh-CN', { count: job.invalidRows })}\n`);
  printErrors(io, errors, job.invalidRows);
}

export function printErrors(io: CliIo, errors: readonly ImportErrorDto[], invalidRows: number): void {
  if (errors.length === 0) return;
  io.out(`有误的行（${invalidRows.toLocaleString('en-US')} 行，列出前 ${errors.length} 条错误）：\n`);
  for (const error of errors) io.out(`  第 ${error.rowNumber} 行  ${error.field}  ${error.code}  ${error.message}\n`);
}

export function printSummary(io: CliIo, job: ImportJobDto, seconds: number): void {
  const rate = seconds > 0 ? Math.round(job.totalRows / seconds) : 0;
  io.out(`导入任务 ${job.id}：${STATUS_ZH[job.status]}\n`);
  io.out(
    `  共 ${job.totalRows.toLocaleString('en-US')} 行：新增 ${job.insertedRows.toLocaleString('en-US')}，已登记（未重复导入）${job.existingRows.toLocaleString('en-US')}，有误 ${job.invalidRows.toLocaleString('en-US')}\n`,
  );
  if (job.resumedFromRow !== null)
    io.out(`  本次从第 ${job.resumedFromRow.toLocaleString('en-US')} 行之后续传（第 ${job.resumeCount} 次续传）\n`);
  io.out(`  用时 ${seconds.toFixed(1)} 秒，约 ${rate.toLocaleString('en-US')} 行/秒\n`);
  if (job.failure) io.err(`  失败原因：${job.failure}\n`);
}
