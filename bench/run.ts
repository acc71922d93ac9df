import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * `npm run bench -- NAME [options]` runs `bench/NAME.ts` (scale.md §3): the module exports
 * `run<Name>(argv)` (e.g. `runImportElders`, `runApiRead`) or `run(argv)`, which writes its result file.
 */
const camel = (name: string): string =>
  name.replace(/(^|-)([a-z0-9])/g, (_whole, _dash: string, char: string) => char.toUpperCase());

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || !/^[a-z0-9-]+$/.test(name) || !existsSync(join(import.meta.dirname, `${name}.ts`))) {
    console.error(`usage: npm run bench -- NAME [--scale …]  (NAME is a file bench/NAME.ts)`);
    return 1;
  }
  const module: Record<string, unknown> = await import(pathToFileURL(join(import.meta.dirname, `${name}.ts`)).href);
  const entry = module[`run${camel(name)}`] ?? module['run'];
  if (typeof entry !== 'function') {
    console.error(`bench/${name}.ts exports neither run${camel(name)}(argv) nor run(argv)`);
    return 1;
  }
  await (entry as (args: readonly string[]) => Promise<unknown>)(rest);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
