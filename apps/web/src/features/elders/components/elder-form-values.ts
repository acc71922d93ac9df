import type { z } from 'zod';
import { errorMessage, isErrorCode, type Locale } from '@kangyang/contracts/errors';
import type { ElderDto } from '@kangyang/contracts/elder';
import { validateIdentity, validatePhoneField } from '@kangyang/domain/elder';
import { isoDate, type IsoDate } from '@kangyang/domain/units';
import type { Translate } from '../../../shared/i18n/i18n-context.tsx';

type Category = ElderDto['categories'][number];
type Contact = ElderDto['contacts'][number];

/** The edit form's values; field names follow the API body, so a server `field` lands on its input. */
export type ElderFormValues = {
  name: string;
  idNumber?: string;
  phone?: string;
  hukouRegionCode?: string;
  residenceRegionCode?: { code: string; name: string };
  address?: string;
  location?: { lng?: number | null; lat?: number | null };
  livingSituation: ElderDto['livingSituation'];
  categories: Category[];
  contacts: Contact[];
  status?: ElderDto['status'];
  statusDate?: string;
};

export type FieldError = { name: (string | number)[]; message: string };

const blank = (text: string | undefined | null): boolean => text === undefined || text === null || text.trim() === '';
const textOrNull = (text: string | undefined) => (blank(text) ? null : (text ?? '').trim());

function locationOf(values: ElderFormValues): { lng: number; lat: number } | null | { lng: unknown; lat: unknown } {
  const lng = values.location?.lng ?? null;
  const lat = values.location?.lat ?? null;
  if (lng === null && lat === null) return null;
  return { lng: lng ?? undefined, lat: lat ?? undefined };
}

export function initialValues(elder: ElderDto): ElderFormValues {
  return {
    name: elder.name,
    hukouRegionCode: elder.hukouRegionCode ?? '',
    residenceRegionCode: {
      code: elder.residenceRegionCode,
      name: elder.residenceRegionName ?? elder.residenceRegionCode,
    },
    address: elder.address ?? '',
    location: { lng: elder.location?.lng ?? null, lat: elder.location?.lat ?? null },
    livingSituation: elder.livingSituation,
    categories: [...elder.categories],
    contacts: elder.contacts.map((contact) => ({ ...contact })),
    status: elder.status,
    statusDate: elder.statusDate ?? '',
  };
}

/** The POST /api/elders body; ElderCreateBody checks it before it is sent. */
export function toCreateBody(values: ElderFormValues): Record<string, unknown> {
  return {
    name: values.name,
    idNumber: (values.idNumber ?? '').trim(),
    phone: textOrNull(values.phone),
    hukouRegionCode: textOrNull(values.hukouRegionCode),
    residenceRegionCode: values.residenceRegionCode?.code,
    address: textOrNull(values.address),
    location: locationOf(values),
    livingSituation: values.livingSituation,
    categories: values.categories.map((category) => ({ category })),
    contacts: values.contacts ?? [],
  };
}

const contactsKey = (contacts: readonly Contact[]) =>
  JSON.stringify(contacts.map((contact) => [contact.name, contact.relation, contact.role, contact.phone]));

/**
 * The PATCH body: only what changed. ID number and phone are masked in the form, so a blank field
 * keeps the stored value; contacts go whole, and then every phone must be typed in full again.
 */
