import type { z } from 'zod';
import type { FormInstance } from 'antd';
import type { Locale } from '@kangyang/contracts/errors';
import { isApiError } from '../../../shared/api/api-client.ts';
import { errorText } from '../../../shared/api/error-text.ts';
import type { Translate } from '../../../shared/i18n/i18n-context.tsx';
import {
  identityErrors,
  namePathOf,
  schemaErrors,
  todayInShanghai,
  type ElderFormValues,
} from './elder-form-values.ts';

/** antd types names by the form's value shape; our paths come from zod issues and server `field`s. */
type FieldName = NonNullable<Parameters<FormInstance<ElderFormValues>['scrollToField']>[0]>;
const fieldName = (path: (string | number)[]) => path as FieldName;

const FORM_FIELDS = new Set([
  'name',
  'idNumber',
  'phone',
  'hukouRegionCode',
  'residenceRegionCode',
  'address',
  'location',
  'livingSituation',
  'categories',
  'contacts',
  'status',
  'statusDate',
]);

/**
 * Checks a body with the server's zod schema and the domain's ID and phone rules, marking each
 * failing field; returns the parsed body, or undefined when the user has something to fix.
 */
export function checkedBody<T>(
  schema: z.ZodType<T>,
  body: Record<string, unknown>,
  form: FormInstance<ElderFormValues>,
  context: { t: Translate; locale: Locale },
): T | undefined {
  const errors = identityErrors(body, todayInShanghai(new Date()), context.locale, context.t);
  const parsed = schemaErrors(schema, body, context.t);
  if (!parsed.ok) errors.push(...parsed.errors);
  if (errors.length > 0 || !parsed.ok) {
    form.setFields(errors.map((error) => ({ name: fieldName(error.name), errors: [error.message] })));
    form.scrollToField(fieldName(errors[0]?.name ?? ['name']));
    return undefined;
  }
  return parsed.value;
}

/** Puts a server error on its field when it names one the form shows; returns the text for the page's alert. */
export function showServerError(error: unknown, form: FormInstance<ElderFormValues>, t: Translate): string {
  const text = errorText(error, t);
  if (isApiError(error) && error.field) {
    const name = namePathOf(error.field);
    if (typeof name[0] === 'string' && FORM_FIELDS.has(name[0])) {
      form.setFields([{ name: fieldName(name), errors: [text] }]);
      form.scrollToField(fieldName(name));
    }
  }
  return text;
}
