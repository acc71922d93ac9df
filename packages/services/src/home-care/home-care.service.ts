import type { CarePlanCreateBody } from '@kangyang/contracts/care-plans';
import type {
  OfferReplyBody,
  OrderCreateBody,
  OrderListQuery,
  OverrideBody,
  ProviderBody,
  ResponseShareQuery,
  SyncBatch,
  VisitListQuery,
  WorkerCareProfileBody,
} from '@kangyang/contracts/home-care';
import type { Actor } from '../actor.ts';
import { alertsFor, handleOrderClock } from './alerts.ts';
import { createCarePlan, endCarePlan, handleCarePlanJob, listCarePlans, runCarePlans } from './care-plans.ts';
import { caregiverOf, getVisit, todayTasks, visitsFor } from './caregiver.ts';
import { catalogue, createProvider, getWorkerProfile, listProviders, putWorkerProfile, quote } from './catalogue.ts';
import { candidates, dispatch, handleOfferTimeout, override, passOn, replyToOffer } from './dispatch.ts';
import type { HomeCareDeps } from './home-care-deps.ts';
import { findOffer } from './offer.repo.ts';
import { cancelOrder, createOrder, getOrder, listOrdersFor } from './orders.ts';
import { responseShare } from './response-share.ts';
import { syncBatch } from './sync.ts';
import { readPhoto, uploadPhoto } from './visit-photos.ts';

export { OFFER_TIMEOUT_JOB, ORDER_CLOCK_JOB } from './home-care-deps.ts';
export { CARE_PLAN_JOB } from './care-plans.ts';
export type { HomeCareConfig, HomeCareDeps } from './home-care-deps.ts';
export { visitCodeOf } from './visit-code.ts';

/** HCS-1 … HCS-8: providers, catalogue, orders, dispatch, offers, verified visits and offline sync. */
export function createHomeCareService(deps: HomeCareDeps) {
  return {
    listProviders: (actor: Actor, query: { regionCode?: string | undefined; limit: number; offset: number }) =>
      listProviders(deps, actor, query),
    createProvider: (actor: Actor, body: ProviderBody) => createProvider(deps, actor, body),
    catalogue: (actor: Actor) => catalogue(deps, actor),
    quote: (actor: Actor, query: { elderId: string; serviceItemId: string }) => quote(deps, actor, query),
    getWorkerProfile: (actor: Actor, workerId: string) => getWorkerProfile(deps, actor, workerId),
    putWorkerProfile: (actor: Actor, workerId: string, body: WorkerCareProfileBody) =>
      putWorkerProfile(deps, actor, workerId, body),
    createOrder: (actor: Actor, body: OrderCreateBody, idempotencyKey?: string | null) =>
      createOrder(deps, actor, body, idempotencyKey),
    getOrder: (actor: Actor, id: string) => getOrder(deps, actor, id),
    listOrders: (actor: Actor, query: OrderListQuery) => listOrdersFor(deps, actor, query),
    cancelOrder: (actor: Actor, id: string, reason: string) => cancelOrder(deps, actor, id, reason),
    candidates: async (actor: Actor, id: string) => ({ orderId: id, items: await candidates(deps, actor, id) }),
    dispatch: (actor: Actor, id: string) => dispatch(deps, actor, id),
    override: (actor: Actor, id: string, body: OverrideBody) => override(deps, actor, id, body),
    alerts: (
      actor: Actor,
      query: { kind?: string | undefined; since?: string | undefined; limit: number; offset: number },
    ) => alertsFor(deps, actor, query),
    visits: (actor: Actor, query: VisitListQuery) => visitsFor(deps, actor, query),
    responseShare: (actor: Actor, query: ResponseShareQuery) => responseShare(deps, actor, query),
    getVisit: (actor: Actor, id: string) => getVisit(deps, actor, id),
    myTasks: (actor: Actor, date?: string) => todayTasks(deps, actor, date),
    async replyToOffer(actor: Actor, offerId: string, body: OfferReplyBody) {
      const worker = await caregiverOf(deps, actor);
      await deps.db.transaction((tx) => replyToOffer(deps, actor, worker.workerId, offerId, body, tx));
      if (!body.accept) {
        const offer = await findOffer(deps.db, offerId);
        if (offer) await passOn(deps, offer.orderId);
      }
      return todayTasks(deps, actor, undefined, worker);
    },
    sync: (actor: Actor, batch: SyncBatch, locale: 'zh-CN' | 'en-US' = 'zh-CN') =>
      syncBatch(deps, actor, batch, locale),
    uploadPhoto: (actor: Actor, target: { visitId: string; photoId: string; contentType: string }, bytes: Buffer) =>
      uploadPhoto(deps, actor, target, bytes),
    readPhoto: (actor: Actor, visitId: string, photoId: string) => readPhoto(deps, actor, visitId, photoId),
    handleOfferTimeout: (payload: unknown) => handleOfferTimeout(deps, payload),
    handleOrderClock: (payload: unknown) => handleOrderClock(deps, payload),
    createCarePlan: (actor: Actor, body: CarePlanCreateBody) => createCarePlan(deps, actor, body),
    listCarePlans: (actor: Actor, elderId: string) => listCarePlans(deps, actor, elderId),
    endCarePlan: (actor: Actor, id: string, reason: string) => endCarePlan(deps, actor, id, reason),
    runCarePlans: () => runCarePlans(deps),
    handleCarePlanJob: () => handleCarePlanJob(deps),
  };
}

export type HomeCareService = ReturnType<typeof createHomeCareService>;
