import { isWithin } from '@kangyang/domain/region';
import { AppError } from '../app-error.ts';
import type { Actor } from '../actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Db } from '../db/database.ts';
import * as repo from './region.repo.ts';
import { regionWithChildBoundaries } from './region-boundaries.repo.ts';
import { boundariesOf } from './region-boundaries.ts';

/** Regions are reference data (S0/S1): readable by anyone with `region:read`, limited to the actor's grants. */
export function createRegionService(deps: { db: Db; audit: AuditService }) {
  const { db, audit } = deps;
  const scopeCodes = (actor: Actor): string[] => [...new Set(actor.grants.map((grant) => grant.regionCode))];
  const visible = (actor: Actor, code: string): boolean =>
    scopeCodes(actor).some((scope) => isWithin(code, scope) || scope === '');

  /** AZ-3, AZ-4: outside the scope or nonexistent, the same 404, and the attempt is audited. */
  async function denied(actor: Actor, code: string, action: string, reason: string): Promise<never> {
    await audit.record(actor, { action, resourceType: 'region', resourceIds: [code], outcome: 'denied', reason });
    throw new AppError('NOT_FOUND');
  }

  return {
    /** The roots of the actor's region selector: one per granted scope. */
    scopeRoots: (actor: Actor) => repo.regionsByCodes(db, scopeCodes(actor)),

    async children(actor: Actor, parentCode: string) {
      if (!visible(actor, parentCode)) return denied(actor, parentCode, 'region.children', 'outOfScope');
      return repo.childrenOf(db, parentCode);
    },

    async get(actor: Actor, code: string) {
      const [region] = await repo.regionsByCodes(db, [code]);
      if (!region || !visible(actor, code))
        return denied(actor, code, 'region.read', region ? 'outOfScope' : 'notFound');
      return region;
    },

    /** KPI-7: GeoJSON boundaries of the children of `code` for the offline map (reference data, not audited). */
    async boundaries(actor: Actor, code: string) {
      const rows = await regionWithChildBoundaries(db, code);
      if (!rows.some((row) => row.code === code) || !visible(actor, code))
        return denied(actor, code, 'region.boundaries', rows.length ? 'outOfScope' : 'notFound');
      return boundariesOf(code, rows);
    },
  };
}

export type RegionService = ReturnType<typeof createRegionService>;