export function toUpdateBody(values: ElderFormValues, elder: ElderDto): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const before = initialValues(elder);
  if (values.name !== before.name) body['name'] = values.name;
  if (!blank(values.idNumber)) body['idNumber'] = (values.idNumber ?? '').trim();
  if (!blank(values.phone)) body['phone'] = (values.phone ?? '').trim();
  if (textOrNull(values.hukouRegionCode) !== elder.hukouRegionCode)
    body['hukouRegionCode'] = textOrNull(values.hukouRegionCode);
  if (values.residenceRegionCode?.code !== elder.residenceRegionCode)
    body['residenceRegionCode'] = values.residenceRegionCode?.code ?? '';
  if (textOrNull(values.address) !== elder.address) body['address'] = textOrNull(values.address);
  const location = locationOf(values);
  if (JSON.stringify(location) !== JSON.stringify(elder.location)) body['location'] = location;
  if (values.livingSituation !== elder.livingSituation) body['livingSituation'] = values.livingSituation;
  if ([...values.categories].sort().join() !== [...elder.categories].sort().join()) {
    const records = new Map(elder.categoryRecords.map((record) => [record.category, record]));
    body['categories'] = values.categories.map((category) => records.get(category) ?? { category });
  }
  if (contactsKey(values.contacts ?? []) !== contactsKey(elder.contacts)) body['contacts'] = values.contacts ?? [];
  if (values.status !== elder.status || textOrNull(values.statusDate) !== elder.statusDate) {
    body['status'] = values.status;
    body['statusDate'] = values.status === 'active' ? null : textOrNull(values.statusDate);
  }
  return body;
}

/** Parses a server `field` path (`contacts[0].phone`) into a form name path. */
export function namePathOf(field: string): (string | number)[] {
  return field
    .split(/[.[\]]/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) <= 1
        ? t('form.required')
        : t('form.tooSmall', { min: String(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string'
        ? t('form.tooLong', { max: String(issue.maximum) })
        : t('form.tooBig', { max: String(issue.maximum) });
    case 'invalid_type':
      return issue.input === undefined || issue.input === '' ? t('form.required') : t('form.invalid');
    case 'invalid_format':
      return t('form.invalidFormat');
    case 'invalid_value':
      return t('form.invalidChoice');
    default:
      return t('form.invalid');
  }
}

/** Runs the server's own zod schema on the body and turns its issues into field errors. */
export function schemaErrors<T>(
  schema: z.ZodType<T>,
  body: unknown,
  t: Translate,
): { ok: true; value: T } | { ok: false; errors: FieldError[] } {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors = parsed.error.issues.map((issue) => ({
    name: issue.path.filter((part): part is string | number => typeof part !== 'symbol'),
    message: issueMessage(issue, t),
  }));
  return { ok: false, errors };
}

/** The domain's own ID and phone rules (GB 11643, mobile format), run before the request: same codes, same messages. */
export function identityErrors(
  body: Record<string, unknown>,
  today: IsoDate,
  locale: Locale,
  t: Translate,
): FieldError[] {
  const errors: FieldError[] = [];
  const message = (code: string) => (isErrorCode(code) ? errorMessage(code, locale) : t('form.invalid'));
  if (typeof body['idNumber'] === 'string') {
    const checked = validateIdentity({ idNumber: body['idNumber'] }, today);
    if (!checked.ok) errors.push({ name: ['idNumber'], message: message(checked.error.code) });
  }
  if (typeof body['phone'] === 'string') {
    const checked = validatePhoneField(body['phone'], 'phone');
    if (!checked.ok) errors.push({ name: ['phone'], message: message(checked.error.code) });
  }
  const contacts: unknown[] = Array.isArray(body['contacts']) ? body['contacts'] : [];
  contacts.forEach((contact, index) => {
    const phone = typeof contact === 'object' && contact !== null && 'phone' in contact ? contact.phone : undefined;
    if (typeof phone !== 'string') return;
    if (phone.includes('*')) errors.push({ name: ['contacts', index, 'phone'], message: t('elder.reenterPhone') });
    else if (!validatePhoneField(phone, 'phone').ok)
      errors.push({ name: ['contacts', index, 'phone'], message: message('PHONE_FORMAT') });
  });
  return errors;
}

/** Today in Asia/Shanghai (architecture.md habit 5), for the ID number's birth-date checks. */
export function todayInShanghai(now: Date): IsoDate {
  return isoDate(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now));
}
