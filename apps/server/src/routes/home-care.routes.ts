import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '@kangyang/contracts/common';
import { localeFromAcceptLanguage } from '@kangyang/contracts/errors';
import {
  AlertList,
  AlertQuery,
  CandidateList,
  OfferReplyBody,
  OrderCancelBody,
  OrderCreateBody,
  OrderDetailDto,
  OrderListQuery,
  OrderPage,
  OverrideBody,
  PriceQuote,
  ProviderBody,
  ProviderDto,
  ProviderListQuery,
  ProviderPage,
  QuoteQuery,
  ResponseShareList,
  ResponseShareQuery,
  ServiceItemList,
  SyncBatch,
  SyncReply,
  TaskList,
  TaskQuery,
  VisitDto,
  VisitListQuery,
  VisitPage,
  WorkerCareProfileBody,
  WorkerCareProfileDto,
} from '@kangyang/contracts/home-care';
import type { Services } from '@kangyang/services';
import { actorOf } from '../plugins/auth.ts';
import { homeCarePhotoRoutes } from './home-care-photos.routes.ts';

const BASE = '/api/home-care';

type Plugin = FastifyPluginAsyncZod<{ services: Services }>;

/** HCS-1, HCS-2: providers, catalogue, quotes, workers' care profiles. */
const providerRoutes: Plugin = async (app, { services }) => {
  const tags = ['home-care'];
  const hc = services.homeCare;

  app.get(
    `${BASE}/providers`,
    {
      config: { permission: 'order:read' },
      schema: { tags, querystring: ProviderListQuery, response: { 200: ProviderPage } },
    },
    async (request) => hc.listProviders(actorOf(request), request.query),
  );
  app.post(
    `${BASE}/providers`,
    { config: { permission: 'order:dispatch' }, schema: { tags, body: ProviderBody, response: { 201: ProviderDto } } },
    async (request, reply) => reply.code(201).send(await hc.createProvider(actorOf(request), request.body)),
  );
  app.get(
    `${BASE}/catalogue`,
    { config: { permission: 'order:read' }, schema: { tags, response: { 200: ServiceItemList } } },
    async (request) => hc.catalogue(actorOf(request)),
  );
  app.get(
    `${BASE}/quote`,
    { config: { permission: 'order:read' }, schema: { tags, querystring: QuoteQuery, response: { 200: PriceQuote } } },
    async (request) => hc.quote(actorOf(request), request.query),
  );
  app.get(
    `${BASE}/workers/:id/profile`,
    {
      config: { permission: 'worker:read' },
      schema: { tags, params: IdParams, response: { 200: WorkerCareProfileDto } },
    },
    async (request) => hc.getWorkerProfile(actorOf(request), request.params.id),
  );
  app.put(
    `${BASE}/workers/:id/profile`,
    {
      config: { permission: 'worker:write' },
      schema: { tags, params: IdParams, body: WorkerCareProfileBody, response: { 200: WorkerCareProfileDto } },
    },
    async (request) => hc.putWorkerProfile(actorOf(request), request.params.id, request.body),
  );
};

/** HCS-3: orders from every channel (Idempotency-Key required on creation). */
const orderRoutes: Plugin = async (app, { services }) => {
  const tags = ['home-care'];
  const hc = services.homeCare;

  app.post(
    `${BASE}/orders`,
    {
      config: { permission: 'order:write', idempotency: 'required' },
      schema: { tags, body: OrderCreateBody, response: { 201: OrderDetailDto } },
    },
    async (request, reply) => {
      const header = request.headers['idempotency-key'];
      const key = Array.isArray(header) ? header[0] : header;
      return reply.code(201).send(await hc.createOrder(actorOf(request), request.body, key ?? null));
    },
  );
  app.get(
    `${BASE}/orders`,
    {
      config: { permission: 'order:read' },
      schema: { tags, querystring: OrderListQuery, response: { 200: OrderPage } },
    },
    async (request) => hc.listOrders(actorOf(request), request.query),
  );
  app.get(
    `${BASE}/orders/:id`,
    { config: { permission: 'order:read' }, schema: { tags, params: IdParams, response: { 200: OrderDetailDto } } },
    async (request) => hc.getOrder(actorOf(request), request.params.id),
  );
};

