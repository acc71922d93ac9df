import type { OrderDetailDto } from '@kangyang/contracts/home-care';
import type {
  MyCatalogueItem,
  MyComplaintBody,
  MyElderDto,
  MyOrderBody,
  MyOrderDto,
  MyRatingBody,
  MyUrgentBody,
} from '@kangyang/contracts/self-service';
import type { ComplaintDto, RatingDto } from '@kangyang/contracts/complaints';
import { AppError } from '../app-error.ts';
import type { Actor } from '../actor.ts';
import { loadElderUnscoped } from '../applications/elder-scope.ts';
import type { ComplaintService } from '../complaints/complaint.service.ts';
import { rateReachedVisit } from '../complaints/rating.ts';
import { lockVisitRating, visitForRating } from '../complaints/rating.repo.ts';
import type { ElderRow } from '../elders/elder.repo.ts';
import { priceFor } from '../home-care/catalogue.ts';
import { catalogueOf } from '../home-care/catalogue.repo.ts';
import type { HomeCareDeps } from '../home-care/home-care-deps.ts';
import { toOrderDto } from '../home-care/home-care-mapper.ts';
import { findOrder, listOrders, type OrderRow } from '../home-care/order.repo.ts';
import { createOrderFor } from '../home-care/orders.ts';
import { linkedElder, linkedElders, visitsOfOrders, type LinkedElder } from './link.repo.ts';

export type SelfServiceDeps = HomeCareDeps & { complaints: Pick<ComplaintService, 'createReached'> };

/** Categories tried, in order, for the one-button urgent order (HCS-3 `sosCall`). */
const URGENT_CATEGORIES = ['personalCare', 'healthVisit', 'companionship'];
const RECENT_ORDERS = 30;

const isSelf = (link: LinkedElder) => link.relation === 'self';

/**
 * AZ-8 (issue 6): the elder's own and the family's phone pages. Every method first reaches a linked,
 * unrevoked elder of the caller (elder_account_links); any other elder is an audited denial and 404,
 * byte-identical to a missing one (AZ-3, AZ-4). Orders, ratings and complaints then go through the
 * same code as staff-filed ones.
 */
