import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  LoginBody,
  LoginResponse,
  MeResponse,
  TotpConfirmBody,
  TotpConfirmResponse,
  TotpEnrolResponse,
} from '@kangyang/contracts/auth';
import type { Actor, Services } from '@kangyang/services';
import { actorOf, requestMeta, SESSION_COOKIE } from '../plugins/auth.ts';

export async function meOf(services: Services, actor: Actor): Promise<MeResponse> {
  const regions = await services.regions.scopeRoots(actor);
  const names = new Map(regions.map((region) => [region.code, region.name]));
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    roles: [...actor.roles],
    permissions: [...actor.permissions],
    grants: actor.grants.map((grant) => ({
      role: grant.role,
      regionCode: grant.regionCode,
      regionName: names.get(grant.regionCode) ?? null,
      organisationId: grant.organisationId,
    })),
    isDemo: actor.isDemo,
  };
}

export const authRoutes: FastifyPluginAsyncZod<{ services: Services; secureCookie: boolean }> = async (
  app,
  { services, secureCookie },
) => {
  app.post(
    '/api/auth/login',
    { config: { permission: 'public' }, schema: { tags: ['auth'], body: LoginBody, response: { 200: LoginResponse } } },
    async (request, reply) => {
      const { token, actor, expiresAt } = await services.auth.login(request.body, requestMeta(request));
      const cookie = `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/${secureCookie ? '; Secure' : ''}`;
      void reply.header('Set-Cookie', cookie);
      return { token, expiresAt: expiresAt.toISOString(), user: await meOf(services, actor) };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { permission: 'authenticated' }, schema: { tags: ['auth'], response: { 204: z.null() } } },
    async (request, reply) => {
      await services.auth.logout(actorOf(request), request.sessionToken ?? '');
      void reply.header('Set-Cookie', `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    { config: { permission: 'authenticated' }, schema: { tags: ['auth'], response: { 200: MeResponse } } },
    async (request) => meOf(services, actorOf(request)),
  );

  app.post(
    '/api/auth/totp/enrol',
    { config: { permission: 'authenticated' }, schema: { tags: ['auth'], response: { 200: TotpEnrolResponse } } },
    async (request) => services.twoFactor.begin(actorOf(request)),
  );
  app.post(
    '/api/auth/totp/confirm',
    {
      config: { permission: 'authenticated' },
      schema: { tags: ['auth'], body: TotpConfirmBody, response: { 200: TotpConfirmResponse } },
    },
    async (request) => services.twoFactor.confirm(actorOf(request), request.body.code),
  );
};
