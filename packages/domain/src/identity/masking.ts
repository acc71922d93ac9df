import { normaliseIdNumber } from './citizen-id.ts';

const WHITESPACE = /\s/g;

/** ENC-3: `3301********1234`, first 4 and last 4 of an 18-character number (digits 5–14 hidden). */
export function maskIdNumber(idNumber: string): string {
  const value = normaliseIdNumber(idNumber);
  if (value.length < 15) return '********';
  return `${value.slice(0, 4)}********${value.slice(-4)}`;
}

/** ENC-3: `138****5678` for an 11-digit mobile number (digits 4–7 hidden); anything else keeps at most its last 4. */
export function maskPhone(phone: string): string {
  const value = phone.replace(WHITESPACE, '');
  if (value.length === 11) return `${value.slice(0, 3)}****${value.slice(-4)}`;
  return value.length >= 8 ? `****${value.slice(-4)}` : '****';
}

/** ENC-3: bank accounts show their last 4 characters only (`****1234`); short values show nothing. */
export function maskBankAccount(account: string): string {
  const value = account.replace(WHITESPACE, '');
  return value.length >= 8 ? `****${value.slice(-4)}` : '****';
}
