import { inAnyScope } from '@kangyang/domain/access';
import { AppError } from '../app-error.ts';
import { scopesOf, type Actor } from '../actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { childrenOf, regionsByCodes, type RegionSummary } from '../regions/region.repo.ts';
import { ttlCache } from './ttl-cache.ts';

/** Region names and children for dashboards (reference data; cached a minute). */
export function regionLookup(db: Db, clock: Clock) {
  const now = () => clock.now().getTime();
  const one = ttlCache<RegionSummary | undefined>(60_000, now);
  const kids = ttlCache<RegionSummary[]>(60_000, now);
  return {
    get: (code: string) => one.get(code, async () => (await regionsByCodes(db, [code]))[0]),
    children: (code: string) => kids.get(code, () => childrenOf(db, code)),
  };
}

/**
 * The region a dashboard request reads (AZ-3): the requested one when it lies in the actor's
 * `dashboard:read` scope, else 404 (audited, identical to an unknown region). Without a request,
 * `preferred` (the plan's region) when visible, else the actor's first scope.
 */
export async function scopedRegion(
  deps: { audit: AuditService; lookup: (code: string) => Promise<RegionSummary | undefined> },
  actor: Actor,
  requested: string | undefined,
  preferred: string | undefined,
  action: string,
): Promise<RegionSummary> {
  const scopes = scopesOf(actor, 'dashboard:read');
  const visible = (code: string) => inAnyScope(code, scopes);
  const fallback = preferred !== undefined && visible(preferred) ? preferred : scopes.find((scope) => scope !== '');
  const code = requested ?? fallback ?? preferred;
  const region = code === undefined ? undefined : await deps.lookup(code);
  if (!region || code === undefined || !visible(code)) {
    await deps.audit.record(actor, {
      action,
      resourceType: 'region',
      resourceIds: code === undefined ? [] : [code],
      outcome: 'denied',
      reason: region ? 'outOfScope' : 'notFound',
    });
    throw new AppError('NOT_FOUND');
  }
  return region;
}
