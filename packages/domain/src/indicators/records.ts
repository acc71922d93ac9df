import { ROLE_PERMISSIONS, type Permission } from '../access/roles.ts';
import type { Grant } from '../access/scope.ts';
import { isWithin } from '../region/index.ts';

/**
 * KPI-3: the records behind a computed indicator's number. Each formula that counts records
 * declares what they are (kind), which sets can be listed (the numerator's members and, where
 * meaningful, the denominator's members that were not counted), the columns shown and the
 * permission a caller needs in the region to see them. The SQL lives in the services repo
 * (indicator-records.repo.ts) and selects the same rows the rollup refresh counted.
 */
export type RecordKind = 'elder' | 'worker' | 'site' | 'region';

/** `counted`: members of the numerator (or of the count); `uncounted`: denominator members left out. */
export type RecordSet = 'counted' | 'uncounted';
export const RECORD_SETS = ['counted', 'uncounted'] as const satisfies readonly RecordSet[];

export type RecordColumn =
  | 'name'
  | 'region'
  | 'age'
  | 'startDate'
  | 'organisation'
  | 'skillLevel'
  | 'expiresOn'
  | 'staffRole'
  | 'sessions'
  | 'siteKind'
  | 'sites'
  | 'officers'
  | 'address'
  | 'mealCapacity'
  | 'openedOn'
  | 'nearestMetres';

/** The repo query that lists the rows (one per formula family). */
export type RecordQuery =
  | 'homeCareBeds'
  | 'certifiedCaregivers'
  | 'trainedCareStaff'
  | 'streetsWithSite'
  | 'communitiesWithMeals'
  | 'regionsWithOfficers'
  | 'canteens'
  | 'uncoveredElders';

export type RecordsDescriptor = {
  readonly kind: RecordKind;
  readonly query: RecordQuery;
  readonly sets: readonly RecordSet[];
  readonly columns: readonly RecordColumn[];
  /** Elder and worker rows are personal data (S2): only region-wide holders of this permission list them. */
  readonly permission: Extract<Permission, 'elder:read' | 'worker:read' | 'dashboard:read'>;
};

const elderRows = (query: RecordQuery, sets: readonly RecordSet[], columns: readonly RecordColumn[]) =>
  ({ kind: 'elder', query, sets, columns, permission: 'elder:read' }) as const;
const workerRows = (query: RecordQuery, columns: readonly RecordColumn[]) =>
  ({ kind: 'worker', query, sets: ['counted'], columns, permission: 'worker:read' }) as const;
const regionRows = (query: RecordQuery, columns: readonly RecordColumn[]) =>
  ({ kind: 'region', query, sets: RECORD_SETS, columns, permission: 'dashboard:read' }) as const;

const DESCRIPTORS: Readonly<Record<string, RecordsDescriptor>> = {
  homeCareBedCount: elderRows('homeCareBeds', ['counted'], ['name', 'region', 'age', 'startDate']),
  serviceCircleCoverage: elderRows('uncoveredElders', ['uncounted'], ['name', 'region', 'age', 'nearestMetres']),
  certifiedCaregiversPer10k: workerRows('certifiedCaregivers', [
    'name',
    'region',
    'organisation',
    'skillLevel',
    'expiresOn',
  ]),
  careStaffTrainedCount: workerRows('trainedCareStaff', ['name', 'region', 'organisation', 'staffRole', 'sessions']),
  streetCentreCoverage: regionRows('streetsWithSite', ['name', 'region', 'sites']),
  regionalCentreCoverage: regionRows('streetsWithSite', ['name', 'region', 'sites']),
  mealAssistanceCommunityCoverage: regionRows('communitiesWithMeals', ['name', 'region', 'sites']),
  elderCareOfficerCoverage: regionRows('regionsWithOfficers', ['name', 'region', 'officers']),
  canteenCount: {
    kind: 'site',
    query: 'canteens',
    sets: ['counted'],
    columns: ['name', 'region', 'address', 'mealCapacity', 'openedOn'],
    permission: 'dashboard:read',
  },
};

/** What a formula's records are, or undefined when its number has no listable records behind it. */
export function recordsOf(formula: string): RecordsDescriptor | undefined {
  return DESCRIPTORS[formula];
}

/** The site kind a `streetsWithSite` formula looks for. */
export function siteKindOf(formula: string): 'streetCentre' | 'regionalCentre' {
  return formula === 'regionalCentreCoverage' ? 'regionalCentre' : 'streetCentre';
}

/**
 * Region prefixes where grants let a caller list the records. Personal rows (elders, workers) need
 * the descriptor's permission from a region-wide grant: an organisation-bound grant (an institution
 * manager) sees aggregates only.
 */
export function recordScopes(grants: readonly Grant[], descriptor: RecordsDescriptor): string[] {
  const personal = descriptor.kind === 'elder' || descriptor.kind === 'worker';
  const codes = grants
    .filter((grant) => ROLE_PERMISSIONS[grant.role].includes(descriptor.permission))
    .filter((grant) => !personal || grant.organisationId === null)
    .map((grant) => grant.regionCode);
  const sorted = [...new Set(codes)].sort((left, right) => left.length - right.length);
  return sorted.filter((code, index) => !sorted.slice(0, index).some((ancestor) => isWithin(code, ancestor)));
}

/** Names in record lists: the family name and stars (ENC-3 lists; the elder page shows the full record). */
export function maskPersonName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(Math.min(3, chars.length - 1))}`;
}
