import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IndicatorRecords, IndicatorRecordsQuery } from '@kangyang/contracts/indicator-records';
import { IndicatorParams } from '@kangyang/contracts/indicators';
import { RegionCodeParams } from '@kangyang/contracts/region';
import type { Services } from '@kangyang/services';
import { actorOf } from '../plugins/auth.ts';
import { sendWorkbook, XLSX_TYPE } from './exports.routes.ts';

const tags = ['indicators'];
const PDF_TYPE = 'application/pdf';
const read = { permission: 'dashboard:read' as const };

/** KPI-3 records behind an indicator (personal rows need more, checked in the service); KPI-9 overview exports. */
export const dashboardDrillRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/plans/:profileId/indicators/:indicatorId/records',
    {
      config: read,
      schema: {
        tags,
        params: IndicatorParams,
        querystring: IndicatorRecordsQuery,
        response: { 200: IndicatorRecords },
      },
    },
    async (request, reply) => {
      const { profileId, indicatorId } = request.params;
      const page = await services.indicatorRecords.records(actorOf(request), profileId, indicatorId, request.query);
      return reply.header('Cache-Control', 'no-store').send(page);
    },
  );
  app.get(
    '/api/regions/:code/overview.xlsx',
    { config: read, schema: { tags, params: RegionCodeParams, produces: [XLSX_TYPE] } },
    async (request, reply) =>
      sendWorkbook(reply, await services.overviewExports.workbook(actorOf(request), request.params.code)),
  );
  app.get(
    '/api/regions/:code/overview.pdf',
    { config: read, schema: { tags, params: RegionCodeParams, produces: [PDF_TYPE] } },
    async (request, reply) => {
      const file = await services.overviewExports.pdfReport(actorOf(request), request.params.code);
      const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      return reply
        .type(PDF_TYPE)
        .header(
          'Content-Disposition',
          `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .header('Cache-Control', 'no-store')
        .send(file.body);
    },
  );
};
