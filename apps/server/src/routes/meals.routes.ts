import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '@kangyang/contracts/common';
import {
  DailyCountList,
  DailyCountQuery,
  MealOrderBody,
  MealOrderDto,
  MenuBody,
  MenuDto,
  MenuList,
  MenuParams,
  MenuRangeQuery,
  RedemptionBody,
  RedemptionDto,
  SiteCreateBody,
  SiteDto,
  SiteListQuery,
  SitePage,
} from '@kangyang/contracts/meals';
import type { Services } from '@kangyang/services';
import { actorOf } from '../plugins/auth.ts';

/** HCS-1, HCS-11, HCS-12: service sites, menus, meal orders, counter redemption and daily counts. */
export const mealRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['meals'];

  app.get(
    '/api/meals/sites',
    { config: { permission: 'meal:read' }, schema: { tags, querystring: SiteListQuery, response: { 200: SitePage } } },
    async (request) => services.meals.listSites(actorOf(request), request.query),
  );

  app.post(
    '/api/meals/sites',
    {
      config: { permission: 'meal:write', idempotency: 'optional' },
      schema: { tags, body: SiteCreateBody, response: { 201: SiteDto } },
    },
    async (request, reply) => reply.code(201).send(await services.meals.createSite(actorOf(request), request.body)),
  );

  app.put(
    '/api/meals/sites/:id/menus/:date/:meal',
    {
      config: { permission: 'meal:write' },
      schema: { tags, params: MenuParams, body: MenuBody, response: { 200: MenuDto } },
    },
    async (request) => {
      const { id, date, meal } = request.params;
      return services.meals.putMenu(actorOf(request), id, date, meal, request.body);
    },
  );

  app.get(
    '/api/meals/sites/:id/menus',
    {
      config: { permission: 'meal:read' },
      schema: { tags, params: IdParams, querystring: MenuRangeQuery, response: { 200: MenuList } },
    },
    async (request) =>
      services.meals.listMenus(actorOf(request), request.params.id, request.query.from, request.query.to),
  );

  app.post(
    '/api/meals/orders',
    {
      config: { permission: 'meal:redeem', idempotency: 'required' },
      schema: { tags, body: MealOrderBody, response: { 201: MealOrderDto } },
    },
    async (request, reply) => reply.code(201).send(await services.meals.placeOrder(actorOf(request), request.body)),
  );

  app.post(
    '/api/meals/redemptions',
    {
      config: { permission: 'meal:redeem', idempotency: 'optional' },
      schema: { tags, body: RedemptionBody, response: { 200: RedemptionDto } },
    },
    async (request) => services.meals.redeem(actorOf(request), request.body),
  );

  app.get(
    '/api/meals/daily-counts',
    {
      config: { permission: 'meal:read' },
      schema: { tags, querystring: DailyCountQuery, response: { 200: DailyCountList } },
    },
    async (request) => services.meals.dailyCounts(actorOf(request), request.query),
  );
};
