import { createReadStream, createWriteStream } from 'node:fs';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { RegionCodeSchema } from '@kangyang/contracts/common';
import { ImportModeSchema, type ImportMode } from '@kangyang/contracts/import';
import { EXIT, SERVER_OPTIONS, serverOf, stringOption, type CliContext, type Command } from '../command.ts';
import { createProgress } from '../progress.ts';
import { announceResume, printErrors, printSummary, refuseAllOrNothing } from './import-report.ts';
import { importThroughServer } from './import-elders-server.ts';

export type ImportInput = {
  file: string;
  mode: ImportMode;
  regionCode: string | undefined;
  errorsFile: string | undefined;
};

const USAGE =
  'kangyang import elders FILE [--mode validRowsOnly|allOrNothing] [--region CODE] [--errors REPORT.xlsx] [--server URL --token TOKEN]';

/** Direct: the import service on the local database, under the data-dir lock (REL-7). */
export async function importLocally(input: ImportInput, context: CliContext): Promise<number> {
  const { io } = context;
  const session = await context.openSession('import elders');
  const progress = createProgress(io);
  const unsubscribe = session.services.imports.onProgress(progress.update);
  const started = performance.now();
  try {
    const { services, actor } = session;
    let job = await services.imports.upload(actor, {
      fileName: basename(input.file),
      source: createReadStream(input.file),
      regionCode: input.regionCode,
      direct: input.mode === 'validRowsOnly',
    });
    announceResume(io, job);
    await services.imports.idle();
    job = await services.imports.get(actor, job.id);
    if (job.status === 'validated') {
      if (input.mode === 'allOrNothing' && job.invalidRows > 0) {
        progress.end();
        refuseAllOrNothing(io, job, await services.imports.errors(actor, job.id, 20));
        return EXIT.failure;
      }
      await services.imports.confirm(actor, job.id, { mode: input.mode });
      await services.imports.idle();
      job = await services.imports.get(actor, job.id);
    }
    progress.end();
    if (job.invalidRows > 0) printErrors(io, await services.imports.errors(actor, job.id, 20), job.invalidRows);
    if (input.errorsFile && job.invalidRows > 0)
      await pipeline((await services.imports.errorReport(actor, job.id)).stream, createWriteStream(input.errorsFile));
    printSummary(io, job, (performance.now() - started) / 1000);
    return job.status === 'completed' ? EXIT.ok : EXIT.failure;
  } finally {
    unsubscribe();
    progress.end();
    await session.close();
  }
}

export const importEldersCommand: Command = {
  name: 'import elders',
  summary: '从 .xlsx / .csv 导入老人：逐行校验、错误报告、可续传，重复导入不会新增',
  usage: USAGE,
  options: {
    mode: { type: 'string', default: 'validRowsOnly' },
    region: { type: 'string' },
    errors: { type: 'string' },
    ...SERVER_OPTIONS,
  },
  async run({ positionals, values }, context) {
    const [file, ...extra] = positionals;
    const mode = ImportModeSchema.safeParse(stringOption(values, 'mode'));
    const region = stringOption(values, 'region');
    if (
      !file ||
      extra.length > 0 ||
      !mode.success ||
      (region !== undefined && !RegionCodeSchema.safeParse(region).success)
    ) {
      context.io.err(`用法 usage: ${USAGE}\n`);
      return EXIT.failure;
    }
    const input = { file, mode: mode.data, regionCode: region, errorsFile: stringOption(values, 'errors') };
    const server = serverOf(values, context.config);
    return server ? importThroughServer(input, server, context) : importLocally(input, context);
  },
};
