import type { Permission, Role } from './roles.ts';
import { ROLE_PERMISSIONS } from './roles.ts';
import { isWithin } from '../region/index.ts';

export type Grant = { readonly role: Role; readonly regionCode: string; readonly organisationId: string | null };

/** Region prefixes in which the grants allow `permission`, with nested ones folded into their ancestors. */
export function regionScopesFor(grants: readonly Grant[], permission: Permission): string[] {
  const codes = grants
    .filter((grant) => ROLE_PERMISSIONS[grant.role].includes(permission))
    .map((grant) => grant.regionCode);
  const sorted = [...new Set(codes)].sort((left, right) => left.length - right.length);
  return sorted.filter((code, index) => !sorted.slice(0, index).some((ancestor) => isWithin(code, ancestor)));
}

export const inAnyScope = (regionCode: string, scopes: readonly string[]): boolean =>
  scopes.some((scope) => isWithin(regionCode, scope));
