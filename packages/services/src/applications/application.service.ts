import type {
  ApplicationCreateBody,
  ApplicationDto,
  ApplicationListItem,
  ApplicationListQuery,
  EntitlementDto,
  RefuseBody,
  ReviewBody,
} from '@kangyang/contracts/application';
import { AppError } from '../app-error.ts';
import { scopesOf, type Actor } from '../actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { IdempotencyClaim } from '../idempotency/idempotency.service.ts';
import { uuidv7 } from '../ids.ts';
import { approveApplication } from './application-approval.ts';
import { toEntitlementDto, toListItem } from './application-mapper.ts';
import {
  decisionRowOf,
  isUniqueViolation,
  loadApplicationInScope,
  readApplication,
  recordTransition,
  requireState,
  type TransitionStep,
} from './application-steps.ts';
import * as repo from './application.repo.ts';
import { loadElderInScope } from './elder-scope.ts';
import type { EligibilityService } from './eligibility.service.ts';
import { entitlementsInForce, entitlementsOfElder, insertDecision, reviewsOf } from './entitlement.repo.ts';

export type ApplicationServiceDeps = { db: Db; clock: Clock; audit: AuditService; eligibility: EligibilityService };

/**
 * POL-5: an elder, family or community worker applies for a programme; the street reviews, the
 * district approves (creating an entitlement) or refuses; every step records who, when and why.
 */
