import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditPage, AuditQuery, AuditSearchBody } from '@kangyang/contracts/audit';
import type { Services } from '@kangyang/services';
import { actorOf } from '../plugins/auth.ts';

export const auditRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['audit'];
  app.get(
    '/api/audit',
    { config: { permission: 'audit:read' }, schema: { tags, querystring: AuditQuery, response: { 200: AuditPage } } },
    async (request) => services.auditLog.search(actorOf(request), request.query),
  );
  app.post(
    '/api/audit/search',
    { config: { permission: 'audit:read' }, schema: { tags, body: AuditSearchBody, response: { 200: AuditPage } } },
    async (request) => services.auditLog.search(actorOf(request), request.body),
  );
};
