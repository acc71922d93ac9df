import type { Permission } from '@kangyang/domain/access';
import { ROLE_PERMISSIONS } from '@kangyang/domain/access';
import { isWithin } from '@kangyang/domain/region';
import { like, eq, and, or, sql, type SQL, type AnyColumn } from 'drizzle-orm';
import type { Actor } from '../actor.ts';

/**
 * A grant's reach over sites, meal orders and complaints: a region prefix, narrowed to one provider
 * for organisation-scoped roles (an institution manager sees its own sites and complaints, AZ-8 org).
 */
export type ProviderScope = { readonly regionCode: string; readonly organisationId: string | null };

export function providerScopesOf(actor: Actor, permission: Permission): ProviderScope[] {
  return actor.grants
    .filter((grant) => ROLE_PERMISSIONS[grant.role].includes(permission))
    .map((grant) => ({ regionCode: grant.regionCode, organisationId: grant.organisationId }));
}

export const reachesRecord = (
  scopes: readonly ProviderScope[],
  regionCode: string,
  providerId: string | null,
): boolean =>
  scopes.some(
    (scope) =>
      isWithin(regionCode, scope.regionCode) && (scope.organisationId === null || scope.organisationId === providerId),
  );

/** The SQL form: a county-led prefix per scope (index-backed), plus the provider for organisation scopes. */
export function providerScopeCondition(
  scopes: readonly ProviderScope[],
  columns: { countyCode: AnyColumn; regionCode: AnyColumn; providerId: AnyColumn },
): SQL {
  if (scopes.length === 0) return sql`false`;
  const parts = scopes.map((scope) => {
    const prefix = like(columns.regionCode, `${scope.regionCode}%`);
    const county = scope.regionCode.length >= 6 ? eq(columns.countyCode, scope.regionCode.slice(0, 6)) : undefined;
    const provider = scope.organisationId === null ? undefined : eq(columns.providerId, scope.organisationId);
    return and(county, prefix, provider) ?? prefix;
  });
  return or(...parts) ?? sql`false`;
}
