import { join } from 'node:path';
import {
  acquireDataDirLock,
  createServices,
  loadKeyring,
  openDatabase,
  systemActor,
  systemClock,
  uuidv7,
  type Actor,
  type DataDirLock,
} from '@kangyang/services';
import type { CliIo, Session } from './command.ts';
import type { CliConfig } from './config.ts';

/** The CLI acts as a system actor, audited under its own name (AUD-2). */
export function cliActor(): Actor {
  const base = systemActor({ requestId: `cli-${uuidv7()}`, ip: 'local', userAgent: 'kangyang-cli' });
  return { ...base, username: 'cli', displayName: 'cli' };
}

/**
 * Opens the services the way the server does, on the same DATA_DIR / DATABASE_URL. On the embedded
 * database it first takes the data-dir lock (REL-7): while a server holds it this throws
 * DataDirLockedError naming the holder's pid and URL. Closing seals the audit rows written,
 * checkpoints and releases the lock.
 */
export async function openLocalSession(
  config: CliConfig,
  io: CliIo,
  command: string,
  options: { migrate?: boolean } = {},
): Promise<Session> {
  const embedded = config.databaseUrl === undefined;
  const lock: DataDirLock | undefined = embedded
    ? acquireDataDirLock(config.dataDir, { command: `cli ${command}` }, (message) => io.err(`${message}\n`))
    : undefined;
  try {
    const keyring = loadKeyring(config.keys, config.dataDir, (message) => io.err(`${message}\n`));
    const database = await openDatabase(
      embedded
        ? { dataDir: config.dataDir, migrate: options.migrate ?? true }
        : { databaseUrl: config.databaseUrl, migrate: options.migrate ?? true, poolSize: 2 },
    );
    const services = createServices({
      database,
      keyring,
      clock: systemClock,
      importsDir: join(config.dataDir, 'imports'),
      log: (message) => io.err(`${message}\n`),
    });
    return {
      services,
      actor: cliActor(),
      async close() {
        await services.imports.stop();
        await services.audit.seal().catch(() => 0);
        await database.checkpoint().catch(() => undefined);
        await database.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
