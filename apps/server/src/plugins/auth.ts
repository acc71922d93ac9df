import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Permission } from '@kangyang/domain/access';
import { AppError, isAppError, makeActor, type Actor, type RequestMeta, type Services } from '@kangyang/services';

export type RoutePermission = Permission | 'public' | 'authenticated';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** AZ-2: every route declares its permission; a route without one is refused at registration. */
    permission?: RoutePermission;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
}

export const SESSION_COOKIE = 'kangyang_session';
export const CSRF_HEADER = 'x-kangyang-csrf';

export const requestMeta = (request: FastifyRequest): RequestMeta => ({
  requestId: String(request.id),
  ip: request.ip,
  userAgent: String(request.headers['user-agent'] ?? ''),
});

function cookieToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=');
  }
  return undefined;
}

const anonymousActor = (meta: RequestMeta): Actor =>
  makeActor({
    userId: '00000000-0000-7000-8000-000000000001',
    username: 'anonymous',
    displayName: '',
    grants: [],
    organisationId: null,
    isDemo: false,
    request: meta,
  });

/** The actor of a handler's request; routes with a permission always have one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}

/** Authenticates (Bearer, or the web's httpOnly cookie with a CSRF header) and checks the route's permission. */
export function registerAuth(app: FastifyInstance, services: Services): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api') && !route.config?.permission && !route.url.startsWith('/api/docs')) {
      throw new Error(`route ${String(route.method)} ${route.url} declares no permission (AZ-2)`);
    }
  });
  app.addHook('onRequest', async (request) => {
    const permission = request.routeOptions.config?.permission;
    if (!permission || permission === 'public') return;
    const meta = requestMeta(request);
    const header = request.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const cookie = bearer ? undefined : cookieToken(request.headers.cookie);
    const token = bearer ?? cookie;
    const route = `${request.method} ${request.routeOptions.url ?? ''}`;
    try {
      if (!token) throw new AppError('UNAUTHENTICATED');
      if (cookie && !['GET', 'HEAD'].includes(request.method) && request.headers[CSRF_HEADER] !== '1')
        throw new AppError('UNAUTHENTICATED');
      request.actor = await services.auth.authenticate(token, meta);
      request.sessionToken = token;
    } catch (error) {
      await services.audit.record(anonymousActor(meta), {
        action: 'http.request',
        resourceType: 'route',
        outcome: 'denied',
        reason: 'unauthenticated',
        details: { route },
      });
      throw error;
    }
    if (permission !== 'authenticated' && !request.actor.permissions.has(permission)) {
      await services.audit.record(request.actor, {
        action: 'http.request',
        resourceType: 'route',
        outcome: 'denied',
        reason: 'forbidden',
        details: { route, permission },
      });
      deniedAndAudited.add(request);
      throw new AppError('FORBIDDEN');
    }
  });
  auditServiceDenials(app, services);
}

const deniedAndAudited = new WeakSet<FastifyRequest>();

/**
 * AZ-4: REGION_OUT_OF_SCOPE (403: creating or moving a record into a region outside the scope) is
 * raised by services and audited as a denial here, once, whatever the route. Services audit their own
 * scope 404s and FORBIDDENs; the permission check above audits its own.
 */
function auditServiceDenials(app: FastifyInstance, services: Services): void {
  app.addHook('onError', async (request, _reply, error) => {
    if (!isAppError(error) || !request.actor || deniedAndAudited.has(request)) return;
    if (error.code !== 'REGION_OUT_OF_SCOPE') return;
    deniedAndAudited.add(request);
    await services.audit.record(request.actor, {
      action: 'http.request',
      resourceType: 'route',
      outcome: 'denied',
      reason: 'regionOutOfScope',
      details: { route: `${request.method} ${request.routeOptions.url ?? ''}`, field: error.field ?? null },
    });
  });
}
