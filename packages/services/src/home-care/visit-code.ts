import { createHmac } from 'node:crypto';

/**
 * The elder's one-time visit code (HCS-6 fallback, HCS-8 confirmation): six digits derived from the
 * order, printed on the elder's card or sent to the family by SMS, checked at check-in or confirmation.
 */
export function visitCodeOf(orderId: string): string {
  const digest = createHmac('sha256', 'kangyang-visit-code').update(orderId).digest();
  return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}
