import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { ElderExportQuery } from '@kangyang/contracts/import';
import { createApiClient } from '../api-client.ts';
import {
  EXIT,
  SERVER_OPTIONS,
  serverOf,
  stringOption,
  type CliContext,
  type Command,
  type OptionValues,
} from '../command.ts';

const USAGE =
  'kangyang export elders FILE.xlsx [--region CODE] [--status active|deceased|movedOut] [--category NAME] [--age-band 80-89] [--server URL --token TOKEN]';

function filtersOf(values: OptionValues) {
  return ElderExportQuery.safeParse({
    regionCode: stringOption(values, 'region'),
    status: stringOption(values, 'status'),
    category: stringOption(values, 'category'),
    ageBand: stringOption(values, 'age-band'),
  });
}

/** Direct: the export service under the data-dir lock; the file is masked and formula-escaped like the web's (API-8). */
async function exportLocally(file: string, filters: ElderExportQuery, context: CliContext): Promise<number> {
  const session = await context.openSession('export elders');
  try {
    const exported = await session.services.exports.elders(session.actor, filters);
    await pipeline(exported.stream, createWriteStream(file));
    const summary = await exported.done;
    context.io.out(
      `已导出 ${summary.rows.toLocaleString('en-US')} 位老人到 ${file}（${summary.bytes.toLocaleString('en-US')} 字节，SHA-256 ${summary.sha256}）\n`,
    );
    return EXIT.ok;
  } finally {
    await session.close();
  }
}

export const exportEldersCommand: Command = {
  name: 'export elders',
  summary: '按筛选条件导出老人名单为 .xlsx（脱敏，公式转义）',
  usage: USAGE,
  options: {
    region: { type: 'string' },
    status: { type: 'string' },
    category: { type: 'string' },
    'age-band': { type: 'string' },
    ...SERVER_OPTIONS,
  },
  async run({ positionals, values }, context) {
    const [file, ...extra] = positionals;
    const filters = filtersOf(values);
    if (!file || extra.length > 0 || !file.endsWith('.xlsx') || !filters.success) {
      context.io.err(`用法 usage: ${USAGE}\n`);
      return EXIT.failure;
    }
    const server = serverOf(values, context.config);
    if (!server) return exportLocally(file, filters.data, context);
    const query = new URLSearchParams(
      Object.entries(filters.data).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
    await createApiClient(server).download(`/api/exports/elders.xlsx?${query.toString()}`, file);
    context.io.out(`已导出到 ${file}\n`);
    return EXIT.ok;
  },
};
