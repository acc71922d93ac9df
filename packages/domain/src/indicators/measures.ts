/**
 * Names of the aggregated measures the rollup refresh stores per region and month. Every measure is
 * a count or a sum, so a parent region's figure is the sum of its children's (rollup.ts).
 */
export const MEASURE = {
  /** Active elders aged 60+ on the month's last day (or today for the current month). */
  elders: 'elders',
  /** Active elders aged `age`+. */
  eldersAged: (age: number) => `elders.age${age}plus`,
  eldersWithPoint: 'elders.withPoint',
  ageBand: (band: string) => `elders.band.${band}`,
  category: (category: string) => `elders.cat.${category}`,
  needyElders: 'elders.needy',
  /** Elders whose current approved capability level is `level`. */
  level: (level: string) => `level.${level}`,
  assessmentsApprovedInMonth: 'assessments.month',
  entitlementsActive: 'entitlements.active',
  homeCareBedsCumulative: 'homeCareBeds.cumulative',
  homeCareBedsActive: 'homeCareBeds.active',
  paidInMonthFen: 'paid.month',
  paidYearToDateFen: 'paid.ytd',
  socialWorkers: 'workers.socialWorker',
  certifiedSocialWorkers: 'workers.socialWorker.certified',
  institutionSocialWorkers: 'workers.socialWorker.institution',
  certifiedCaregivers: 'workers.caregiver.certified',
  careStaffTrainedInYear: 'workers.trained.year',
  trainingAttendanceInYear: 'workers.trainingAttendance.year',
  /** Street and community regions (each counts itself once). */
  streetsAndCommunities: 'regions.streetCommunity',
  /** Street and community regions with at least `min` elder-care officers working there. */
  streetsAndCommunitiesWithOfficers: (min: number) => `regions.streetCommunity.officers${min}`,
  streets: 'regions.street',
  communities: 'regions.community',
  /** Streets with an open site of `kind` located in them (streetCentre, regionalCentre). */
  streetsWithSite: (kind: string) => `regions.street.with.${kind}`,
  /** Communities with an open canteen or meal point located in them. */
  communitiesWithMeals: 'regions.community.withMeals',
  /** Open service sites of `kind`. */
  sites: (kind: string) => `sites.${kind}`,
  coverageLocated: 'coverage.located',
  coverageCovered: 'coverage.covered',
  visitsInMonth: 'visits.month',
  visitMinutesInMonth: 'visits.minutes.month',
  visitTargets: 'visits.targets',
  visitTargetsVisited: 'visits.targets.visited',
  applicationsPending: 'alerts.applicationsPending',
  assessmentsOverdue: 'alerts.assessmentsOverdue',
  entitlementReviewsOpen: 'alerts.entitlementReviewsOpen',
  institutionBeds: 'beds.institution',
  nursingBeds: 'beds.nursing',
  occupiedBeds: 'beds.occupied',
  /** Beds and occupied beds of public (公办, incl. 公建民营) institutions (004-12). */
  publicInstitutionBeds: 'beds.institution.public',
  publicOccupiedBeds: 'beds.occupied.public',
  /** Sites or communities with `designation` in force (facility designations, 000-4 … 003-6). */
  designated: (designation: string) => `designated.${designation}`,
  /** Meal-delivery vehicles in use at open sites (004-14). */
  mealDeliveryVehicles: 'vehicles.mealDelivery',
} as const;

export const AGE_BAND_LIMITS = [
  ['60-64', 60, 64],
  ['65-69', 65, 69],
  ['70-74', 70, 74],
  ['75-79', 75, 79],
  ['80-84', 80, 84],
  ['85-89', 85, 89],
  ['90+', 90, 200],
] as const;

/** Minimum ages the refresh counts separately (params minAge of 003-1…3 and 004-6). */
export const COUNTED_MIN_AGES = [65, 80] as const;

/** Officer thresholds the refresh counts (param minOfficers of 001-12). */
export const COUNTED_OFFICER_MINIMUMS = [1, 2] as const;
