import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EntitlementList } from '@kangyang/contracts/application';
import { IdParams } from '@kangyang/contracts/common';
import { AsOfQuery, EligibilityDto } from '@kangyang/contracts/policy';
import type { Services } from '@kangyang/services';
import { actorOf } from '../plugins/auth.ts';

/** POL-4: an elder's eligibility with reasons citing clauses; POL-5/6: the elder's entitlements. */
export const eligibilityRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['eligibility'];
  app.get(
    '/api/elders/:id/eligibility',
    {
      config: { permission: 'eligibility:read' },
      schema: { tags, params: IdParams, querystring: AsOfQuery, response: { 200: EligibilityDto } },
    },
    async (request) => services.eligibility.forElder(actorOf(request), request.params.id, request.query.date),
  );

  app.get(
    '/api/elders/:id/entitlements',
    {
      config: { permission: 'eligibility:read' },
      schema: { tags, params: IdParams, response: { 200: EntitlementList } },
    },
    async (request) => {
      const items = await services.applications.entitlementsOf(actorOf(request), request.params.id);
      return { items, total: items.length };
    },
  );
};
