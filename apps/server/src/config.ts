import { z } from 'zod';

const Key = z.string().min(1).optional();

const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.url().optional(),
  ADMIN_PASSWORD: z.string().min(8).optional(),
  DATA_ENCRYPTION_KEY: Key,
  BLIND_INDEX_KEY: Key,
  AUDIT_CHAIN_KEY: Key,
  DEMO_DATA: z.enum(['auto', 'off']).default('auto'),
  DEMO_SCALE: z.enum(['demo', 'toy']).default('demo'),
  WEB_DIST: z.string().default('apps/web/dist'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  TLS_CERT_FILE: z.string().optional(),
  TLS_KEY_FILE: z.string().optional(),
});

export type Config = Readonly<z.infer<typeof Env> & { mode: 'demo' | 'production' }>;

/** Reads this process's environment: the only place that touches process.env. */
export const configFromEnvironment = (): Config => loadConfig(process.env);

/** The only reader of the environment (architecture.md habit 8); fails listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
  const config = parsed.data;
  const mode = config.NODE_ENV === 'production' ? 'production' : 'demo';
  if (mode === 'production') {
    const missing = (['DATA_ENCRYPTION_KEY', 'BLIND_INDEX_KEY', 'AUDIT_CHAIN_KEY'] as const).filter(
      (name) => !config[name],
    );
    if (missing.length > 0)
      throw new Error(`Invalid environment:\nproduction mode needs ${missing.join(', ')} (ENC-1)`);
    const loopback = ['127.0.0.1', 'localhost', '::1'].includes(config.HOST);
    if (!loopback && config.TRUST_PROXY !== 'true' && !(config.TLS_CERT_FILE && config.TLS_KEY_FILE)) {
      throw new Error(
        'Invalid environment:\nproduction mode on a non-loopback HOST needs TRUST_PROXY=true or TLS_CERT_FILE and TLS_KEY_FILE (MLP-12)',
      );
    }
  }
  return Object.freeze({ ...config, mode });
}
