import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '@kangyang/contracts/common';
import { DeliveryRoundDto, DeliveryRoundQuery } from '@kangyang/contracts/meal-deliveries';
import type { Services } from '@kangyang/services';
import { actorOf } from '../plugins/auth.ts';

/** HCS-11: a meal's delivery round from a kitchen or canteen, for the driver and the counter staff. */
export const mealDeliveryRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/meals/sites/:id/deliveries',
    {
      config: { permission: 'meal:redeem' },
      schema: {
        tags: ['meals'],
        params: IdParams,
        querystring: DeliveryRoundQuery,
        response: { 200: DeliveryRoundDto },
      },
    },
    async (request) => services.meals.deliveryRound(actorOf(request), request.params.id, request.query),
  );
};
