import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { ComplaintDto, RatingDto } from '@kangyang/contracts/complaints';
import {
  MyCatalogue,
  MyComplaintBody,
  MyElderList,
  MyElderParams,
  MyOrderBody,
  MyOrderDto,
  MyOrderList,
  MyRatingBody,
  MyUrgentBody,
  MyVisitParams,
} from '@kangyang/contracts/self-service';
import type { Services } from '@kangyang/services';
import { actorOf } from '../plugins/auth.ts';

const BASE = '/api/me/elders';

function keyOf(request: FastifyRequest): string | null {
  const header = request.headers['idempotency-key'];
  return (Array.isArray(header) ? header[0] : header) ?? null;
}

/**
 * AZ-8 (issue 6): the elder's own and the family's phone pages. `self:use` is held only by the
 * `elder` and `familyMember` roles; every elder named must be linked to the caller (404 otherwise).
 */
export const selfServiceRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['self-service'];
  const me = services.selfService;
  const config = { permission: 'self:use' as const };

  app.get(BASE, { config, schema: { tags, response: { 200: MyElderList } } }, async (request) =>
    me.elders(actorOf(request)),
  );
  app.get(
    `${BASE}/:elderId/catalogue`,
    { config, schema: { tags, params: MyElderParams, response: { 200: MyCatalogue } } },
    async (request) => me.catalogue(actorOf(request), request.params.elderId),
  );
  app.get(
    `${BASE}/:elderId/orders`,
    { config, schema: { tags, params: MyElderParams, response: { 200: MyOrderList } } },
    async (request) => me.orders(actorOf(request), request.params.elderId),
  );
  app.post(
    `${BASE}/:elderId/orders`,
    {
      config: { ...config, idempotency: 'required' },
      schema: { tags, params: MyElderParams, body: MyOrderBody, response: { 201: MyOrderDto } },
    },
    async (request, reply) =>
      reply.code(201).send(await me.order(actorOf(request), request.params.elderId, request.body, keyOf(request))),
  );
  app.post(
    `${BASE}/:elderId/urgent`,
    {
      config: { ...config, idempotency: 'required' },
      schema: { tags, params: MyElderParams, body: MyUrgentBody, response: { 201: MyOrderDto } },
    },
    async (request, reply) =>
      reply.code(201).send(await me.urgent(actorOf(request), request.params.elderId, request.body, keyOf(request))),
  );
  app.post(
    `${BASE}/:elderId/visits/:visitId/rating`,
    {
      config: { ...config, idempotency: 'optional' },
      schema: { tags, params: MyVisitParams, body: MyRatingBody, response: { 201: RatingDto } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await me.rate(actorOf(request), request.params.elderId, request.params.visitId, request.body)),
  );
  app.post(
    `${BASE}/:elderId/complaints`,
    {
      config: { ...config, idempotency: 'optional' },
      schema: { tags, params: MyElderParams, body: MyComplaintBody, response: { 201: ComplaintDto } },
    },
    async (request, reply) =>
      reply.code(201).send(await me.complain(actorOf(request), request.params.elderId, request.body)),
  );
};
