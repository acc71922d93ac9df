import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '@kangyang/contracts/common';
import { RegionCodeParams } from '@kangyang/contracts/region';
import {
  DesignationBody,
  DesignationDto,
  DesignationList,
  FacilityAttributesBody,
  FacilityAttributesDto,
  FacilityDetail,
  FacilityList,
  FacilityListQuery,
  RevokeDesignationBody,
  SiteIdParams,
} from '@kangyang/contracts/facilities';
import type { Services } from '@kangyang/services';
import { actorOf } from '../plugins/auth.ts';

type App = Parameters<FastifyPluginAsyncZod>[0];
const tags = ['facilities'];
const read = { permission: 'dashboard:read' as const };
const write = { permission: 'facility:write' as const };

/** Facility attributes (beds, ownership, vehicles) and their history (issue 7, BED-1, KPI-4). */
function registerFacilityRoutes(app: App, services: Services): void {
  app.get(
    '/api/facilities',
    { config: read, schema: { tags, querystring: FacilityListQuery, response: { 200: FacilityList } } },
    async (request) => services.facilities.list(actorOf(request), request.query),
  );
  app.get(
    '/api/facilities/:siteId',
    { config: read, schema: { tags, params: SiteIdParams, response: { 200: FacilityDetail } } },
    async (request) => services.facilities.detail(actorOf(request), request.params.siteId),
  );
  app.put(
    '/api/facilities/:siteId/attributes',
    {
      config: write,
      schema: { tags, params: SiteIdParams, body: FacilityAttributesBody, response: { 200: FacilityAttributesDto } },
    },
    async (request) => services.facilities.saveAttributes(actorOf(request), request.params.siteId, request.body),
  );
}

/** Designations of sites and communities, and their revocation with a reason (append-only, audited). */
function registerDesignationRoutes(app: App, services: Services): void {
  app.post(
    '/api/facilities/:siteId/designations',
    {
      config: { ...write, idempotency: 'required' },
      schema: { tags, params: SiteIdParams, body: DesignationBody, response: { 201: DesignationDto } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await services.facilities.designateSite(actorOf(request), request.params.siteId, request.body)),
  );
  app.get(
    '/api/regions/:code/designations',
    { config: read, schema: { tags, params: RegionCodeParams, response: { 200: DesignationList } } },
    async (request) => services.facilities.regionDesignations(actorOf(request), request.params.code),
  );
  app.post(
    '/api/regions/:code/designations',
    {
      config: { ...write, idempotency: 'required' },
      schema: { tags, params: RegionCodeParams, body: DesignationBody, response: { 201: DesignationDto } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await services.facilities.designateRegion(actorOf(request), request.params.code, request.body)),
  );
  app.delete(
    '/api/designations/:id',
    {
      config: write,
      schema: { tags, params: IdParams, body: RevokeDesignationBody, response: { 200: DesignationDto } },
    },
    async (request) => services.facilities.revoke(actorOf(request), request.params.id, request.body),
  );
}

export const facilityRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  registerFacilityRoutes(app, services);
  registerDesignationRoutes(app, services);
};
