/**
 * Roles and permissions as data (security.md AZ-1, AZ-8, MLP-7). A permission is `resource:action`;
 * a role is a set of permissions; a grant binds (user, role, scope).
 */
export const PERMISSIONS = [
  'elder:read',
  'elder:write',
  'elder:revealIdentifiers',
  'elder:import',
  'elder:export',
  'region:read',
  'audit:read',
  'account:manage',
  'role:assign',
  'assessment:score',
  'assessment:read',
  'assessment:write',
  'assessment:approve',
  'assessment:assign',
  'profile:read',
  'profile:manage',
  'eligibility:read',
  'application:apply',
  'application:review',
  'application:approve',
  'ledger:read',
  'ledger:run',
  'ledger:approve',
  'ledger:finance',
  'order:read',
  'order:write',
  'order:dispatch',
  'visit:own',
  'dashboard:read',
  'indicator:report',
  'facility:write',
  'worker:read',
  'worker:write',
  'meal:read',
  'meal:write',
  'meal:redeem',
  'coverage:read',
  'coverage:refresh',
  'complaint:read',
  'complaint:write',
  'complaint:respond',
  'self:use',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = [
  'demoAdmin',
  'sysAdmin',
  'securityAdmin',
  'auditor',
  'civilAffairsAdmin',
  'streetOfficer',
  'communityWorker',
  'institutionManager',
  'caregiver',
  'assessor',
  'financeOfficer',
  'elder',
  'familyMember',
] as const;

export type Role = (typeof ROLES)[number];

const OFFICIAL_READ: readonly Permission[] = [
  'elder:read',
  'region:read',
  'assessment:read',
  'profile:read',
  'eligibility:read',
  'ledger:read',
  'order:read',
  'dashboard:read',
  'elder:export',
  'assessment:score',
];

/** HCS-9, HCS-10, HCS-11: every meal, coverage and complaint permission (district officials). */
const COMMUNITY_SERVICES_ALL: readonly Permission[] = [
  'meal:read',
  'meal:write',
  'meal:redeem',
  'coverage:read',
  'coverage:refresh',
  'complaint:read',
  'complaint:write',
  'complaint:respond',
];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  /** Demo-only combination of every business role and the audit view; refused in production mode. */
  demoAdmin: [
    ...OFFICIAL_READ,
    'elder:write',
    'elder:revealIdentifiers',
    'elder:import',
    'audit:read',
    'assessment:write',
    'assessment:approve',
    'assessment:assign',
    'profile:manage',
    'application:apply',
    'application:review',
    'application:approve',
    'ledger:run',
    'ledger:approve',
    'ledger:finance',
    'order:write',
    'order:dispatch',
    'indicator:report',
    'facility:write',
    'worker:read',
    'worker:write',
    ...COMMUNITY_SERVICES_ALL,
  ],
  sysAdmin: ['account:manage', 'region:read'],
  securityAdmin: ['role:assign', 'region:read'],
  auditor: ['audit:read', 'region:read'],
  civilAffairsAdmin: [
    ...OFFICIAL_READ,
    'elder:write',
    'elder:revealIdentifiers',
    'elder:import',
    'assessment:approve',
    'assessment:assign',
    'profile:manage',
    'application:approve',
    'ledger:run',
    'ledger:approve',
    'indicator:report',
    'facility:write',
    'worker:read',
    'worker:write',
    ...COMMUNITY_SERVICES_ALL,
    'order:write',
    'order:dispatch',
  ],
  streetOfficer: [
    ...OFFICIAL_READ,
    'elder:write',
    'elder:revealIdentifiers',
    'elder:import',
    'application:review',
    'assessment:assign',
    'order:write',
    'order:dispatch',
    'meal:read',
    'coverage:read',
    'complaint:read',
    'complaint:write',
    'complaint:respond',
  ],
  communityWorker: [
    'elder:read',
    'elder:write',
    'region:read',
    'elder:export',
    'application:apply',
    'order:read',
    'order:write',
    'dashboard:read',
    'profile:read',
    'assessment:score',
    'meal:read',
    'meal:redeem',
    'coverage:read',
    'complaint:read',
    'complaint:write',
  ],
  institutionManager: [
    'region:read',
    'order:read',
    'order:write',
    'order:dispatch',
    'dashboard:read',
    'profile:read',
    'worker:read',
    'worker:write',
    'meal:read',
    'meal:write',
    'meal:redeem',
    'coverage:read',
    'complaint:read',
    'complaint:respond',
  ],
  caregiver: ['visit:own'],
  assessor: ['assessment:score', 'assessment:write', 'region:read'],
  financeOfficer: ['ledger:read', 'ledger:finance', 'region:read'],
  /** AZ-8: the elder's own account; only linked elders (elder_account_links), never a region. */
  elder: ['self:use'],
  /** AZ-8: a family member, on the elder's consent (elder_account_links). */
  familyMember: ['self:use'],
};

/** AZ-8, MLP-2: elder and family accounts; no TOTP required, no staff screens. */
export const SELF_SERVICE_ROLES: readonly Role[] = ['elder', 'familyMember'];

/** MLP-7: no account holds two of these, or one of these plus a business role. */
export const ADMINISTRATION_ROLES: readonly Role[] = ['sysAdmin', 'securityAdmin', 'auditor'];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function permissionsOf(roles: readonly Role[]): ReadonlySet<Permission> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]));
}

/** True when a set of roles breaks the separation of duties (三员分立). */
export function breaksSeparationOfDuties(roles: readonly Role[]): boolean {
  const distinct = [...new Set(roles)];
  const administrative = distinct.filter((role) => ADMINISTRATION_ROLES.includes(role));
  return administrative.length > 1 || (administrative.length === 1 && distinct.length > 1);
}
