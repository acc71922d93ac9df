import type { MessageKey, Translate } from '../../../shared/i18n/i18n-context.tsx';

type ReasonParams = Readonly<Record<string, string | number | boolean>>;

const REASON_CODES = [
  'ELDER_DECEASED',
  'ELDER_MOVED_OUT',
  'NOT_LOCAL_HUKOU',
  'NOT_RESIDENT_IN_REGION',
  'NOT_LIVING_AT_HOME',
  'NO_ASSESSMENT',
  'ASSESSMENT_WRONG_INSTRUMENT',
  'ASSESSMENT_EXPIRED',
  'ASSESSMENT_IN_GRACE',
  'BELOW_AGE_LEVEL_BANDS',
  'AGE_LEVEL_BAND_MET',
  'NO_ACTIVE_HOME_CARE_BED',
  'HOME_CARE_BED_ACTIVE',
  'NOT_IN_LISTED_CATEGORY',
  'LEVEL_BELOW_THRESHOLD',
  'NEEDS_GROUP_MET',
  'BELOW_AGE_BANDS',
  'AGE_GROUP_MET',
  'BED_NOT_ACCEPTED',
  'ALREADY_GRANTED_FOR_ELDER',
  'GRANT_AMOUNT',
  'NOT_CAREGIVER',
  'NOT_CERTIFIED',
  'NOT_IN_REGION_INSTITUTION',
  'ATTENDANCE_BELOW_MINIMUM',
  'ALLOWANCE_AMOUNT',
] as const;
type ReasonCode = (typeof REASON_CODES)[number];

/** A decision reason in plain words (POL-4); a code this page does not know is shown as is. */
export function reasonText(code: string, params: ReasonParams, t: Translate): string {
  const known: ReasonCode | undefined = REASON_CODES.find((item) => item === code);
  if (!known) return code;
  const key: MessageKey = `reason.${known}`;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) values[name] = typeof value === 'boolean' ? String(value) : value;
  return t(key, values);
}

/** Yuan with two decimals from integer fen. */
export const yuanOf = (fen: number) => (fen / 100).toFixed(2);
