import type { RatingBody, RatingDto } from '@kangyang/contracts/complaints';
import { AppError } from '../app-error.ts';
import type { Actor } from '../actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { IdempotencyClaim } from '../idempotency/idempotency.service.ts';
import { uuidv7 } from '../ids.ts';
import { providerScopesOf, reachesRecord } from '../service-sites/site-scope.ts';
import * as ratingRepo from './rating.repo.ts';

export type RatingDeps = { db: Db; clock: Clock; audit: AuditService };

const pick = (visit: ratingRepo.RatedVisit) => ({
  visitId: visit.id,
  workerId: visit.workerId,
  providerId: visit.providerId,
});

/** The in-scope, completed visit being rated; 404 across scope or when unknown (security.md). */
async function ratedVisit(deps: RatingDeps, actor: Actor, visitId: string): Promise<ratingRepo.RatedVisit> {
  const visit = await ratingRepo.visitForRating(deps.db, visitId);
  if (visit && reachesRecord(providerScopesOf(actor, 'complaint:write'), visit.regionCode, visit.providerId)) {
    if (visit.status !== 'completed') throw new AppError('HC_VISIT_NOT_COMPLETED', {}, 'visitId');
    return visit;
  }
  await deps.audit.record(actor, {
    action: 'rating.create',
    resourceType: 'visit',
    resourceIds: [visitId],
    outcome: 'denied',
    reason: visit ? 'outOfScope' : 'notFound',
    chain: visit?.countyCode,
  });
  throw new AppError('NOT_FOUND', {}, 'visitId');
}

/**
 * HCS-9, HCS-4: stars for one home-care visit. The first rating of a visit adds its stars and one to
 * the worker's and the provider's aggregates; a later one amends the stars and moves the sums by the
 * difference only, all in one transaction with the audit row and the idempotency key's reply, so a
 * replayed request (same key) or a repeated rating never counts twice and dispatch ranks by live stars.
 */
export async function rateVisit(
  deps: RatingDeps,
  actor: Actor,
  body: RatingBody & { visitId: string },
  claim?: IdempotencyClaim | null,
): Promise<RatingDto> {
  const visit = await ratedVisit(deps, actor, body.visitId);
  return rateReachedVisit(deps, actor, visit, body, claim);
}

/** The rating of a visit the caller already reached (staff scope, or an elder/family link, AZ-8). */
export async function rateReachedVisit(
  deps: RatingDeps,
  actor: Actor,
  visit: ratingRepo.RatedVisit,
  body: Pick<RatingBody, 'stars' | 'comment' | 'raterKind'>,
  claim?: IdempotencyClaim | null,
): Promise<RatingDto> {
  const now = deps.clock.now();
  const comment = body.comment ?? null;
  return deps.db.transaction(async (tx) => {
    const earlier = await ratingRepo.lockVisitRating(tx, visit.countyCode, visit.id);
    const id = earlier?.id ?? uuidv7();
    if (earlier) {
      await ratingRepo.amendRating(tx, {
        countyCode: visit.countyCode,
        id,
        stars: body.stars,
        comment,
        raterKind: body.raterKind,
        now,
      });
    } else {
      await ratingRepo.insertVisitRating(tx, {
        visit,
        id,
        stars: body.stars,
        comment,
        raterKind: body.raterKind,
        createdBy: actor.userId,
        now,
      });
    }
    await ratingRepo.bumpAggregates(tx, visit, { stars: body.stars - (earlier?.stars ?? 0), count: earlier ? 0 : 1 });
    await deps.audit.record(
      actor,
      {
        action: earlier ? 'rating.amend' : 'rating.create',
        resourceType: 'rating',
        resourceIds: [id],
        details: { ...pick(visit), stars: body.stars, previousStars: earlier?.stars ?? null },
        chain: visit.countyCode,
      },
      tx,
    );
    const summary = await ratingRepo.providerRating(tx, visit.providerId);
    const dto: RatingDto = {
      id,
      providerId: visit.providerId,
      siteId: null,
      visitId: visit.id,
      workerId: visit.workerId,
      amended: earlier !== undefined,
      stars: body.stars,
      ...summary,
    };
    if (claim) await claim.completeIn(tx, 201, dto);
    return dto;
  });
}
