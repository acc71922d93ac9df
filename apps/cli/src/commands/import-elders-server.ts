import { setTimeout as sleep } from 'node:timers/promises';
import { ImportErrorList, ImportJobDto } from '@kangyang/contracts/import';
import { createApiClient, type ApiClient } from '../api-client.ts';
import { EXIT, type CliContext } from '../command.ts';
import { createProgress } from '../progress.ts';
import { announceResume, printErrors, printSummary, refuseAllOrNothing } from './import-report.ts';
import type { ImportInput } from './import-elders.ts';

const POLL_MS = 500;

/** Polls the job until it leaves `phase`, reporting progress. */
async function waitWhile(
  api: ApiClient,
  id: string,
  phase: 'validating' | 'importing',
  progress: ReturnType<typeof createProgress>,
): Promise<ImportJobDto> {
  for (;;) {
    const job = await api.json(ImportJobDto, 'GET', `/api/imports/${id}`);
    if (job.status !== phase) return job;
    const fraction = phase === 'importing' && !job.direct && job.totalRows > 0 ? job.processedRows / job.totalRows : 0;
    progress.update({
      phase,
      processedRows: job.processedRows,
      totalRows: job.totalRows,
      fraction,
      resumedFromRow: job.resumedFromRow,
    });
    await sleep(POLL_MS);
  }
}

/** Through the running server's API (`--server`): the server holds the data dir, the CLI only uploads and polls. */
export async function importThroughServer(
  input: ImportInput,
  server: { url: string; token: string },
  context: CliContext,
): Promise<number> {
  const { io } = context;
  const api = createApiClient(server);
  const progress = createProgress(io);
  const started = performance.now();
  try {
    const query = new URLSearchParams({
      direct: String(input.mode === 'validRowsOnly'),
      ...(input.regionCode ? { regionCode: input.regionCode } : {}),
    });
    let job = await api.upload(ImportJobDto, `/api/imports/elders?${query.toString()}`, input.file);
    announceResume(io, job);
    job = await waitWhile(api, job.id, 'validating', progress);
    const errors = async () => (await api.json(ImportErrorList, 'GET', `/api/imports/${job.id}/errors?limit=20`)).items;
    if (job.status === 'validated') {
      if (input.mode === 'allOrNothing' && job.invalidRows > 0) {
        progress.end();
        refuseAllOrNothing(io, job, await errors());
        return EXIT.failure;
      }
      job = await api.json(ImportJobDto, 'POST', `/api/imports/${job.id}/confirm`, { mode: input.mode });
    }
    if (job.status === 'importing') job = await waitWhile(api, job.id, 'importing', progress);
    progress.end();
    if (job.invalidRows > 0) printErrors(io, await errors(), job.invalidRows);
    if (input.errorsFile && job.invalidRows > 0)
      await api.download(`/api/imports/${job.id}/errors.xlsx`, input.errorsFile);
    printSummary(io, job, (performance.now() - started) / 1000);
    return job.status === 'completed' ? EXIT.ok : EXIT.failure;
  } finally {
    progress.end();
  }
}
