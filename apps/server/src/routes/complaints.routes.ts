import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '@kangyang/contracts/common';
import {
  ComplaintCreateBody,
  ComplaintDto,
  ComplaintListQuery,
  ComplaintPage,
  ComplaintStatusBody,
  RatingBody,
  RatingDto,
} from '@kangyang/contracts/complaints';
import type { Services } from '@kangyang/services';
import { actorOf } from '../plugins/auth.ts';

/** HCS-9, SUP-2: complaints with a response deadline, and ratings of providers and sites. */
export const complaintRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['complaints'];

  app.post(
    '/api/complaints',
    {
      config: { permission: 'complaint:write', idempotency: 'required' },
      schema: { tags, body: ComplaintCreateBody, response: { 201: ComplaintDto } },
    },
    async (request, reply) => reply.code(201).send(await services.complaints.create(actorOf(request), request.body)),
  );

  app.get(
    '/api/complaints',
    {
      config: { permission: 'complaint:read' },
      schema: { tags, querystring: ComplaintListQuery, response: { 200: ComplaintPage } },
    },
    async (request) => services.complaints.list(actorOf(request), request.query),
  );

  app.get(
    '/api/complaints/:id',
    { config: { permission: 'complaint:read' }, schema: { tags, params: IdParams, response: { 200: ComplaintDto } } },
    async (request) => services.complaints.get(actorOf(request), request.params.id),
  );

  app.post(
    '/api/complaints/:id/status',
    {
      config: { permission: 'complaint:respond' },
      schema: { tags, params: IdParams, body: ComplaintStatusBody, response: { 200: ComplaintDto } },
    },
    async (request) => services.complaints.changeStatus(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/complaints/ratings',
    {
      config: { permission: 'complaint:write', idempotency: 'required' },
      schema: { tags, body: RatingBody, response: { 201: RatingDto } },
    },
    async (request, reply) =>
      reply.code(201).send(await services.complaints.rate(actorOf(request), request.body, request.idempotency)),
  );
};
