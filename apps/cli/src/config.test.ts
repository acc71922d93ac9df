import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('CLI config (architecture.md habit 8)', () => {
  it('reads the server settings with the same defaults', () => {
    expect(loadConfig({})).toMatchObject({
      mode: 'demo',
      dataDir: './data',
      databaseUrl: undefined,
      server: undefined,
    });
    expect(
      loadConfig({
        DATA_DIR: '/srv/ky',
        DATABASE_URL: 'postgres://db/ky',
        KANGYANG_SERVER: 'http://127.0.0.1:3000',
        KANGYANG_TOKEN: 't',
      }),
    ).toMatchObject({
      dataDir: '/srv/ky',
      databaseUrl: 'postgres://db/ky',
      server: 'http://127.0.0.1:3000',
      token: 't',
    });
  });

  it('fails listing every bad variable; production needs the three keys (ENC-1)', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'not a url' })).toThrow(
      /DATABASE_URL must be a URL[\s\S]*DATA_ENCRYPTION_KEY, BLIND_INDEX_KEY, AUDIT_CHAIN_KEY/,
    );
  });
});
