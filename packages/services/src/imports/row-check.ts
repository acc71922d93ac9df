import { DECLARED_CATEGORIES, ElderCreateBody, LIVING_SITUATIONS, type ElderCategory } from '@kangyang/contracts/elder';
import {
  CATEGORY_ALIASES_ZH,
  CATEGORY_NAMES_ZH,
  ELDER_IMPORT_COLUMNS,
  LIVING_SITUATION_ALIASES_ZH,
  LIVING_SITUATION_NAMES_ZH,
} from '@kangyang/contracts/import';
import { isErrorCode, type ErrorCode, type ErrorParams } from '@kangyang/contracts/errors';
import { validateIdentity, validatePhoneField } from '@kangyang/domain/elder';
import { normalisePhone, validatePersonName } from '@kangyang/domain/identity';
import type { IsoDate } from '@kangyang/domain/units';
import type { ElderRowIn, RowValues } from './elder-rows.ts';

/** One error of one row: the API field it names, the API's code and the message's parameters. */
export type RowError = { field: string; code: ErrorCode; params: ErrorParams };

export type CheckedRow = ElderRowIn & {
  /** The elder to create, once every check passed. */
  body: ElderCreateBody | undefined;
  /** The normalised ID number, when it is valid (duplicate detection). */
  idNumber: string | undefined;
  /** Region codes well-formed enough to look up. */
  residenceRegionCode: string | undefined;
  hukouRegionCode: string | undefined;
  errors: RowError[];
};

type LivingSituation = (typeof LIVING_SITUATIONS)[number];

const CATEGORY_BY_NAME: ReadonlyMap<string, ElderCategory> = new Map([
  ...DECLARED_CATEGORIES.map((key) => [CATEGORY_NAMES_ZH[key], key] as const),
  ...DECLARED_CATEGORIES.map((key) => [key.toLowerCase(), key] as const),
  ...Object.entries(CATEGORY_ALIASES_ZH),
]);
const LIVING_BY_NAME: ReadonlyMap<string, LivingSituation> = new Map([
  ...LIVING_SITUATIONS.map((key) => [LIVING_SITUATION_NAMES_ZH[key], key] as const),
  ...LIVING_SITUATIONS.map((key) => [key.toLowerCase(), key] as const),
  ...Object.entries(LIVING_SITUATION_ALIASES_ZH),
]);
const CATEGORY_SEPARATORS = /[;；,，、/\s]+/;
const REGION_FIELDS = new Set(['residenceRegionCode', 'hukouRegionCode']);

/** The template column an API field comes from, for messages: `location.lng` → 经度. */
export function headerOf(field: string): string {
  const column = ELDER_IMPORT_COLUMNS.find(
    (item) => field === item.field || field.startsWith(`${item.field}[`) || field.startsWith(`${item.field}.`),
  );
  return column?.header ?? field;
}