// eslint-disable-next-line max-lines-per-function -- a service factory: each method is short; the closure holds the shared dependencies
export function createSelfService(deps: SelfServiceDeps) {
  const { db, audit } = deps;

  async function reach(actor: Actor, elderId: string, action: string): Promise<{ link: LinkedElder; elder: ElderRow }> {
    const link = await linkedElder(db, actor.userId, elderId);
    const elder = link ? await loadElderUnscoped(db, elderId) : undefined;
    if (link && elder) return { link, elder };
    await audit.record(actor, {
      action,
      resourceType: 'elder',
      resourceIds: [elderId],
      outcome: 'denied',
      reason: 'notLinked',
    });
    throw new AppError('NOT_FOUND', {}, 'elderId');
  }

  async function myOrders(elder: ElderRow, rows: readonly OrderRow[]): Promise<MyOrderDto[]> {
    const visits = await visitsOfOrders(
      db,
      elder.countyCode,
      rows.map((row) => row.id),
    );
    const byOrder = new Map(visits.map((visit) => [visit.orderId, visit]));
    const now = deps.clock.now();
    return rows.map((row) => {
      const order = toOrderDto(row, now);
      const visit = byOrder.get(row.id);
      return {
        id: order.id,
        serviceItemId: order.serviceItemId,
        serviceName: order.serviceName,
        channel: order.channel,
        urgency: order.urgency,
        status: order.status,
        scheduledFor: order.scheduledFor,
        workerName: order.workerName,
        elderPaysFen: order.elderPaysFen,
        createdAt: order.createdAt,
        visitId: visit?.visitId ?? null,
        visitStatus: visit?.visitStatus ?? null,
        stars: visit?.stars ?? null,
      };
    });
  }

  async function reply(elder: ElderRow, detail: OrderDetailDto): Promise<MyOrderDto> {
    const row = await findOrder(db, detail.id);
    if (!row) throw new AppError('NOT_FOUND');
    const [dto] = await myOrders(elder, [row]);
    if (!dto) throw new AppError('NOT_FOUND');
    return dto;
  }

  async function activeItems(elder: ElderRow) {
    return (await catalogueOf(db, [elder.countyCode])).filter((item) => item.active);
  }

  return {
    /** The caller's linked elders, name and masked ID number only. */
    async elders(actor: Actor): Promise<{ items: MyElderDto[] }> {
      const links = await linkedElders(db, actor.userId);
      await audit.record(actor, {
        action: 'self.elders',
        resourceType: 'elder',
        resourceIds: links.map((link) => link.elderId),
      });
      return {
        items: links.map((link) => ({
          elderId: link.elderId,
          name: link.name,
          idNumberMasked: link.idNumberMasked,
          relation: link.relation as MyElderDto['relation'],
        })),
      };
    },

    /** The elder's county catalogue with the price the elder pays (HCS-2, the staff quote). */
    async catalogue(actor: Actor, elderId: string): Promise<{ items: MyCatalogueItem[] }> {
      const { elder } = await reach(actor, elderId, 'self.catalogue');
      const items: MyCatalogueItem[] = [];
      for (const item of await activeItems(elder)) {
        const { quote } = await priceFor(deps, elder, item);
        const { programme: _programme, ...rest } = quote;
        const { id, code, name, nameEn, category, durationMinutes } = item;
        items.push({
          id,
          code,
          name,
          nameEn,
          category: category as MyCatalogueItem['category'],
          durationMinutes,
          quote: { serviceItemId: id, ...rest },
        });
      }
      await audit.record(actor, {
        action: 'self.catalogue',
        resourceType: 'elder',
        resourceIds: [elder.id],
        chain: elder.countyCode,
        elderBlindIndex: elder.idNumberBlindIndex,
      });
      return { items };
    },

    /** HCS-3 channel `app`: the staff order path (validation, price, clock, dispatch), idempotent by key. */
    async order(actor: Actor, elderId: string, body: MyOrderBody, key: string | null): Promise<MyOrderDto> {
      const { link, elder } = await reach(actor, elderId, 'homeCare.order.create');
      const detail = await createOrderFor(
        deps,
        actor,
        elder,
        {
          elderId,
          serviceItemId: body.serviceItemId,
          channel: 'app',
          urgency: 'routine',
          scheduledFor: body.scheduledFor ?? null,
          callerName: actor.displayName.slice(0, 50),
          callerRelation: isSelf(link) ? 'self' : 'family',
          notes: body.notes ?? null,
        },
        key,
      );
      return reply(elder, detail);
    },

    /** The one-button call: channel `sosCall`, urgent, as soon as possible, offered at once. */
    async urgent(actor: Actor, elderId: string, body: MyUrgentBody, key: string | null): Promise<MyOrderDto> {
      const { link, elder } = await reach(actor, elderId, 'homeCare.order.create');
      const items = await activeItems(elder);
      const item =
        URGENT_CATEGORIES.map((category) => items.find((row) => row.category === category)).find(Boolean) ?? items[0];
      if (!item) throw new AppError('VALIDATION_FAILED', { field: 'serviceItemId', detail: '' }, 'serviceItemId');
      const detail = await createOrderFor(
        deps,
        actor,
        elder,
        {
          elderId,
          serviceItemId: item.id,
          channel: 'sosCall',
          urgency: 'urgent',
          scheduledFor: null,
          callerName: actor.displayName.slice(0, 50),
          callerRelation: isSelf(link) ? 'self' : 'family',
          notes: body.notes ?? null,
        },
        key,
      );
      return reply(elder, detail);
    },

    /** The elder's orders and their visits, newest first (upcoming and recent). */
    async orders(actor: Actor, elderId: string): Promise<{ items: MyOrderDto[] }> {
      const { elder } = await reach(actor, elderId, 'homeCare.order.list');
      const scopes = [{ regionCode: elder.countyCode, organisationId: null }];
      const found = await listOrders(db, { scopes, elderId }, RECENT_ORDERS, 0);
      await audit.record(actor, {
        action: 'homeCare.order.list',
        resourceType: 'serviceOrder',
        resourceIds: found.items.map((row) => row.id),
        chain: elder.countyCode,
        details: { elderId },
      });
      return { items: await myOrders(elder, found.items) };
    },

    /** HCS-9: stars for a completed visit of the elder, once per visit. */
    async rate(actor: Actor, elderId: string, visitId: string, body: MyRatingBody): Promise<RatingDto> {
      const { link } = await reach(actor, elderId, 'rating.create');
      const visit = await visitForRating(db, visitId);
      if (!visit || visit.elderId !== elderId) {
        await audit.record(actor, {
          action: 'rating.create',
          resourceType: 'visit',
          resourceIds: [visitId],
          outcome: 'denied',
          reason: visit ? 'otherElder' : 'notFound',
        });
        throw new AppError('NOT_FOUND', {}, 'visitId');
      }
      if (visit.status !== 'completed') throw new AppError('HC_VISIT_NOT_COMPLETED', {}, 'visitId');
      if (await lockVisitRating(db, visit.countyCode, visit.id))
        throw new AppError('HC_VISIT_ALREADY_RATED', {}, 'visitId');
      const raterKind = isSelf(link) ? 'elder' : 'family';
      return rateReachedVisit(deps, actor, visit, { stars: body.stars, comment: body.comment ?? null, raterKind });
    },

    /** HCS-9, SUP-2: a complaint about one of the elder's orders, routed like a staff-filed one. */
    async complain(actor: Actor, elderId: string, body: MyComplaintBody): Promise<ComplaintDto> {
      const { link, elder } = await reach(actor, elderId, 'complaint.create');
      const order = await findOrder(db, body.orderId);
      const [visit] = order && order.elderId === elderId ? await visitsOfOrders(db, order.countyCode, [order.id]) : [];
      if (!order || !visit) {
        await audit.record(actor, {
          action: 'complaint.create',
          resourceType: 'serviceOrder',
          resourceIds: [body.orderId],
          outcome: 'denied',
          reason: order ? 'otherElder' : 'notFound',
        });
        throw new AppError('NOT_FOUND', {}, 'orderId');
      }
      if (!visit.providerId) throw new AppError('VALIDATION_FAILED', { field: 'orderId', detail: '' }, 'orderId');
      return deps.complaints.createReached(
        actor,
        { regionCode: elder.residenceRegionCode, providerId: visit.providerId, siteId: null, siteName: null },
        {
          elderId,
          complainantKind: isSelf(link) ? 'elder' : 'family',
          complainantName: actor.displayName.slice(0, 50),
          category: body.category,
          description: body.description,
        },
      );
    },
  };
}

export type SelfService = ReturnType<typeof createSelfService>;
