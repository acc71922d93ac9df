import { err, ok } from '../result/index.ts';
import type { Result } from '../result/index.ts';

export type PhoneError = { readonly code: 'PHONE_FORMAT' };

const SEPARATORS = /[ \u3000-]/g;
const COUNTRY_PREFIX = /^\+?86/;
const MOBILE = /^1[3-9]\d{9}$/;

/**
 * security.md ID-3: strips spaces and hyphens and a leading `+86`/`86`, then requires 11 digits
 * matching `^1[3-9]\d{9}$`. Mobile numbers only; the carrier is never inferred.
 */
export function normalisePhone(input: string): Result<string, PhoneError> {
  const phone = input.replace(SEPARATORS, '').replace(COUNTRY_PREFIX, '');
  return MOBILE.test(phone) ? ok(phone) : err({ code: 'PHONE_FORMAT' });
}
