import type { ParseArgsConfig } from 'node:util';
import type { Actor, Services } from '@kangyang/services';
import type { CliConfig } from './config.ts';

/** Exit codes of every command: 0 ok, 1 failure, 2 the data dir is held by another process (REL-7). */
export const EXIT = { ok: 0, failure: 1, lockRefused: 2 } as const;

/** Where a command writes: results on stdout, progress and problems on stderr. */
export type CliIo = { out(text: string): void; err(text: string): void; interactive: boolean };

/** Services over the database, opened under the data-dir lock when embedded, acting as the `cli` system actor. */
export type Session = { services: Services; actor: Actor; close(): Promise<void> };

export type CliContext = {
  config: CliConfig;
  io: CliIo;
  openSession(command: string, options?: { migrate?: boolean }): Promise<Session>;
};

export type OptionValues = { [name: string]: string | boolean | (string | boolean)[] | undefined };

/** One command: a file in commands/, listed in registry.ts. `name` is its words (`import elders`). */
export type Command = {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(input: { positionals: string[]; values: OptionValues }, context: CliContext): Promise<number>;
};

export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** `--server URL --token TOKEN` (or KANGYANG_SERVER / KANGYANG_TOKEN): go through the running server's API. */
export const SERVER_OPTIONS = {
  server: { type: 'string' },
  token: { type: 'string' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

export function serverOf(values: OptionValues, config: CliConfig): { url: string; token: string } | undefined {
  const url = stringOption(values, 'server') ?? config.server;
  if (!url) return undefined;
  const token = stringOption(values, 'token') ?? config.token;
  if (!token) throw new Error('--server needs --token TOKEN (or KANGYANG_TOKEN): log in with POST /api/auth/login');
  return { url: url.replace(/\/$/, ''), token };
}
