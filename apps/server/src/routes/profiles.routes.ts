import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AsOfQuery,
  BindingBody,
  BindingDto,
  ProfileDetailDto,
  ProfileDetailQuery,
  ProfileIdParams,
  ProfileList,
  ProfileLoadBody,
  ProfileLoadResult,
  ProfileVersionList,
  RegionProfileDto,
} from '@kangyang/contracts/policy';
import { RegionCodeParams } from '@kangyang/contracts/region';
import type { Services } from '@kangyang/services';
import { actorOf } from '../plugins/auth.ts';

/** POL-1, POL-2: stored plan profiles, their versions and region bindings. */
export const profileRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['profiles'];
  app.get(
    '/api/profiles',
    { config: { permission: 'profile:read' }, schema: { tags, response: { 200: ProfileList } } },
    async () => {
      const items = await services.profiles.list();
      return { items, total: items.length };
    },
  );

  app.get(
    '/api/profiles/:id',
    {
      config: { permission: 'profile:read' },
      schema: { tags, params: ProfileIdParams, querystring: ProfileDetailQuery, response: { 200: ProfileDetailDto } },
    },
    async (request) => services.profiles.detail(request.params.id, request.query),
  );

  app.get(
    '/api/profiles/:id/versions',
    {
      config: { permission: 'profile:read' },
      schema: { tags, params: ProfileIdParams, response: { 200: ProfileVersionList } },
    },
    async (request) => {
      const items = await services.profiles.versions(request.params.id);
      return { items, total: items.length };
    },
  );

  app.post(
    '/api/profiles',
    {
      config: { permission: 'profile:manage', idempotency: 'optional' },
      schema: { tags, body: ProfileLoadBody, response: { 200: ProfileLoadResult, 201: ProfileLoadResult } },
    },
    async (request, reply) => {
      const result = await services.profiles.load(actorOf(request), request.body, 'api');
      return reply.code(result.status === 'created' ? 201 : 200).send(result);
    },
  );

  app.post(
    '/api/profile-bindings',
    {
      config: { permission: 'profile:manage', idempotency: 'optional' },
      schema: { tags, body: BindingBody, response: { 200: BindingDto, 201: BindingDto } },
    },
    async (request, reply) => {
      const { binding, status } = await services.profiles.bind(actorOf(request), request.body);
      return reply.code(status === 'created' ? 201 : 200).send(binding);
    },
  );

  app.get(
    '/api/regions/:code/profile',
    {
      config: { permission: 'profile:read' },
      schema: { tags, params: RegionCodeParams, querystring: AsOfQuery, response: { 200: RegionProfileDto } },
    },
    async (request) => services.profiles.regionProfile(request.params.code, request.query.date),
  );
};
