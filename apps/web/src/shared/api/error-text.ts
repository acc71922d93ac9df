import type { Translate } from '../i18n/i18n-context.tsx';
import { isApiError } from './api-client.ts';

/** What to tell the user about a failure: the server's localised message, or ours when it never answered. */
export function errorText(error: unknown, t: Translate): string {
  if (isApiError(error)) {
    if (error.message) return error.message;
    if (error.code === 'NETWORK') return t('error.network');
  }
  return t('error.unexpected');
}
