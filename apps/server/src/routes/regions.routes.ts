import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { RegionCodeParams, RegionDto, RegionList, type RegionDto as Region } from '@kangyang/contracts/region';
import { RegionBoundaries } from '@kangyang/contracts/region-boundaries';
import type { Services } from '@kangyang/services';
import { actorOf } from '../plugins/auth.ts';

const asList = (items: Region[]) => ({ items, total: items.length });

export const regionRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['regions'];
  app.get(
    '/api/regions/roots',
    { config: { permission: 'region:read' }, schema: { tags, response: { 200: RegionList } } },
    async (request) => asList((await services.regions.scopeRoots(actorOf(request))) as Region[]),
  );
  app.get(
    '/api/regions/:code',
    { config: { permission: 'region:read' }, schema: { tags, params: RegionCodeParams, response: { 200: RegionDto } } },
    async (request) => (await services.regions.get(actorOf(request), request.params.code)) as Region,
  );
  app.get(
    '/api/regions/:code/children',
    {
      config: { permission: 'region:read' },
      schema: { tags, params: RegionCodeParams, response: { 200: RegionList } },
    },
    async (request) => asList((await services.regions.children(actorOf(request), request.params.code)) as Region[]),
  );
  app.get(
    '/api/regions/:code/boundaries',
    {
      config: { permission: 'region:read' },
      schema: { tags, params: RegionCodeParams, response: { 200: RegionBoundaries } },
    },
    async (request) => services.regions.boundaries(actorOf(request), request.params.code),
  );
};
