import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Keyring } from './field-cipher.ts';

export type KeySettings = {
  /** `keyId:base64` pairs separated by commas; the first is active. A bare base64 value gets id `k1`. */
  dataEncryptionKey?: string | undefined;
  blindIndexKey?: string | undefined;
  auditChainKey?: string | undefined;
};

const DEV_KEYS_FILE = 'dev-keys.json';

function decodeKey(name: string, text: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${name} must be 32 bytes, base64-encoded (got ${key.length} bytes)`);
  return key;
}

function parseDataKeys(text: string): { dataKeys: Map<string, Buffer>; activeKeyId: string } {
  const entries = text.split(',').map((part, index) => {
    const colon = part.indexOf(':');
    return colon > 0 ? [part.slice(0, colon).trim(), part.slice(colon + 1)] : [`k${index + 1}`, part];
  });
  const dataKeys = new Map(entries.map(([id, value]) => [id ?? '', decodeKey('DATA_ENCRYPTION_KEY', value ?? '')]));
  const activeKeyId = entries[0]?.[0] ?? 'k1';
  return { dataKeys, activeKeyId };
}

export function keyringFromSettings(settings: Required<{ [K in keyof KeySettings]: string }>): Keyring {
  return {
    ...parseDataKeys(settings.dataEncryptionKey),
    blindIndexKey: decodeKey('BLIND_INDEX_KEY', settings.blindIndexKey),
    auditChainKey: decodeKey('AUDIT_CHAIN_KEY', settings.auditChainKey),
  };
}

/**
 * Loads the keyring from settings; where none are set, development keys are generated once into
 * `dataDir/dev-keys.json` and reused (ENC-1: demo mode only; production refuses before this).
 */
export function loadKeyring(settings: KeySettings, dataDir: string, warn: (message: string) => void): Keyring {
  if (settings.dataEncryptionKey && settings.blindIndexKey && settings.auditChainKey) {
    return keyringFromSettings({
      dataEncryptionKey: settings.dataEncryptionKey,
      blindIndexKey: settings.blindIndexKey,
      auditChainKey: settings.auditChainKey,
    });
  }
  const file = join(dataDir, DEV_KEYS_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    const fresh = {
      dataEncryptionKey: `dev1:${randomBytes(32).toString('base64')}`,
      blindIndexKey: randomBytes(32).toString('base64'),
      auditChainKey: randomBytes(32).toString('base64'),
    };
    writeFileSync(file, JSON.stringify(fresh, null, 2), { mode: 0o600 });
  }
  warn(`WARNING: no encryption keys configured; using development keys from ${file}. Never use these in production.`);
  const stored = JSON.parse(readFileSync(file, 'utf8')) as Required<{ [K in keyof KeySettings]: string }>;
  return keyringFromSettings({
    dataEncryptionKey: settings.dataEncryptionKey ?? stored.dataEncryptionKey,
    blindIndexKey: settings.blindIndexKey ?? stored.blindIndexKey,
    auditChainKey: settings.auditChainKey ?? stored.auditChainKey,
  });
}

/** A fixed keyring for tests and benchmarks (never for real data). */
export function testKeyring(): Keyring {
  const key = (byte: number) => Buffer.alloc(32, byte);
  return { dataKeys: new Map([['t1', key(1)]]), activeKeyId: 't1', blindIndexKey: key(2), auditChainKey: key(3) };
}
