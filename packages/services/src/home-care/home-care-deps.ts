import { ROLE_PERMISSIONS, type Permission } from '@kangyang/domain/access';
import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { ProfileService } from '../profiles/profile.service.ts';
import { orderScopeSql, type OrderScope } from './order.repo.ts';

export const OFFER_TIMEOUT_JOB = 'homeCare.offerTimeout';
export const ORDER_CLOCK_JOB = 'homeCare.orderClock';

export type HomeCareConfig = {
  /** How long a caregiver has to accept an offer before it passes on (default 5 minutes). */
  offerTimeoutMinutes?: number;
  /** Dispatch search radius around the elder's home (default 8 km). */
  dispatchRadiusM?: number;
  /** EVV tolerance radius (default 200 m). */
  toleranceM?: number;
};

export type HomeCareDeps = {
  db: Db;
  clock: Clock;
  audit: AuditService;
  jobs: JobQueue;
  profiles: Pick<ProfileService, 'resolve'>;
  config?: HomeCareConfig;
};

/** Where the actor reaches orders with `permission`: region grants, narrowed to the employer for provider staff. */
export function orderScopesOf(actor: Actor, permission: Permission): OrderScope[] {
  return actor.grants
    .filter((grant) => ROLE_PERMISSIONS[grant.role].includes(permission))
    .map((grant) => ({ regionCode: grant.regionCode, organisationId: grant.organisationId }));
}

export const orderScopeOf = (actor: Actor, permission: Permission): SQL =>
  sql`(${orderScopeSql(orderScopesOf(actor, permission))})`;

export const offerTimeoutMs = (deps: HomeCareDeps): number => (deps.config?.offerTimeoutMinutes ?? 5) * 60_000;
