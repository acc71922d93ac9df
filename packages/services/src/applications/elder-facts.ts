import type { LivingSituation } from '@kangyang/domain/elder';
import {
  ELDER_CATEGORIES,
  INSTRUMENTS,
  type ElderCategory,
  type ElderFacts,
  type ElderStatus,
  type Instrument,
  type Programme,
} from '@kangyang/domain/eligibility';
import { isoDate } from '@kangyang/domain/units';
import type { ElderRow } from '../elders/elder.repo.ts';
import { oneOf } from './application-mapper.ts';
import type { CurrentAssessment } from './current-assessment.repo.ts';

/** Programmes decided per elder by `decideBenefits`; the others are paid to institutions, caregivers or operators. */
export const PERSON_PROGRAMMES: readonly Programme[] = ['homeCareBed', 'homeCareBedCareSubsidy', 'freeBasicHomeCare'];

const STATUSES: readonly ElderStatus[] = ['active', 'deceased', 'movedOut'];
const LIVING_SITUATIONS: readonly LivingSituation[] = ['alone', 'coupleOnly', 'withFamily', 'institution', 'unknown'];

export const isInstrument = (value: string | undefined): value is Instrument =>
  value !== undefined && (INSTRUMENTS as readonly string[]).includes(value);

/**
 * The facts eligibility needs, from the registry row and the current assessment (POL-4). A declared
 * dementia category counts as dementia alongside the assessment's diagnosis flag (glossary §2).
 * `hasActiveHomeCareBed`: an entitlement to a home care bed is in force (until a bed module records beds).
 */
export function elderFactsOf(
  row: ElderRow,
  assessment: CurrentAssessment | null,
  hasActiveHomeCareBed: boolean,
): ElderFacts {
  const categories = row.categories.filter((category): category is ElderCategory =>
    (ELDER_CATEGORIES as readonly string[]).includes(category),
  );
  const declaredDementia = categories.includes('dementia');
  return {
    birthDate: isoDate(row.birthDate),
    sex: row.sex === 'male' ? 'male' : 'female',
    hukouRegionCode: row.hukouRegionCode,
    residenceRegionCode: row.residenceRegionCode,
    livingSituation: oneOf(row.livingSituation, LIVING_SITUATIONS, 'living situation'),
    categories,
    status: oneOf(row.status, STATUSES, 'status'),
    assessment: assessment === null ? null : { ...assessment, dementia: assessment.dementia || declaredDementia },
    hasActiveHomeCareBed,
  };
}
