import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, PageQuery } from '@kangyang/contracts/common';
import {
  ImportConfirmBody,
  ImportErrorList,
  ImportJobDto,
  ImportListQuery,
  ImportPage,
  ImportUploadQuery,
} from '@kangyang/contracts/import';
import { AppError, type Services } from '@kangyang/services';
import { actorOf } from '../plugins/auth.ts';
import { sendWorkbook, XLSX_TYPE } from './exports.routes.ts';

type App = Parameters<FastifyPluginAsyncZod<{ services: Services }>>[0];

const tags = ['imports'];
const config = { permission: 'elder:import' } as const;

/** The template, and the upload: stored and checked at once (400 on a bad file), rows validated in the background (202). */
function fileRoutes(app: App, services: Services): void {
  app.get(
    '/api/imports/elders/template',
    { config, schema: { tags, produces: [XLSX_TYPE] } },
    async (_request, reply) => sendWorkbook(reply, services.imports.template()),
  );

  app.post(
    '/api/imports/elders',
    {
      config,
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        querystring: ImportUploadQuery,
        response: { 202: ImportJobDto },
      },
    },
    async (request, reply) => {
      const part = await request.file();
      if (!part || part.fieldname !== 'file')
        throw new AppError('VALIDATION_FAILED', { field: 'file', detail: '' }, 'file');
      const { regionCode, direct } = request.query;
      const job = await services.imports.upload(actorOf(request), {
        fileName: part.filename,
        source: part.file,
        regionCode,
        direct: direct === 'true',
      });
      return reply.code(202).send(job);
    },
  );
}

/** Jobs: list, progress and preview, confirm, cancel, errors (first ones as JSON, all as .xlsx). */
function jobRoutes(app: App, services: Services): void {
  app.get(
    '/api/imports',
    { config, schema: { tags, querystring: ImportListQuery, response: { 200: ImportPage } } },
    async (request) => services.imports.list(actorOf(request), request.query),
  );

  app.get(
    '/api/imports/:id',
    { config, schema: { tags, params: IdParams, response: { 200: ImportJobDto } } },
    async (request) => services.imports.get(actorOf(request), request.params.id),
  );

  app.post(
    '/api/imports/:id/confirm',
    { config, schema: { tags, params: IdParams, body: ImportConfirmBody, response: { 202: ImportJobDto } } },
    async (request, reply) =>
      reply.code(202).send(await services.imports.confirm(actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/imports/:id/cancel',
    { config, schema: { tags, params: IdParams, response: { 200: ImportJobDto } } },
    async (request) => services.imports.cancel(actorOf(request), request.params.id),
  );

  app.get(
    '/api/imports/:id/errors',
    {
      config,
      schema: {
        tags,
        params: IdParams,
        querystring: PageQuery.pick({ limit: true }),
        response: { 200: ImportErrorList },
      },
    },
    async (request) => ({
      items: await services.imports.errors(actorOf(request), request.params.id, request.query.limit),
    }),
  );

  app.get(
    '/api/imports/:id/errors.xlsx',
    { config, schema: { tags, params: IdParams, produces: [XLSX_TYPE] } },
    async (request, reply) =>
      sendWorkbook(reply, await services.imports.errorReport(actorOf(request), request.params.id)),
  );
}

/** REG-6: template, upload (validated in the background), progress and preview, confirm, error report. */
export const importRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  fileRoutes(app, services);
  jobRoutes(app, services);
};
