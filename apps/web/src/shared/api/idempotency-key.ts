/**
 * A fresh `Idempotency-Key` (API-4: 16–64 of `[A-Za-z0-9_-]`). getRandomValues works on plain
 * http too, where crypto.randomUUID is missing (a LAN pilot without TLS).
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
