import type {
  ComplaintCreateBody,
  ComplaintDto,
  ComplaintListQuery,
  ComplaintStatusBody,
  RatingBody,
  RatingDto,
} from '@kangyang/contracts/complaints';
import type { Permission } from '@kangyang/domain/access';
import {
  DEFAULT_COMPLAINT_RESPONSE_WORKING_DAYS,
  canMoveComplaint,
  isOverdue,
  responseDeadline,
  type ComplaintStatus,
} from '@kangyang/domain/community-services';
import { AppError } from '../app-error.ts';
import type { Actor } from '../actor.ts';
import { scopesOf } from '../actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { uuidv7 } from '../ids.ts';
import { providerScopesOf, reachesRecord } from '../service-sites/site-scope.ts';
import type { IdempotencyClaim } from '../idempotency/idempotency.service.ts';
import * as repo from './complaint.repo.ts';
import { rateVisit } from './rating.ts';
import { bumpAggregates } from './rating.repo.ts';

export type ComplaintServiceDeps = {
  db: Db;
  clock: Clock;
  audit: AuditService;
  /** SUP-2 response deadline in working days (configuration; default 3). */
  responseWorkingDays?: number;
};

export function toComplaintDto(row: repo.ComplaintRow, now: Date, siteName: string | null): ComplaintDto {
  const status = row.status as ComplaintStatus;
  return {
    id: row.id,
    regionCode: row.regionCode,
    elderId: row.elderId,
    complainantKind: row.complainantKind,
    complainantName: row.complainantName,
    providerId: row.providerId,
    siteId: row.siteId,
    siteName,
    category: row.category as ComplaintDto['category'],
    description: row.description,
    status,
    receivedAt: row.receivedAt.toISOString(),
    deadlineAt: row.deadlineAt.toISOString(),
    responseWorkingDays: row.responseWorkingDays,
    overdue: isOverdue(status, row.deadlineAt, now),
    response: row.response,
    respondedAt: row.respondedAt?.toISOString() ?? null,
    version: row.version,
  };
}

/** Where a complaint or rating is supervised: the site's region, else the body's region, else the elder's residence. */
async function targetOf(
  db: Db,
  actor: Actor,
  body: Pick<ComplaintCreateBody, 'siteId' | 'providerId' | 'elderId'> & { regionCode?: string | null | undefined },
) {
  const site = body.siteId ? await repo.siteById(db, body.siteId) : undefined;
  if (body.siteId && !site) throw new AppError('NOT_FOUND', {}, 'siteId');
  const elder = body.elderId ? await repo.elderResidence(db, body.elderId, scopesOf(actor, 'elder:read')) : undefined;
  if (body.elderId && !elder && !site) throw new AppError('NOT_FOUND', {}, 'elderId');
  const regionCode = site?.regionCode ?? body.regionCode ?? elder?.regionCode;
  if (!regionCode) throw new AppError('VALIDATION_FAILED', { field: 'regionCode', detail: '' }, 'regionCode');
  const providerId = body.providerId ?? site?.providerId ?? null;
  return { regionCode, providerId, siteId: site?.id ?? null, siteName: site?.name ?? null };
}

