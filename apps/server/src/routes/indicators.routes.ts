import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { RegionCodeParams } from '@kangyang/contracts/region';
import {
  DensityCells,
  DensityQuery,
  IndicatorBreakdown,
  IndicatorList,
  IndicatorParams,
  IndicatorQuery,
  IndicatorTrend,
  OverviewTrend,
  OverviewTrendQuery,
  PlanParams,
  RefreshStatus,
  RegionOverview,
  ReportedEntryBody,
  ReportedEntryDto,
  ReportedEntryList,
  TrendQuery,
} from '@kangyang/contracts/indicators';
import type { Services } from '@kangyang/services';
import { actorOf } from '../plugins/auth.ts';
import { sendWorkbook, XLSX_TYPE } from './exports.routes.ts';

type App = Parameters<FastifyPluginAsyncZod>[0];
const tags = ['indicators'];
const PDF_TYPE = 'application/pdf';
const read = { permission: 'dashboard:read' as const };

/** KPI-2, KPI-3, KPI-4: the plan page, drill-down, trend and reported values. */
function registerPlanRoutes(app: App, services: Services): void {
  app.get(
    '/api/plans/:profileId/indicators',
    {
      config: read,
      schema: { tags, params: PlanParams, querystring: IndicatorQuery, response: { 200: IndicatorList } },
    },
    async (request) => services.indicators.list(actorOf(request), request.params.profileId, request.query),
  );
  app.get(
    '/api/plans/:profileId/indicators/:indicatorId/breakdown',
    {
      config: read,
      schema: { tags, params: IndicatorParams, querystring: IndicatorQuery, response: { 200: IndicatorBreakdown } },
    },
    async (request) =>
      services.indicators.breakdown(
        actorOf(request),
        request.params.profileId,
        request.params.indicatorId,
        request.query,
      ),
  );
  app.get(
    '/api/plans/:profileId/indicators/:indicatorId/trend',
    {
      config: read,
      schema: { tags, params: IndicatorParams, querystring: TrendQuery, response: { 200: IndicatorTrend } },
    },
    async (request) =>
      services.indicators.trend(actorOf(request), request.params.profileId, request.params.indicatorId, request.query),
  );
  app.get(
    '/api/plans/:profileId/indicators/:indicatorId/reported',
    {
      config: read,
      schema: { tags, params: IndicatorParams, querystring: IndicatorQuery, response: { 200: ReportedEntryList } },
    },
    async (request) =>
      services.indicators.reported(
        actorOf(request),
        request.params.profileId,
        request.params.indicatorId,
        request.query,
      ),
  );
  app.post(
    '/api/plans/:profileId/indicators/:indicatorId/reported',
    {
      config: { permission: 'indicator:report', idempotency: 'required' },
      schema: { tags, params: IndicatorParams, body: ReportedEntryBody, response: { 201: ReportedEntryDto } },
    },
    async (request, reply) => {
      const { profileId, indicatorId } = request.params;
      const entry = await services.indicators.report(actorOf(request), profileId, indicatorId, request.body);
      return reply.code(201).send(entry);
    },
  );
}

/** KPI-9: exports of the plan page. */
function registerExportRoutes(app: App, services: Services): void {
  app.get(
    '/api/plans/:profileId/indicators.xlsx',
    { config: read, schema: { tags, params: PlanParams, querystring: IndicatorQuery, produces: [XLSX_TYPE] } },
    async (request, reply) =>
      sendWorkbook(
        reply,
        await services.indicators.workbook(actorOf(request), request.params.profileId, request.query),
      ),
  );
  app.get(
    '/api/plans/:profileId/report.pdf',
    { config: read, schema: { tags, params: PlanParams, querystring: IndicatorQuery, produces: [PDF_TYPE] } },
    async (request, reply) => {
      const file = await services.indicators.pdfReport(actorOf(request), request.params.profileId, request.query);
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
}

/** KPI-6, KPI-7: region overview, its trend, density cells; the refresh status and trigger (KPI-1). */
function registerRegionRoutes(app: App, services: Services): void {
  app.get(
    '/api/regions/:code/overview',
    { config: read, schema: { tags, params: RegionCodeParams, response: { 200: RegionOverview } } },
    async (request) => services.overview.overview(actorOf(request), request.params.code),
  );
  app.get(
    '/api/regions/:code/overview/trend',
    {
      config: read,
      schema: { tags, params: RegionCodeParams, querystring: OverviewTrendQuery, response: { 200: OverviewTrend } },
    },
    async (request) => services.overview.trend(actorOf(request), request.params.code, request.query),
  );
  app.get(
    '/api/regions/:code/density',
    {
      config: read,
      schema: { tags, params: RegionCodeParams, querystring: DensityQuery, response: { 200: DensityCells } },
    },
    async (request) => services.overview.density(actorOf(request), request.params.code, request.query.cellMetres),
  );
  app.get('/api/indicators/refresh', { config: read, schema: { tags, response: { 200: RefreshStatus } } }, async () =>
    services.indicators.refreshStatus(),
  );
  app.post(
    '/api/indicators/refresh',
    { config: { permission: 'indicator:report' }, schema: { tags, response: { 202: RefreshStatus } } },
    async (request, reply) => reply.code(202).send(await services.indicators.requestRefresh(actorOf(request))),
  );
}

export const indicatorRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  registerPlanRoutes(app, services);
  registerExportRoutes(app, services);
  registerRegionRoutes(app, services);
};