const pathOf = (path: readonly PropertyKey[]): string =>
  path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`))
    .join('');

class RowErrors {
  readonly list: RowError[] = [];
  private readonly fields = new Set<string>();
  add(field: string, code: ErrorCode, params: ErrorParams = {}): void {
    if (this.fields.has(field)) return;
    this.fields.add(field);
    this.list.push({ field, code, params });
  }
  invalid(field: string, detail = ''): void {
    this.add(field, 'VALIDATION_FAILED', { field: headerOf(field), detail });
  }
  has(field: string): boolean {
    return this.fields.has(field);
  }
}

function parseCoordinate(text: string | undefined, field: string, errors: RowErrors): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) errors.invalid(field, '（应为数字）');
  return value;
}

function locationOf(values: RowValues, errors: RowErrors): { lng: number; lat: number } | null {
  const lng = parseCoordinate(values.lng, 'location.lng', errors);
  const lat = parseCoordinate(values.lat, 'location.lat', errors);
  if (lng === undefined && lat === undefined) return null;
  if (lng === undefined) errors.invalid('location.lng', '（经度和纬度需同时填写）');
  if (lat === undefined) errors.invalid('location.lat', '（经度和纬度需同时填写）');
  return { lng: lng ?? Number.NaN, lat: lat ?? Number.NaN };
}

function categoriesOf(text: string | undefined, errors: RowErrors): { category: ElderCategory }[] {
  if (!text) return [];
  const categories: { category: ElderCategory }[] = [];
  for (const name of text.split(CATEGORY_SEPARATORS).filter((part) => part !== '')) {
    const category = CATEGORY_BY_NAME.get(name) ?? CATEGORY_BY_NAME.get(name.toLowerCase());
    if (!category) errors.invalid('categories', `（不认识的类别“${name.slice(0, 20)}”）`);
    else if (!categories.some((item) => item.category === category)) categories.push({ category });
  }
  return categories;
}

function livingSituationOf(text: string | undefined, errors: RowErrors): LivingSituation {
  if (!text) return 'unknown';
  const value = LIVING_BY_NAME.get(text) ?? LIVING_BY_NAME.get(text.toLowerCase());
  if (!value) errors.invalid('livingSituation', `（应为 独居、仅与配偶同住、与家人同住 或 入住机构）`);
  return value ?? 'unknown';
}

function candidateOf(values: RowValues, errors: RowErrors) {
  const contactGiven =
    values.contactName !== undefined || values.contactPhone !== undefined || values.contactRelation !== undefined;
  return {
    name: values.name ?? '',
    idNumber: values.idNumber ?? '',
    phone: values.phone ?? null,
    hukouRegionCode: values.hukouRegionCode ?? null,
    residenceRegionCode: values.residenceRegionCode ?? '',
    address: values.address ?? null,
    location: locationOf(values, errors),
    livingSituation: livingSituationOf(values.livingSituation, errors),
    categories: categoriesOf(values.categories, errors),
    contacts: contactGiven
      ? [
          {
            name: values.contactName ?? '',
            relation: values.contactRelation ?? '其他',
            role: 'emergency' as const,
            phone: values.contactPhone ?? '',
          },
        ]
      : [],
  };
}

/** The person-identifying checks of the domain (ID-1, ID-3, ID-4): the same rules and codes as the API. */
function checkIdentity(values: RowValues, today: IsoDate, errors: RowErrors): string | undefined {
  if (!values.name) errors.invalid('name', '（必填）');
  else if (!validatePersonName(values.name).ok)
    errors.invalid('name', '（只能包含文字、间隔号“·”和拉丁字母间的单个空格，最多 50 字）');
  let idNumber: string | undefined;
  if (!values.idNumber) errors.invalid('idNumber', '（必填）');
  else {
    const identity = validateIdentity({ idNumber: values.idNumber }, today);
    if (!identity.ok)
      errors.add('idNumber', isErrorCode(identity.error.code) ? identity.error.code : 'VALIDATION_FAILED', {
        field: headerOf('idNumber'),
        detail: '',
      });
    else idNumber = identity.value.id?.idNumber;
  }
  if (!validatePhoneField(values.phone, 'phone').ok) errors.add('phone', 'PHONE_FORMAT');
  if (values.contactPhone !== undefined && !normalisePhone(values.contactPhone).ok)
    errors.add('contacts[0].phone', 'PHONE_FORMAT');
  if (values.contactPhone === undefined && (values.contactName !== undefined || values.contactRelation !== undefined))
    errors.invalid('contacts[0].phone', '（填写紧急联系人时必填）');
  if (values.contactName !== undefined && !validatePersonName(values.contactName).ok)
    errors.invalid('contacts[0].name');
  if (values.contactName === undefined && values.contactPhone !== undefined)
    errors.invalid('contacts[0].name', '（填写联系人电话时必填）');
  return idNumber;
}

/**
 * Checks one file row without the database: the API's schema (ElderCreateBody) and the domain's
 * identity rules, collecting every failing field (one error per field). Region existence, scope
 * and duplicates need the batch and the database: see row-checker.ts.
 */
export function checkRow(row: ElderRowIn, today: IsoDate): CheckedRow {
  const errors = new RowErrors();
  const idNumber = checkIdentity(row.values, today, errors);
  if (!row.values.residenceRegionCode) errors.invalid('residenceRegionCode', '（必填）');
  const candidate = candidateOf(row.values, errors);
  const parsed = ElderCreateBody.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = pathOf(issue.path);
      const code = field === 'hukouRegionCode' ? candidate.hukouRegionCode : candidate.residenceRegionCode;
      if (REGION_FIELDS.has(field)) errors.add(field, 'REGION_UNKNOWN', { code: (code ?? '').slice(0, 20) });
      else errors.invalid(field);
    }
  }
  return {
    ...row,
    body:
      errors.list.length === 0 && parsed.success
        ? { ...parsed.data, idNumber: idNumber ?? parsed.data.idNumber }
        : undefined,
    idNumber,
    residenceRegionCode: errors.has('residenceRegionCode') ? undefined : candidate.residenceRegionCode,
    hukouRegionCode:
      errors.has('hukouRegionCode') || !candidate.hukouRegionCode ? undefined : candidate.hukouRegionCode,
    errors: errors.list,
  };
}
