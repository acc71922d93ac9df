import { err, ok } from '../result/index.ts';
import type { Result } from '../result/index.ts';
import type { IsoDate } from '../units/index.ts';
import { compareIsoDates } from '../units/index.ts';
import { isUnderMinimumAge, normalisePhone, validateIdNumber, validatePersonName } from '../identity/index.ts';
import type { IdNumberFacts } from '../identity/index.ts';

export type FieldError = {
  readonly code: string;
  readonly field: string;
  readonly params?: Readonly<Record<string, string | number>>;
};

export type ContactIn = { name: string; relation: string; role: string; phone: string };

/** Checks the person-identifying fields of an elder (security.md ID-1, ID-3, ID-4, DC-2) and normalises them. */
export function validateIdentity(
  input: { name?: string | undefined; idNumber?: string | undefined },
  today: IsoDate,
): Result<{ name?: string; id?: IdNumberFacts }, FieldError> {
  let name: string | undefined;
  if (input.name !== undefined) {
    const checked = validatePersonName(input.name);
    if (!checked.ok) return err({ code: 'VALIDATION_FAILED', field: 'name', params: { field: 'name', detail: '' } });
    name = checked.value;
  }
  if (input.idNumber === undefined) return ok(name === undefined ? {} : { name });
  const id = validateIdNumber(input.idNumber, today);
  if (!id.ok) return err({ code: id.error.code, field: 'idNumber' });
  if (isUnderMinimumAge(id.value.birthDate, today)) return err({ code: 'ELDER_UNDER_MINIMUM_AGE', field: 'idNumber' });
  return ok({ ...(name === undefined ? {} : { name }), id: id.value });
}

export function validatePhoneField(
  phone: string | null | undefined,
  field: string,
): Result<string | null | undefined, FieldError> {
  if (phone === null || phone === undefined || phone.trim() === '') return ok(phone === undefined ? undefined : null);
  const checked = normalisePhone(phone);
  return checked.ok ? ok(checked.value) : err({ code: 'PHONE_FORMAT', field });
}

export function validateContacts(contacts: readonly ContactIn[]): Result<ContactIn[], FieldError> {
  const normalised: ContactIn[] = [];
  for (const [index, contact] of contacts.entries()) {
    const name = validatePersonName(contact.name);
    if (!name.ok)
      return err({
        code: 'VALIDATION_FAILED',
        field: `contacts[${index}].name`,
        params: { field: `contacts[${index}].name`, detail: '' },
      });
    const phone = normalisePhone(contact.phone);
    if (!phone.ok) return err({ code: 'PHONE_FORMAT', field: `contacts[${index}].phone` });
    normalised.push({ ...contact, name: name.value, phone: phone.value });
  }
  return ok(normalised);
}

/** A status other than active needs a date that is not in the future and not before birth. */
export function validateStatus(
  status: string,
  statusDate: IsoDate | null | undefined,
  birthDate: IsoDate,
  today: IsoDate,
): Result<IsoDate | null, FieldError> {
  if (status === 'active') return ok(null);
  if (!statusDate)
    return err({ code: 'VALIDATION_FAILED', field: 'statusDate', params: { field: 'statusDate', detail: '' } });
  if (compareIsoDates(statusDate, today) > 0 || compareIsoDates(statusDate, birthDate) < 0) {
    return err({ code: 'VALIDATION_FAILED', field: 'statusDate', params: { field: 'statusDate', detail: '' } });
  }
  return ok(statusDate);
}
