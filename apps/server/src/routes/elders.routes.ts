import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '@kangyang/contracts/common';
import {
  ElderCreateBody,
  ElderDto,
  ElderListQuery,
  ElderPage,
  ElderSearchBody,
  ElderUpdateBody,
  RevealBody,
  RevealResponse,
} from '@kangyang/contracts/elder';
import { AppError, type Services } from '@kangyang/services';
import { actorOf } from '../plugins/auth.ts';

const IfMatch = z.object({ 'if-match': z.string().optional() });

/** API-5: PATCH needs `If-Match: "<version>"`. */
function expectedVersion(header: string | undefined): number {
  if (!header) throw new AppError('VERSION_REQUIRED');
  const version = Number(header.replace(/^W\//, '').replace(/"/g, ''));
  if (!Number.isSafeInteger(version) || version < 1) throw new AppError('VERSION_REQUIRED');
  return version;
}

export const elderRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['elders'];
  app.get(
    '/api/elders',
    {
      config: { permission: 'elder:read' },
      schema: { tags, querystring: ElderListQuery, response: { 200: ElderPage } },
    },
    async (request) => services.elders.list(actorOf(request), request.query),
  );

  app.post(
    '/api/elders/search',
    { config: { permission: 'elder:read' }, schema: { tags, body: ElderSearchBody, response: { 200: ElderPage } } },
    async (request) => services.elders.search(actorOf(request), request.body),
  );

  app.post(
    '/api/elders',
    {
      config: { permission: 'elder:write', idempotency: 'optional' },
      schema: { tags, body: ElderCreateBody, response: { 201: ElderDto } },
    },
    async (request, reply) => {
      const elder = await services.elders.create(actorOf(request), request.body);
      return reply.code(201).header('ETag', `"${elder.version}"`).send(elder);
    },
  );

  app.get(
    '/api/elders/:id',
    { config: { permission: 'elder:read' }, schema: { tags, params: IdParams, response: { 200: ElderDto } } },
    async (request, reply) => {
      const elder = await services.elders.get(actorOf(request), request.params.id);
      return reply.header('ETag', `"${elder.version}"`).send(elder);
    },
  );

  app.patch(
    '/api/elders/:id',
    {
      config: { permission: 'elder:write' },
      schema: { tags, params: IdParams, headers: IfMatch, body: ElderUpdateBody, response: { 200: ElderDto } },
    },
    async (request, reply) => {
      const elder = await services.elders.update(
        actorOf(request),
        request.params.id,
        expectedVersion(request.headers['if-match']),
        request.body,
      );
      return reply.header('ETag', `"${elder.version}"`).send(elder);
    },
  );

  app.post(
    '/api/elders/:id/reveal',
    {
      config: { permission: 'elder:revealIdentifiers' },
      schema: { tags, params: IdParams, body: RevealBody, response: { 200: RevealResponse } },
    },
    async (request) => services.elders.reveal(actorOf(request), request.params.id, request.body.reason),
  );
};
