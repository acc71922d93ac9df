import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** Where a ciphertext belongs: a value moved to another row or column fails to decrypt (ENC-1). */
export type CipherContext = { table: string; column: string; recordId: string };

export type Keyring = {
  /** Data keys by id; the active one encrypts, all decrypt (rotation by a re-encryption job). */
  dataKeys: ReadonlyMap<string, Buffer>;
  activeKeyId: string;
  blindIndexKey: Buffer;
  auditChainKey: Buffer;
};

export type FieldCipher = {
  encrypt(plain: string, context: CipherContext): string;
  decrypt(cipherText: string, context: CipherContext): string;
  /** HMAC-SHA-256 of a normalised value, separated by purpose ('idNumber', 'phone'). */
  blindIndex(purpose: string, normalised: string): string;
};

const b64url = (buffer: Buffer): string => buffer.toString('base64url');
const aadOf = (context: CipherContext): Buffer =>
  Buffer.from(`${context.table}|${context.column}|${context.recordId}`, 'utf8');

export function createFieldCipher(keyring: Keyring): FieldCipher {
  const activeKey = keyring.dataKeys.get(keyring.activeKeyId);
  if (!activeKey || activeKey.length !== 32) throw new Error('the active data encryption key must be 32 bytes');
  return {
    encrypt(plain, context) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', activeKey, nonce);
      cipher.setAAD(aadOf(context));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `v1.${keyring.activeKeyId}.${b64url(nonce)}.${b64url(body)}`;
    },
    decrypt(cipherText, context) {
      const [version, keyId, nonceText, bodyText] = cipherText.split('.');
      if (version !== 'v1' || !keyId || !nonceText || !bodyText) throw new Error('unknown ciphertext format');
      const key = keyring.dataKeys.get(keyId);
      if (!key) throw new Error(`unknown data key id ${keyId}`);
      const body = Buffer.from(bodyText, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonceText, 'base64url'));
      decipher.setAAD(aadOf(context));
      decipher.setAuthTag(body.subarray(body.length - 16));
      return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8');
    },
    blindIndex(purpose, normalised) {
      return createHmac('sha256', keyring.blindIndexKey).update(`${purpose}:${normalised}`, 'utf8').digest('base64url');
    },
  };
}
