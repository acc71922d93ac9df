import { isWithin } from '@kangyang/domain/region';
import { AppError } from '../app-error.ts';
import type { Actor } from '../actor.ts';
import type { Db } from '../db/database.ts';
import * as repo from './region.repo.ts';

/** Regions are reference data (S0/S1): readable by anyone with `region:read`, limited to the actor's grants. */
export function createRegionService(deps: { db: Db }) {
  const { db } = deps;
  const scopeCodes = (actor: Actor): string[] => [...new Set(actor.grants.map((grant) => grant.regionCode))];
  const visible = (actor: Actor, code: string): boolean =>
    scopeCodes(actor).some((scope) => isWithin(code, scope) || scope === '');

  return {
    /** The roots of the actor's region selector: one per granted scope. */
    scopeRoots: (actor: Actor) => repo.regionsByCodes(db, scopeCodes(actor)),

    async children(actor: Actor, parentCode: string) {
      if (!visible(actor, parentCode)) throw new AppError('NOT_FOUND');
      return repo.childrenOf(db, parentCode);
    },

    async get(actor: Actor, code: string) {
      const [region] = await repo.regionsByCodes(db, [code]);
      if (!region || !visible(actor, code)) throw new AppError('NOT_FOUND');
      return region;
    },
  };
}

export type RegionService = ReturnType<typeof createRegionService>;
