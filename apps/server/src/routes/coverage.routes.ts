import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CommunityParams,
  CoverageList,
  CoverageQuery,
  CoverageRefreshBody,
  CoverageRefreshDto,
  UncoveredPage,
  UncoveredQuery,
} from '@kangyang/contracts/coverage';
import type { Services } from '@kangyang/services';
import { actorOf } from '../plugins/auth.ts';

/** HCS-10: the 15-minute service circle per community, from rollups; uncovered elders for planners. */
export const coverageRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['coverage'];

  app.get(
    '/api/coverage/communities',
    {
      config: { permission: 'coverage:read' },
      schema: { tags, querystring: CoverageQuery, response: { 200: CoverageList } },
    },
    async (request) => services.coverage.communities(actorOf(request), request.query.regionCode),
  );

  app.get(
    '/api/coverage/communities/:code/uncovered',
    {
      config: { permission: 'coverage:read' },
      schema: { tags, params: CommunityParams, querystring: UncoveredQuery, response: { 200: UncoveredPage } },
    },
    async (request) =>
      services.coverage.uncovered(actorOf(request), request.params.code, request.query.limit, request.query.offset),
  );

  app.post(
    '/api/coverage/refresh',
    {
      config: { permission: 'coverage:refresh' },
      schema: { tags, body: CoverageRefreshBody, response: { 200: CoverageRefreshDto } },
    },
    async (request) => services.coverage.refresh(actorOf(request), request.body.regionCode),
  );
};
