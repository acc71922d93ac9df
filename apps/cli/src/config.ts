import type { KeySettings } from '@kangyang/services';

/** The CLI's settings: the server's DATA_DIR, DATABASE_URL and key variables, plus an optional server to go through. */
export type CliConfig = Readonly<{
  mode: 'demo' | 'production';
  dataDir: string;
  databaseUrl: string | undefined;
  keys: KeySettings;
  /** KANGYANG_SERVER / KANGYANG_TOKEN: defaults for `--server` and `--token` (a token in argv shows in `ps`). */
  server: string | undefined;
  token: string | undefined;
}>;

const KEY_NAMES = ['DATA_ENCRYPTION_KEY', 'BLIND_INDEX_KEY', 'AUDIT_CHAIN_KEY'] as const;

function isUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** Reads this process's environment: the only place in the CLI that touches process.env. */
export const configFromEnvironment = (): CliConfig => loadConfig(process.env);

/** The only reader of the environment in the CLI (architecture.md habit 8); fails listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): CliConfig {
  const problems: string[] = [];
  const nodeEnv = env['NODE_ENV'] ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnv))
    problems.push(`NODE_ENV must be development, production or test (got ${nodeEnv})`);
  const databaseUrl = env['DATABASE_URL'] || undefined;
  if (databaseUrl !== undefined && !isUrl(databaseUrl)) problems.push('DATABASE_URL must be a URL');
  const server = env['KANGYANG_SERVER'] || undefined;
  if (server !== undefined && !isUrl(server)) problems.push('KANGYANG_SERVER must be a URL');
  const mode = nodeEnv === 'production' ? 'production' : 'demo';
  const missing = KEY_NAMES.filter((name) => !env[name]);
  if (mode === 'production' && missing.length > 0) problems.push(`production mode needs ${missing.join(', ')} (ENC-1)`);
  if (problems.length > 0)
    throw new Error(`Invalid environment:\n${problems.map((problem) => `  ✖ ${problem}`).join('\n')}`);
  return Object.freeze({
    mode,
    dataDir: env['DATA_DIR'] || './data',
    databaseUrl,
    keys: {
      dataEncryptionKey: env['DATA_ENCRYPTION_KEY'],
      blindIndexKey: env['BLIND_INDEX_KEY'],
      auditChainKey: env['AUDIT_CHAIN_KEY'],
    },
    server,
    token: env['KANGYANG_TOKEN'] || undefined,
  });
}
