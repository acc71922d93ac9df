import { configFromEnvironment, type CliConfig } from './config.ts';
import type { CliContext } from './command.ts';
import { runCli } from './cli.ts';
import { openLocalSession } from './session.ts';

function contextOf(config: CliConfig): CliContext {
  const io = {
    out: (text: string) => process.stdout.write(text),
    err: (text: string) => process.stderr.write(text),
    interactive: process.stderr.isTTY,
  };
  return { config, io, openSession: (command, options) => openLocalSession(config, io, command, options) };
}

// config.ts reads and checks the environment once; everything else receives `config`.
let config: CliConfig | undefined;
try {
  config = configFromEnvironment();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
if (config) process.exitCode = await runCli(process.argv.slice(2), contextOf(config));