// eslint-disable-next-line max-lines-per-function -- a service factory: each method is short; the closure holds the shared dependencies
export function createComplaintService(deps: ComplaintServiceDeps) {
  const { db, clock, audit } = deps;
  const workingDays = deps.responseWorkingDays ?? DEFAULT_COMPLAINT_RESPONSE_WORKING_DAYS;

  async function loadScoped(actor: Actor, id: string, permission: Permission, action: string) {
    const row = await repo.findComplaint(db, id, providerScopesOf(actor, permission));
    if (row) return row;
    const county = await repo.complaintCountyOf(db, id);
    const reason = county ? 'outOfScope' : 'notFound';
    await audit.record(actor, {
      action,
      resourceType: 'complaint',
      resourceIds: [id],
      outcome: 'denied',
      reason,
      chain: county,
    });
    throw new AppError('NOT_FOUND');
  }

  const dtoOf = async (row: repo.ComplaintRow) =>
    toComplaintDto(
      row,
      clock.now(),
      row.siteId ? ((await repo.siteNames(db, [row.siteId])).get(row.siteId) ?? null) : null,
    );

  return {
    /** HCS-9, SUP-2: files a complaint, routed to the provider and the region's supervisor, with its deadline. */
    async create(actor: Actor, body: ComplaintCreateBody): Promise<ComplaintDto> {
      const target = await targetOf(db, actor, body);
      if (!reachesRecord(providerScopesOf(actor, 'complaint:write'), target.regionCode, target.providerId))
        throw new AppError('REGION_OUT_OF_SCOPE', {}, 'regionCode');
      return this.createReached(actor, target, body);
    },

    /** Files a complaint whose target the caller already reached (staff scope, or an elder/family link, AZ-8). */
    async createReached(
      actor: Actor,
      target: { regionCode: string; providerId: string | null; siteId: string | null; siteName: string | null },
      body: Pick<ComplaintCreateBody, 'elderId' | 'complainantKind' | 'complainantName' | 'category' | 'description'>,
    ): Promise<ComplaintDto> {
      const now = clock.now();
      const id = uuidv7();
      const row = await db.transaction(async (tx) => {
        const inserted = await repo.insertComplaint(tx, {
          countyCode: target.regionCode.slice(0, 6),
          id,
          regionCode: target.regionCode,
          elderId: body.elderId ?? null,
          complainantKind: body.complainantKind,
          complainantName: body.complainantName ?? null,
          providerId: target.providerId,
          siteId: target.siteId,
          category: body.category,
          description: body.description,
          status: 'open',
          receivedAt: now,
          deadlineAt: responseDeadline(now, workingDays),
          responseWorkingDays: workingDays,
          createdBy: actor.userId,
          updatedAt: now,
          version: 1,
        });
        const details = { providerId: target.providerId, siteId: target.siteId, category: body.category };
        await audit.record(
          actor,
          {
            action: 'complaint.create',
            resourceType: 'complaint',
            resourceIds: [id],
            details,
            chain: inserted.countyCode,
          },
          tx,
        );
        return inserted;
      });
      return toComplaintDto(row, now, target.siteName);
    },

    async get(actor: Actor, id: string): Promise<ComplaintDto> {
      const row = await loadScoped(actor, id, 'complaint:read', 'complaint.read');
      await audit.record(actor, {
        action: 'complaint.read',
        resourceType: 'complaint',
        resourceIds: [id],
        chain: row.countyCode,
      });
      return dtoOf(row);
    },

    /** The inbox: complaints routed to the actor's provider or supervised region, newest first. */
    async list(actor: Actor, query: ComplaintListQuery): Promise<{ items: ComplaintDto[]; total: number }> {
      const { limit, offset, overdue, ...filters } = query;
      const now = clock.now();
      const found = await repo.listComplaints(
        db,
        {
          ...filters,
          scopes: providerScopesOf(actor, 'complaint:read'),
          overdueAt: overdue === 'true' ? now : undefined,
        },
        limit,
        offset,
      );
      const names = await repo.siteNames(
        db,
        found.items.flatMap((row) => (row.siteId ? [row.siteId] : [])),
      );
      await audit.record(actor, {
        action: 'complaint.list',
        resourceType: 'complaint',
        resourceIds: found.items.map((row) => row.id),
        details: { filters },
      });
      return {
        items: found.items.map((row) => toComplaintDto(row, now, row.siteId ? (names.get(row.siteId) ?? null) : null)),
        total: found.total,
      };
    },

    /** Acknowledge, respond, resolve or close; forward only, with optimistic versioning. */
    async changeStatus(actor: Actor, id: string, body: ComplaintStatusBody): Promise<ComplaintDto> {
      const row = await loadScoped(actor, id, 'complaint:respond', 'complaint.status');
      if (row.version !== body.version) throw new AppError('VERSION_CONFLICT', {}, 'version');
      const from = row.status as ComplaintStatus;
      if (!canMoveComplaint(from, body.status))
        throw new AppError('COMPLAINT_STATE', { from, to: body.status }, 'status');
      const now = clock.now();
      const change = {
        status: body.status,
        updatedAt: now,
        ...(body.response ? { response: body.response, respondedAt: now, respondedBy: actor.userId } : {}),
        ...(body.status === 'closed' ? { closedAt: now } : {}),
      };
      const saved = await db.transaction(async (tx) => {
        const updated = await repo.updateComplaint(tx, row, change);
        if (!updated) throw new AppError('VERSION_CONFLICT', {}, 'version');
        const details = { from, to: body.status, overdue: isOverdue(from, row.deadlineAt, now) };
        await audit.record(
          actor,
          { action: 'complaint.status', resourceType: 'complaint', resourceIds: [id], details, chain: row.countyCode },
          tx,
        );
        return updated;
      });
      return dtoOf(saved);
    },

    /** HCS-9 stars for a provider, a site or a visit (rating.ts); answers the target's new average. */
    async rate(actor: Actor, body: RatingBody, claim?: IdempotencyClaim | null): Promise<RatingDto> {
      if (body.visitId) return rateVisit(deps, actor, { ...body, visitId: body.visitId }, claim);
      const target = await targetOf(db, actor, body);
      if (!reachesRecord(providerScopesOf(actor, 'complaint:write'), target.regionCode, target.providerId))
        throw new AppError('REGION_OUT_OF_SCOPE', {}, 'regionCode');
      const id = uuidv7();
      const countyCode = target.regionCode.slice(0, 6);
      return db.transaction(async (tx) => {
        await repo.insertRating(tx, {
          countyCode,
          id,
          regionCode: target.regionCode,
          elderId: body.elderId ?? null,
          raterKind: body.raterKind,
          providerId: target.providerId,
          siteId: target.siteId,
          stars: body.stars,
          comment: body.comment ?? null,
          createdBy: actor.userId,
          createdAt: clock.now(),
        });
        await bumpAggregates(
          tx,
          { countyCode, workerId: null, providerId: target.providerId },
          { stars: body.stars, count: 1 },
        );
        const details = { providerId: target.providerId, siteId: target.siteId, stars: body.stars };
        await audit.record(
          actor,
          { action: 'rating.create', resourceType: 'rating', resourceIds: [id], details, chain: countyCode },
          tx,
        );
        const summary = await repo.ratingSummary(tx, target);
        const dto = { id, providerId: target.providerId, siteId: target.siteId, stars: body.stars, ...summary };
        if (claim) await claim.completeIn(tx, 201, dto);
        return dto;
      });
    },
  };
}

export type ComplaintService = ReturnType<typeof createComplaintService>;
