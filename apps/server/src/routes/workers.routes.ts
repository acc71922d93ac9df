import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '@kangyang/contracts/common';
import {
  AttendanceBody,
  AttendanceDto,
  AttendanceParams,
  CertificateBody,
  WorkerCreateBody,
  WorkerDto,
  WorkerListQuery,
  WorkerPage,
} from '@kangyang/contracts/workers';
import type { Services } from '@kangyang/services';
import { actorOf } from '../plugins/auth.ts';

/** WRK-1, WRK-2, WRK-4: workers, their certificates and monthly attendance. */
export const workerRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['workers'];

  app.post(
    '/api/workers',
    {
      config: { permission: 'worker:write', idempotency: 'optional' },
      schema: { tags, body: WorkerCreateBody, response: { 201: WorkerDto } },
    },
    async (request, reply) => reply.code(201).send(await services.workers.create(actorOf(request), request.body)),
  );

  app.get(
    '/api/workers',
    {
      config: { permission: 'worker:read' },
      schema: { tags, querystring: WorkerListQuery, response: { 200: WorkerPage } },
    },
    async (request) => services.workers.list(actorOf(request), request.query),
  );

  app.get(
    '/api/workers/:id',
    { config: { permission: 'worker:read' }, schema: { tags, params: IdParams, response: { 200: WorkerDto } } },
    async (request) => services.workers.get(actorOf(request), request.params.id),
  );

  app.post(
    '/api/workers/:id/certificates',
    {
      config: { permission: 'worker:write', idempotency: 'optional' },
      schema: { tags, params: IdParams, body: CertificateBody, response: { 201: WorkerDto } },
    },
    async (request, reply) =>
      reply.code(201).send(await services.workers.addCertificate(actorOf(request), request.params.id, request.body)),
  );

  app.put(
    '/api/workers/:id/attendance/:period',
    {
      config: { permission: 'worker:write' },
      schema: { tags, params: AttendanceParams, body: AttendanceBody, response: { 200: AttendanceDto } },
    },
    async (request) =>
      services.workers.recordAttendance(actorOf(request), request.params.id, request.params.period, request.body),
  );
};
