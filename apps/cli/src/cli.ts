import { parseArgs } from 'node:util';
import { errorMessage } from '@kangyang/contracts/errors';
import { DataDirLockedError, isAppError } from '@kangyang/services';
import { EXIT, type CliContext, type Command } from './command.ts';
import { COMMANDS } from './registry.ts';

/** The command whose words start argv (the longest match wins), and the arguments after them. */
export function findCommand(
  argv: readonly string[],
  commands: readonly Command[] = COMMANDS,
): { command: Command; rest: string[] } | undefined {
  const matches = commands
    .map((command) => ({ command, words: command.name.split(' ') }))
    .filter(({ words }) => words.every((word, index) => argv[index] === word))
    .sort((left, right) => right.words.length - left.words.length);
  const best = matches[0];
  return best ? { command: best.command, rest: argv.slice(best.words.length) } : undefined;
}

function help(context: CliContext, commands: readonly Command[]): void {
  context.io.out('康养平台命令行 kangyang <command>\n\n');
  for (const command of commands) context.io.out(`  ${command.usage}\n      ${command.summary}\n`);
  context.io.out(
    '\n配置与服务器相同：DATA_DIR、DATABASE_URL、DATA_ENCRYPTION_KEY、BLIND_INDEX_KEY、AUDIT_CHAIN_KEY。\n退出码：0 成功，1 失败，2 数据目录被占用。\n',
  );
}

/** REL-7: say who holds the data dir and how to go through it instead. */
function lockRefused(context: CliContext, error: DataDirLockedError): number {
  const { holder } = error;
  const url = holder.url ?? '';
  context.io.err(
    `DATA_DIR_LOCKED: ${errorMessage('DATA_DIR_LOCKED', 'zh-CN', { holder: `进程 ${holder.pid}（${holder.host}${url ? `，${url}` : ''}）` })}\n`,
  );
  context.io.err(
    `The data directory ${context.config.dataDir} is held by pid ${holder.pid}${url ? ` serving ${url}` : ''}. Stop it, or go through it: --server ${url || 'URL'} --token TOKEN\n`,
  );
  return EXIT.lockRefused;
}

/** Runs one command line; returns the exit code (0 ok, 1 failure, 2 lock refused). Never throws. */
export async function runCli(
  argv: readonly string[],
  context: CliContext,
  commands: readonly Command[] = COMMANDS,
): Promise<number> {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    help(context, commands);
    return argv.length === 0 ? EXIT.failure : EXIT.ok;
  }
  const found = findCommand(argv, commands);
  if (!found) {
    context.io.err(`未知命令 unknown command: ${argv.slice(0, 2).join(' ')}（kangyang help 列出全部命令）\n`);
    return EXIT.failure;
  }
  try {
    const { values, positionals } = parseArgs({
      args: found.rest,
      options: found.command.options,
      allowPositionals: true,
      strict: true,
    });
    return await found.command.run({ values, positionals }, context);
  } catch (error) {
    if (error instanceof DataDirLockedError) return lockRefused(context, error);
    if (isAppError(error)) context.io.err(`${error.code}: ${errorMessage(error.code, 'zh-CN', error.params)}\n`);
    else
      context.io.err(`${error instanceof Error ? error.message : String(error)}\n用法 usage: ${found.command.usage}\n`);
    return EXIT.failure;
  }
}