/** HCS-4 … HCS-6: cancel, candidates, dispatch, override, alerts, visits. */
const dispatchRoutes: Plugin = async (app, { services }) => {
  const tags = ['home-care'];
  const hc = services.homeCare;

  app.post(
    `${BASE}/orders/:id/cancel`,
    {
      config: { permission: 'order:write' },
      schema: { tags, params: IdParams, body: OrderCancelBody, response: { 200: OrderDetailDto } },
    },
    async (request) => hc.cancelOrder(actorOf(request), request.params.id, request.body.reason),
  );
  app.get(
    `${BASE}/orders/:id/candidates`,
    { config: { permission: 'order:dispatch' }, schema: { tags, params: IdParams, response: { 200: CandidateList } } },
    async (request) => hc.candidates(actorOf(request), request.params.id),
  );
  app.post(
    `${BASE}/orders/:id/dispatch`,
    { config: { permission: 'order:dispatch' }, schema: { tags, params: IdParams, response: { 200: OrderDetailDto } } },
    async (request) => hc.dispatch(actorOf(request), request.params.id),
  );
  app.post(
    `${BASE}/orders/:id/assign`,
    {
      config: { permission: 'order:dispatch' },
      schema: { tags, params: IdParams, body: OverrideBody, response: { 200: OrderDetailDto } },
    },
    async (request) => hc.override(actorOf(request), request.params.id, request.body),
  );
  app.get(
    `${BASE}/alerts`,
    { config: { permission: 'order:read' }, schema: { tags, querystring: AlertQuery, response: { 200: AlertList } } },
    async (request) => hc.alerts(actorOf(request), request.query),
  );
  app.get(
    `${BASE}/response-share`,
    {
      config: { permission: 'order:read' },
      schema: { tags, querystring: ResponseShareQuery, response: { 200: ResponseShareList } },
    },
    async (request) => hc.responseShare(actorOf(request), request.query),
  );
  app.get(
    `${BASE}/visits`,
    {
      config: { permission: 'order:read' },
      schema: { tags, querystring: VisitListQuery, response: { 200: VisitPage } },
    },
    async (request) => hc.visits(actorOf(request), request.query),
  );
  app.get(
    `${BASE}/visits/:id`,
    { config: { permission: 'order:read' }, schema: { tags, params: IdParams, response: { 200: VisitDto } } },
    async (request) => hc.getVisit(actorOf(request), request.params.id),
  );
};

/** The caregiver's phone (visit:own): today's tasks, offer replies, offline sync. */
const caregiverRoutes: Plugin = async (app, { services }) => {
  const tags = ['home-care'];
  const hc = services.homeCare;

  app.get(
    `${BASE}/my/tasks`,
    { config: { permission: 'visit:own' }, schema: { tags, querystring: TaskQuery, response: { 200: TaskList } } },
    async (request) => hc.myTasks(actorOf(request), request.query.date),
  );
  app.post(
    `${BASE}/my/offers/:id/reply`,
    {
      config: { permission: 'visit:own' },
      schema: { tags, params: IdParams, body: OfferReplyBody, response: { 200: TaskList } },
    },
    async (request) => hc.replyToOffer(actorOf(request), request.params.id, request.body),
  );
  app.post(
    `${BASE}/my/sync`,
    {
      config: { permission: 'visit:own' },
      bodyLimit: 4 * 1024 * 1024,
      schema: { tags, body: SyncBatch, response: { 200: SyncReply } },
    },
    async (request) =>
      hc.sync(actorOf(request), request.body, localeFromAcceptLanguage(request.headers['accept-language'])),
  );
};

/** HCS-1 … HCS-8: the API listed at the top of packages/contracts/src/home-care.ts. */
export const homeCareRoutes: Plugin = async (app, options) => {
  await app.register(providerRoutes, options);
  await app.register(orderRoutes, options);
  await app.register(dispatchRoutes, options);
  await app.register(caregiverRoutes, options);
  await app.register(homeCarePhotoRoutes, options);
};
