import { parseIsoDate } from '@kangyang/domain/units';
import { generateDataset, type DatasetResult } from '@kangyang/services/generator/generate-dataset';
import { datasetChecksums } from '@kangyang/services/generator/dataset-checksum';
import { DEFAULT_AS_OF, isScaleName, SCALES, SCALE_NAMES } from '@kangyang/services/generator/scales';
import { EXIT, stringOption, type CliIo, type Command } from '../command.ts';

const USAGE = `kangyang generate --scale ${SCALE_NAMES.join('|')} --seed N [--as-of YYYY-MM-DD] [--elders N] [--checksum]`;

const wholeNumber = (text: string | undefined): number | undefined =>
  text !== undefined && /^\d{1,9}$/.test(text) ? Number(text) : undefined;

/** Rows done, rows/s and time left on stderr: one rewritten line on a terminal, else a line every 5 s. */
function progressPrinter(io: CliIo): (done: number, total: number) => void {
  const started = performance.now();
  let printed = 0;
  return (done, total) => {
    const now = performance.now();
    if (!io.interactive && now - printed < 5000 && done < total) return;
    printed = now;
    const rate = done / Math.max((now - started) / 1000, 0.001);
    const left = Math.round((total - done) / Math.max(rate, 1));
    const line = `生成老人 generating elders ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}  ${Math.round(rate).toLocaleString('en-US')} 行/秒  剩余 ${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
    io.err(io.interactive ? `\r${line}\u001b[K${done >= total ? '\n' : ''}` : `${line}\n`);
  };
}

function printResult(io: CliIo, result: DatasetResult): void {
  const { seconds } = result;
  io.out(
    `已生成 generated: scale ${result.scale}, seed ${result.seed}, as of ${result.asOf}, generator version ${result.generatorVersion}\n` +
      `  regions ${result.regions.toLocaleString('en-US')}, elders ${result.elders.toLocaleString('en-US')}\n` +
      `  ${seconds.total} s (regions ${seconds.regions} s, elders ${seconds.elders} s: generate+encrypt ${seconds.generate} s, insert ${seconds.insert} s; analyze ${seconds.analyze} s, of which home care ${seconds.homeCare} s)\n`,
  );
}

/**
 * `kangyang generate`: the one deterministic generator (scale.md §2) into DATA_DIR or DATABASE_URL,
 * under the data-dir lock like every writing command (REL-7). Re-running the same seed adds nothing.
 */
export const generateCommand: Command = {
  name: 'generate',
  summary: '生成确定性的合成数据（toy / demo 演示区 / city 城市规模），同一种子得到相同数据',
  usage: USAGE,
  options: {
    scale: { type: 'string', default: 'demo' },
    seed: { type: 'string', default: '1' },
    'as-of': { type: 'string' },
    elders: { type: 'string' },
    checksum: { type: 'boolean', default: false },
  },
  async run({ positionals, values }, context) {
    const scale = stringOption(values, 'scale') ?? 'demo';
    const seed = wholeNumber(stringOption(values, 'seed'));
    const asOfText = stringOption(values, 'as-of');
    const asOf = asOfText === undefined ? DEFAULT_AS_OF : parseIsoDate(asOfText);
    const eldersText = stringOption(values, 'elders');
    const elders = eldersText === undefined ? undefined : wholeNumber(eldersText);
    if (
      positionals.length > 0 ||
      !isScaleName(scale) ||
      seed === undefined ||
      !asOf ||
      elders === 0 ||
      (eldersText !== undefined && elders === undefined)
    ) {
      context.io.err(`用法 usage: ${USAGE}\n`);
      return EXIT.failure;
    }
    context.io.err(
      `生成 ${scale}：seed ${seed}，as of ${asOf}${asOfText ? '' : '（默认 default）'}，${(elders ?? SCALES[scale].elders).toLocaleString('en-US')} 位老人\n`,
    );
    const session = await context.openSession('generate');
    try {
      const result = await generateDataset(session.services, {
        scale,
        seed,
        asOf,
        elders,
        onProgress: progressPrinter(context.io),
      });
      printResult(context.io, result);
      if (values['checksum'] === true) {
        const checksums = await datasetChecksums(session.services.database.db, {
          countyPrefix: SCALES[scale].regionPrefix,
        });
        for (const table of checksums)
          context.io.out(`  checksum ${table.table} ${table.rows} rows ${table.checksum}\n`);
      }
      return EXIT.ok;
    } finally {
      await session.close();
    }
  },
};
