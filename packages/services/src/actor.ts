import type { Grant, Permission, Role } from '@kangyang/domain/access';
import { permissionsOf, regionScopesFor } from '@kangyang/domain/access';

/** Where a request came from, for the audit row (AUD-2). */
export type RequestMeta = { readonly requestId: string; readonly ip: string; readonly userAgent: string };

/** The authenticated caller, passed to every service method. */
export type Actor = {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly grants: readonly Grant[];
  readonly permissions: ReadonlySet<Permission>;
  readonly organisationId: string | null;
  readonly isDemo: boolean;
  readonly request: RequestMeta;
};

export function makeActor(base: Omit<Actor, 'permissions' | 'roles'>): Actor {
  const roles = [...new Set(base.grants.map((grant) => grant.role))];
  return { ...base, roles, permissions: permissionsOf(roles) };
}

export const can = (actor: Actor, permission: Permission): boolean => actor.permissions.has(permission);

/** Region prefixes where the actor holds `permission`; empty means no access (deny by default). */
export const scopesOf = (actor: Actor, permission: Permission): string[] => regionScopesFor(actor.grants, permission);

/** A system actor for jobs, the generator and the CLI acting under the data-dir lock. */
export function systemActor(request: Partial<RequestMeta> = {}): Actor {
  return makeActor({
    userId: '00000000-0000-7000-8000-000000000000',
    username: 'system',
    displayName: 'system',
    grants: [{ role: 'demoAdmin', regionCode: '', organisationId: null }],
    organisationId: null,
    isDemo: false,
    request: {
      requestId: request.requestId ?? 'system',
      ip: request.ip ?? 'local',
      userAgent: request.userAgent ?? 'kangyang',
    },
  });
}
