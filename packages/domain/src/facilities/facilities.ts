/**
 * Facility attributes and designations (issue 7, BED-1, KPI-4 "declared" indicators): which
 * designation applies to which site kind or region level, and the consistency of bed figures.
 */
export const OWNERSHIPS = ['public', 'private', 'publicPrivate'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];

/** Ownerships counted as 公办 (public) institutions: run by the state, or state-built and privately run (公建民营). */
export const PUBLIC_OWNERSHIPS: readonly Ownership[] = ['public', 'publicPrivate'];

/** Designations of a service site, and the site kinds each applies to. */
export const SITE_DESIGNATIONS = {
  /** 000-4 智慧养老院 */
  smartCareHome: ['institution'],
  /** 000-5 康复辅具租售中心（平台） */
  assistiveDeviceCentre: [
    'regionalCentre',
    'streetCentre',
    'communityCentre',
    'dayCareCentre',
    'station',
    'institution',
  ],
  /** 003-6 社区（乡镇）医养结合示范机构 */
  medicalCareDemoInstitution: ['regionalCentre', 'streetCentre', 'communityCentre', 'dayCareCentre', 'institution'],
  /** 001-15 社区居家养老服务照料中心完成提升改造 */
  centreUpgraded: ['regionalCentre', 'streetCentre', 'communityCentre', 'dayCareCentre'],
} as const satisfies Record<string, readonly string[]>;

/** Designations of a community (region level `community`, a 12-digit code). */
export const REGION_DESIGNATIONS = ['dementiaFriendlyCommunity', 'modelElderFriendlyCommunity'] as const;

export type SiteDesignation = keyof typeof SITE_DESIGNATIONS;
export type RegionDesignation = (typeof REGION_DESIGNATIONS)[number];
export type Designation = SiteDesignation | RegionDesignation;
export const DESIGNATIONS: readonly Designation[] = [
  ...(Object.keys(SITE_DESIGNATIONS) as SiteDesignation[]),
  ...REGION_DESIGNATIONS,
];

export function isSiteDesignation(value: string): value is SiteDesignation {
  return Object.hasOwn(SITE_DESIGNATIONS, value);
}

export function isRegionDesignation(value: string): value is RegionDesignation {
  return (REGION_DESIGNATIONS as readonly string[]).includes(value);
}

/** Whether a designation may be declared for a site of `kind`. */
export function designationFitsSite(designation: string, kind: string): boolean {
  return isSiteDesignation(designation) && (SITE_DESIGNATIONS[designation] as readonly string[]).includes(kind);
}

/** Whether a designation may be declared for the region `code` (communities only). */
export function designationFitsRegion(designation: string, code: string): boolean {
  return isRegionDesignation(designation) && code.length === 12;
}

export type BedFigures = {
  readonly bedsTotal: number | null;
  readonly nursingBeds: number | null;
  readonly occupiedBeds: number | null;
};

/** The field of the first inconsistent bed figure (a part above the total), or undefined. */
export function bedFiguresProblem(beds: BedFigures): 'nursingBeds' | 'occupiedBeds' | 'bedsTotal' | undefined {
  const { bedsTotal, nursingBeds, occupiedBeds } = beds;
  if (bedsTotal === null) return nursingBeds !== null || occupiedBeds !== null ? 'bedsTotal' : undefined;
  if (nursingBeds !== null && nursingBeds > bedsTotal) return 'nursingBeds';
  if (occupiedBeds !== null && occupiedBeds > bedsTotal) return 'occupiedBeds';
  return undefined;
}

/** A designation is in force on `day` when declared on or before it and not revoked on or before it. */
export function designationInForce(
  designation: { readonly designatedOn: string; readonly revokedOn: string | null },
  day: string,
): boolean {
  return designation.designatedOn <= day && (designation.revokedOn === null || designation.revokedOn > day);
}
