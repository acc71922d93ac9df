import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '@kangyang/contracts/common';
import {
  CarePlanCreateBody,
  CarePlanDto,
  CarePlanEndBody,
  CarePlanList,
  CarePlanListQuery,
} from '@kangyang/contracts/care-plans';
import type { Services } from '@kangyang/services';
import { actorOf } from '../plugins/auth.ts';

const BASE = '/api/home-care/care-plans';

/** HCS-3 recurring care-plan visits: create (Idempotency-Key required), list per elder, end. */
export const carePlanRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['home-care'];
  const hc = services.homeCare;

  app.post(
    BASE,
    {
      config: { permission: 'order:write', idempotency: 'required' },
      schema: { tags, body: CarePlanCreateBody, response: { 201: CarePlanDto } },
    },
    async (request, reply) => reply.code(201).send(await hc.createCarePlan(actorOf(request), request.body)),
  );
  app.get(
    BASE,
    {
      config: { permission: 'order:read' },
      schema: { tags, querystring: CarePlanListQuery, response: { 200: CarePlanList } },
    },
    async (request) => hc.listCarePlans(actorOf(request), request.query.elderId),
  );
  app.post(
    `${BASE}/:id/end`,
    {
      config: { permission: 'order:write' },
      schema: { tags, params: IdParams, body: CarePlanEndBody, response: { 200: CarePlanDto } },
    },
    async (request) => hc.endCarePlan(actorOf(request), request.params.id, request.body.reason),
  );
};
