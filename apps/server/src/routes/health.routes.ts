import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HealthResponse } from '@kangyang/contracts/common';

/** GET /api/health: 200 once the platform can serve, 503 while draining (REL-8). */
export const healthRoutes: FastifyPluginAsyncZod<{ isDraining: () => boolean }> = async (app, { isDraining }) => {
  app.get(
    '/api/health',
    {
      config: { permission: 'public' },
      schema: { tags: ['platform'], response: { 200: HealthResponse, 503: HealthResponse } },
    },
    async (_request, reply) =>
      isDraining() ? reply.code(503).send({ status: 'draining' }) : reply.send({ status: 'ok' }),
  );
};
