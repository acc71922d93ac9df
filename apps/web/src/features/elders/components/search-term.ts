/** What the one search box of the elder list was given (REG-1: find by name, ID or phone). */
export type SearchTerm =
  | { kind: 'none' }
  | { kind: 'name'; name: string }
  | { kind: 'idNumber'; idNumber: string }
  | { kind: 'phone'; phone: string }
  | { kind: 'partialNumber' };

const ID_NUMBER = /^\d{17}[\dX]$/;
const MOBILE = /^1\d{10}$/;
const NAME_MAX = 50;

/**
 * An 18-character ID number or an 11-digit mobile number is an exact search (sent in a POST body,
 * never in a URL: ENC-4); other digits are refused, since partial search on them is not offered
 * (ENC-2); anything else is a name prefix.
 */
export function parseSearchTerm(input: string): SearchTerm {
  const text = input.trim();
  if (text === '') return { kind: 'none' };
  const compact = text.replace(/[\s-]/g, '').toUpperCase();
  if (ID_NUMBER.test(compact)) return { kind: 'idNumber', idNumber: compact };
  const phone = compact.replace(/^\+?86/, '');
  if (MOBILE.test(phone)) return { kind: 'phone', phone };
  if (/^[\dX+]+$/.test(compact)) return { kind: 'partialNumber' };
  return { kind: 'name', name: text.slice(0, NAME_MAX) };
}
