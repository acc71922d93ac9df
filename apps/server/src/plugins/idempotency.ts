import type { FastifyInstance } from 'fastify';
import { AppError, type Services } from '@kangyang/services';
import type { IdempotencyClaim } from '@kangyang/services/idempotency/idempotency.service';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** API-4: `required` on POSTs that create money, time-bank or order effects; `optional` honours a key when sent. */
    idempotency?: 'required' | 'optional';
  }
  interface FastifyRequest {
    idempotency: IdempotencyClaim | null;
  }
}

function parseJson(payload: unknown): unknown {
  if (typeof payload !== 'string') return null;
  try {
    return JSON.parse(payload) as unknown;
  } catch {
    return null;
  }
}

/**
 * Idempotency keys (API-4): after authentication and validation, a key is claimed per actor; a
 * replay answers the first status and body with `Idempotent-Replayed: true`. Services that perform
 * an effect complete the claim inside their own transaction; otherwise the reply is stored here.
 */
export function registerIdempotency(app: FastifyInstance, services: Services): void {
  app.decorateRequest('idempotency', null);
  app.addHook('preHandler', async (request, reply) => {
    const mode = request.routeOptions.config?.idempotency;
    if (!mode || !request.actor) return;
    const header = request.headers['idempotency-key'];
    const key = Array.isArray(header) ? header[0] : header;
    if (!key) {
      if (mode === 'required') throw new AppError('IDEMPOTENCY_KEY_REQUIRED', {}, 'Idempotency-Key');
      return;
    }
    const route = `${request.method} ${request.routeOptions.url ?? ''} ${JSON.stringify(request.params ?? {})}`;
    const outcome = await services.idempotency.begin(request.actor.userId, key, route, request.body);
    if (outcome.kind === 'replay') {
      return reply.code(outcome.status).header('Idempotent-Replayed', 'true').send(outcome.response);
    }
    request.idempotency = outcome.claim;
    return undefined;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotency;
    if (!claim || claim.completed) return payload;
    if (reply.statusCode === 400 || reply.statusCode === 401 || reply.statusCode === 403) {
      await services.idempotency.release(claim);
      return payload;
    }
    await services.idempotency.finish(claim, reply.statusCode, parseJson(payload));
    return payload;
  });
}
