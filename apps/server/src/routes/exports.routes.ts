import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Readable } from 'node:stream';
import { ElderExportQuery } from '@kangyang/contracts/import';
import type { Services } from '@kangyang/services';
import { actorOf } from '../plugins/auth.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a streamed .xlsx as a download; the Chinese file name goes in `filename*` (RFC 6266). */
export function sendWorkbook(reply: FastifyReply, file: { fileName: string; stream: Readable }): FastifyReply {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .type(XLSX_TYPE)
    .header(
      'Content-Disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .header('Cache-Control', 'no-store')
    .send(file.stream);
}

export const exportRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['exports'];
  app.get(
    '/api/exports/elders.xlsx',
    { config: { permission: 'elder:export' }, schema: { tags, querystring: ElderExportQuery, produces: [XLSX_TYPE] } },
    async (request, reply) => sendWorkbook(reply, await services.exports.elders(actorOf(request), request.query)),
  );
};
