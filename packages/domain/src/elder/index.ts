export {
  deriveCategories,
  isEmptyNest,
  birthRangeOfAgeBand,
  NEEDY_CATEGORIES,
  DEFAULT_ADVANCED_AGE,
} from './elder-rules.ts';
export type { LivingSituation, DerivedCategory, AgeBand } from './elder-rules.ts';
export { validateIdentity, validatePhoneField, validateContacts, validateStatus } from './validate-elder.ts';
export type { FieldError, ContactIn } from './validate-elder.ts';
