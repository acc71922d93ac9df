import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('config (architecture.md habit 8)', () => {
  it('starts with no settings at all, in demo mode on the embedded database', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', DATA_DIR: './data', mode: 'demo' });
    expect(config.DATABASE_URL).toBeUndefined();
  });
  it('lists every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'not a url' })).toThrow(
      /PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/,
    );
  });
  it('refuses production mode without encryption keys (ENC-1)', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /DATA_ENCRYPTION_KEY, BLIND_INDEX_KEY, AUDIT_CHAIN_KEY/,
    );
  });
  it('refuses production mode on a public address without TLS (MLP-12)', () => {
    const keys = { DATA_ENCRYPTION_KEY: 'a', BLIND_INDEX_KEY: 'b', AUDIT_CHAIN_KEY: 'c' };
    expect(() => loadConfig({ NODE_ENV: 'production', HOST: '0.0.0.0', ...keys })).toThrow(/MLP-12/);
    expect(loadConfig({ NODE_ENV: 'production', HOST: '0.0.0.0', TRUST_PROXY: 'true', ...keys }).mode).toBe(
      'production',
    );
  });
});
