import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ApplicationCreateBody,
  ApplicationDto,
  ApplicationListQuery,
  ApplicationPage,
  ApproveBody,
  RefuseBody,
  ReviewBody,
} from '@kangyang/contracts/application';
import { IdParams } from '@kangyang/contracts/common';
import type { Services } from '@kangyang/services';
import { actorOf } from '../plugins/auth.ts';

/** POL-5: apply (Idempotency-Key required, API-4), street review, district approval or refusal, the inbox. */
export const applicationRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['applications'];
  app.post(
    '/api/applications',
    {
      config: { permission: 'application:apply', idempotency: 'required' },
      schema: { tags, body: ApplicationCreateBody, response: { 201: ApplicationDto } },
    },
    async (request, reply) => {
      const application = await services.applications.submit(actorOf(request), request.body, request.idempotency);
      return reply.code(201).send(application);
    },
  );

  app.get(
    '/api/applications',
    {
      config: { permission: 'eligibility:read' },
      schema: { tags, querystring: ApplicationListQuery, response: { 200: ApplicationPage } },
    },
    async (request) => services.applications.list(actorOf(request), request.query),
  );

  app.get(
    '/api/applications/:id',
    {
      config: { permission: 'eligibility:read' },
      schema: { tags, params: IdParams, response: { 200: ApplicationDto } },
    },
    async (request) => services.applications.get(actorOf(request), request.params.id),
  );

  app.post(
    '/api/applications/:id/review',
    {
      config: { permission: 'application:review' },
      schema: { tags, params: IdParams, body: ReviewBody, response: { 200: ApplicationDto } },
    },
    async (request) => services.applications.review(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/applications/:id/approve',
    {
      config: { permission: 'application:approve' },
      schema: { tags, params: IdParams, body: ApproveBody, response: { 200: ApplicationDto } },
    },
    async (request) => services.applications.approve(actorOf(request), request.params.id, request.body.reason),
  );

  app.post(
    '/api/applications/:id/refuse',
    {
      config: { permission: 'application:approve' },
      schema: { tags, params: IdParams, body: RefuseBody, response: { 200: ApplicationDto } },
    },
    async (request) => services.applications.refuse(actorOf(request), request.params.id, request.body),
  );
};