// eslint-disable-next-line max-lines-per-function -- a service factory: each method is short; the closure holds the shared dependencies
export function createApplicationService(deps: ApplicationServiceDeps) {
  const { db, clock, audit, eligibility } = deps;

  /** One state change under the row lock, with its transition and audit row. */
  async function step(
    actor: Actor,
    row: repo.ApplicationRow,
    allowed: readonly string[],
    transition: Omit<TransitionStep, 'fromState' | 'decisionId'>,
  ): Promise<ApplicationDto> {
    const key = { countyCode: row.countyCode, id: row.id };
    return db.transaction(async (tx) => {
      const locked = await repo.lockApplication(tx, key);
      if (!locked) throw new AppError('NOT_FOUND');
      requireState(locked, allowed, transition.action);
      const now = clock.now();
      await repo.updateApplication(
        tx,
        { ...key, version: locked.version },
        { state: transition.toState, updatedAt: now },
      );
      await recordTransition(tx, key, { ...transition, fromState: locked.state, decisionId: null }, actor, now);
      await audit.record(
        actor,
        {
          action: `application.${transition.action}`,
          resourceType: 'application',
          resourceIds: [row.id, row.elderId],
          chain: row.countyCode,
          details: { from: locked.state, to: transition.toState, reason: transition.reason },
        },
        tx,
      );
      return readApplication(tx, key);
    });
  }

  async function insertSubmission(
    tx: Db,
    actor: Actor,
    body: ApplicationCreateBody,
    prepared: Awaited<ReturnType<typeof prepareSubmission>>,
  ): Promise<repo.ApplicationKey> {
    const { elder, resolved, decision, today } = prepared;
    const duplicate =
      (await repo.openApplicationExists(tx, elder.countyCode, elder.id, body.programme)) ||
      (await entitlementsInForce(tx, elder.id, today, { programme: body.programme })).length > 0;
    if (duplicate) throw new AppError('APPLICATION_DUPLICATE', { programme: body.programme }, 'programme');
    const now = clock.now();
    const decisionRow = decisionRowOf(elder, resolved, decision, { date: today, purpose: 'application', actor, now });
    await insertDecision(tx, decisionRow);
    const key = { countyCode: elder.countyCode, id: uuidv7(now.getTime()) };
    await repo.insertApplication(tx, {
      ...key,
      elderId: elder.id,
      regionCode: elder.residenceRegionCode,
      programme: body.programme,
      state: 'submitted',
      applicantKind: body.applicantKind,
      applicantName: body.applicantName ?? null,
      note: body.note ?? null,
      profileId: resolved.profile.id,
      profileVersion: resolved.version.version,
      bindingRegionCode: resolved.binding.regionCode,
      submissionDecisionId: decisionRow.id,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    const submit = { action: 'submit', fromState: null, toState: 'submitted', decisionId: decisionRow.id } as const;
    await recordTransition(tx, key, { ...submit, reason: body.note ?? null }, actor, now);
    return key;
  }

  async function prepareSubmission(actor: Actor, body: ApplicationCreateBody) {
    const elder = await loadElderInScope({ db, audit }, actor, body.elderId, 'application:apply', 'application.submit');
    const today = clock.today();
    const evaluation = await eligibility.evaluate(elder, today);
    const { resolved } = evaluation;
    if (!resolved)
      throw new AppError('PROFILE_NOT_BOUND', { regionCode: elder.residenceRegionCode, date: today }, 'elderId');
    const decision = evaluation.decisions.find((candidate) => candidate.programme === body.programme);
    if (!decision)
      throw new AppError(
        'PROGRAMME_NOT_OFFERED',
        { profileId: resolved.profile.id, programme: body.programme },
        'programme',
      );
    return { elder, resolved, decision, today };
  }

  return {
    /** Creates the application with the eligibility of the day attached; the idempotency claim commits with it. */
    async submit(actor: Actor, body: ApplicationCreateBody, claim?: IdempotencyClaim | null): Promise<ApplicationDto> {
      const prepared = await prepareSubmission(actor, body);
      try {
        return await db.transaction(async (tx) => {
          const key = await insertSubmission(tx, actor, body, prepared);
          await audit.record(
            actor,
            {
              action: 'application.submit',
              resourceType: 'application',
              resourceIds: [key.id, prepared.elder.id],
              chain: key.countyCode,
              elderBlindIndex: prepared.elder.idNumberBlindIndex,
              details: { programme: body.programme, eligible: prepared.decision.eligible },
            },
            tx,
          );
          const dto = await readApplication(tx, key);
          await claim?.completeIn(tx, 201, dto);
          return dto;
        });
      } catch (error) {
        if (isUniqueViolation(error))
          throw new AppError('APPLICATION_DUPLICATE', { programme: body.programme }, 'programme');
        throw error;
      }
    },

    async get(actor: Actor, id: string): Promise<ApplicationDto> {
      const row = await loadApplicationInScope({ db, audit }, actor, id, 'eligibility:read', 'application.read');
      await audit.record(actor, {
        action: 'application.read',
        resourceType: 'application',
        resourceIds: [row.id, row.elderId],
        chain: row.countyCode,
      });
      return readApplication(db, { countyCode: row.countyCode, id: row.id });
    },

    /** The inbox of the actor's region (street or district), newest first; a region filter outside scope is 404. */
    async list(actor: Actor, query: ApplicationListQuery): Promise<{ items: ApplicationListItem[]; total: number }> {
      const scopes = scopesOf(actor, 'eligibility:read');
      const region = query.region;
      if (region && !scopes.some((scope) => region.startsWith(scope) || scope.startsWith(region))) {
        const details = { regionCode: region };
        await audit.record(actor, {
          action: 'application.list',
          resourceType: 'application',
          outcome: 'denied',
          reason: 'regionOutOfScope',
          details,
        });
        throw new AppError('NOT_FOUND');
      }
      const filters = { scopes, regionCode: region, state: query.state, programme: query.programme };
      const found = await repo.listApplications(db, filters, query.limit, query.offset);
      await audit.record(actor, {
        action: 'application.list',
        resourceType: 'application',
        resourceIds: found.items.map((row) => row.id),
        details: { filters: { region, state: query.state, programme: query.programme }, total: found.total },
      });
      return { items: found.items.map(toListItem), total: found.total };
    },

    /** The street's review: pass on to the district, or refuse with a reason. */
    async review(actor: Actor, id: string, body: ReviewBody): Promise<ApplicationDto> {
      const row = await loadApplicationInScope({ db, audit }, actor, id, 'application:review', 'application.review');
      const pass = body.outcome === 'pass';
      return step(actor, row, ['submitted'], {
        action: pass ? 'streetPass' : 'streetRefuse',
        toState: pass ? 'streetPassed' : 'refused',
        reason: body.reason ?? null,
      });
    },

    /** The district refuses, with a reason, an application not yet decided. */
    async refuse(actor: Actor, id: string, body: RefuseBody): Promise<ApplicationDto> {
      const row = await loadApplicationInScope({ db, audit }, actor, id, 'application:approve', 'application.refuse');
      return step(actor, row, ['submitted', 'streetPassed'], {
        action: 'refuse',
        toState: 'refused',
        reason: body.reason,
      });
    },

    /** The district approves; eligibility is decided again on the approval date (see application-approval.ts). */
    async approve(actor: Actor, id: string, reason: string | undefined): Promise<ApplicationDto> {
      const row = await loadApplicationInScope({ db, audit }, actor, id, 'application:approve', 'application.approve');
      return approveApplication({ db, clock, audit, eligibility }, actor, row, reason ?? null);
    },

    /** GET /api/elders/:id/entitlements: every entitlement of the elder with its re-check reviews. */
    async entitlementsOf(actor: Actor, elderId: string): Promise<EntitlementDto[]> {
      const elder = await loadElderInScope({ db, audit }, actor, elderId, 'eligibility:read', 'entitlement.list');
      const rows = await entitlementsOfElder(db, elder.id);
      const reviews = await reviewsOf(
        db,
        rows.map((row) => row.id),
      );
      await audit.record(actor, {
        action: 'entitlement.list',
        resourceType: 'elder',
        resourceIds: [elder.id],
        chain: elder.countyCode,
        elderBlindIndex: elder.idNumberBlindIndex,
        details: { total: rows.length },
      });
      return rows.map((row) => toEntitlementDto(row, reviews));
    },
  };
}

export type ApplicationService = ReturnType<typeof createApplicationService>;
