import { randomUUID } from 'node:crypto';
import type {
  DesignationBody,
  DesignationDto,
  DesignationList,
  FacilityAttributesBody,
  FacilityAttributesDto,
  FacilityDetail,
  FacilityList,
  FacilityListQuery,
  RevokeDesignationBody,
} from '@kangyang/contracts/facilities';
import { inAnyScope, type Permission } from '@kangyang/domain/access';
import { bedFiguresProblem, designationFitsRegion, designationFitsSite } from '@kangyang/domain/facilities';
import { AppError } from '../app-error.ts';
import { scopesOf, type Actor } from '../actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { regionLookup, scopedRegion } from '../indicators/indicator-scope.ts';
import * as repo from './facility.repo.ts';
import { attributesDto, designationDto, facilityRow } from './facility-mapper.ts';

export type FacilityServiceDeps = {
  db: Db;
  clock: Clock;
  audit: AuditService;
  /** Called after a change, so the declared indicators follow (queues a rollup refresh). */
  onChange?: () => Promise<unknown>;
};

const chainOf = (code: string): string => code.slice(0, 6);

// eslint-disable-next-line max-lines-per-function -- a service factory: each method is short; the closure holds the shared dependencies
export function createFacilityService(deps: FacilityServiceDeps) {
  const { db, clock, audit } = deps;
  const regions = regionLookup(db, clock);
  const changed = async () => {
    await deps.onChange?.().catch(() => undefined);
  };

  /** The site when it lies in the actor's scope for `permission`; else 404 (audited, as for an unknown id). */
  async function siteFor(actor: Actor, siteId: string, permission: Permission, action: string) {
    const site = await repo.siteById(db, siteId);
    if (!site || !inAnyScope(site.regionCode, scopesOf(actor, permission))) {
      await audit.record(actor, {
        action,
        resourceType: 'facility',
        resourceIds: [siteId],
        outcome: 'denied',
        reason: site ? 'outOfScope' : 'notFound',
      });
      throw new AppError('NOT_FOUND');
    }
    return site;
  }

  async function designate(
    actor: Actor,
    target: { countyCode: string; siteId: string | null; regionCode: string },
    body: DesignationBody,
  ): Promise<DesignationDto> {
    if (await repo.activeDesignationExists(db, target, body.designation))
      throw new AppError('DESIGNATION_ALREADY_ACTIVE', { designation: body.designation }, 'designation');
    const row: repo.NewDesignation = {
      ...target,
      id: randomUUID(),
      designation: body.designation,
      designatedOn: body.designatedOn,
      authority: body.authority,
      document: body.document,
      note: body.note ?? null,
      grantedBy: actor.userId,
      grantedByName: actor.displayName,
      grantedAt: clock.now(),
    };
    await db.transaction(async (tx) => {
      await repo.insertDesignation(tx, row);
      await audit.record(
        actor,
        {
          action: 'facility.designate',
          resourceType: target.siteId ? 'facility' : 'region',
          resourceIds: [target.siteId ?? target.regionCode, row.id],
          details: { designation: row.designation, designatedOn: row.designatedOn, document: row.document },
          chain: chainOf(target.regionCode),
        },
        tx,
      );
    });
    await changed();
    const saved = await repo.designationById(db, row.id);
    if (!saved) throw new AppError('NOT_FOUND');
    return designationDto(saved);
  }

  return {
    /** Facilities of a region with their current attributes and designations in force (404 across scope). */
    async list(actor: Actor, query: FacilityListQuery): Promise<FacilityList> {
      const region = await scopedRegion(
        { audit, lookup: regions.get },
        actor,
        query.region,
        undefined,
        'facility.list',
      );
      const sites = await repo.sitesUnder(db, region.code, query.kind);
      const [attributes, designations] = await Promise.all([
        repo.currentAttributes(db, sites),
        repo.designationsOfSites(db, sites),
      ]);
      const today = clock.today();
      const items = sites.map((site) =>
        facilityRow(
          site,
          attributes.find((row) => row.siteId === site.id),
          designations,
          today,
        ),
      );
      return { items, total: items.length, regionCode: region.code };
    },

    /** One facility with its attribute history and every designation (revoked ones with their reason). */
    async detail(actor: Actor, siteId: string): Promise<FacilityDetail> {
      const site = await siteFor(actor, siteId, 'dashboard:read', 'facility.read');
      const [history, designations] = await Promise.all([
        repo.attributeHistory(db, site),
        repo.designationsOfSites(db, [site]),
      ]);
      return {
        ...facilityRow(site, history[0], designations, clock.today()),
        lng: site.lng,
        lat: site.lat,
        openedOn: site.openedOn,
        history: history.map(attributesDto),
        designationHistory: designations.map(designationDto),
      };
    },

    /** Saves the next attribute version (optimistic: `version` is the one replaced), audited. */
    async saveAttributes(actor: Actor, siteId: string, body: FacilityAttributesBody): Promise<FacilityAttributesDto> {
      const site = await siteFor(actor, siteId, 'facility:write', 'facility.attributes');
      const problem = bedFiguresProblem(body);
      if (problem) throw new AppError('FACILITY_BEDS_INCONSISTENT', { field: problem }, problem);
      const row = {
        countyCode: site.countyCode,
        siteId: site.id,
        version: body.version + 1,
        bedsTotal: body.bedsTotal,
        nursingBeds: body.nursingBeds,
        occupiedBeds: body.occupiedBeds,
        ownership: body.ownership,
        mealDeliveryVehicles: body.mealDeliveryVehicles,
        document: body.document ?? null,
        note: body.note ?? null,
        changedBy: actor.userId,
        changedByName: actor.displayName,
        changedAt: clock.now(),
      };
      await db.transaction(async (tx) => {
        if (!(await repo.insertAttributeVersion(tx, row))) throw new AppError('VERSION_CONFLICT', {}, 'version');
        const { countyCode: _county, changedBy: _by, changedByName: _name, changedAt: _at, ...figures } = row;
        await audit.record(
          actor,
          {
            action: 'facility.attributes',
            resourceType: 'facility',
            resourceIds: [site.id],
            details: figures,
            chain: site.countyCode,
          },
          tx,
        );
      });
      await changed();
      return attributesDto({ ...row, bedsSource: 'declared' });
    },

    async designateSite(actor: Actor, siteId: string, body: DesignationBody): Promise<DesignationDto> {
      const site = await siteFor(actor, siteId, 'facility:write', 'facility.designate');
      if (!designationFitsSite(body.designation, site.kind))
        throw new AppError('DESIGNATION_NOT_APPLICABLE', { designation: body.designation }, 'designation');
      return designate(actor, { countyCode: site.countyCode, siteId: site.id, regionCode: site.regionCode }, body);
    },

    async designateRegion(actor: Actor, code: string, body: DesignationBody): Promise<DesignationDto> {
      const region = await regions.get(code);
      if (!region || !inAnyScope(code, scopesOf(actor, 'facility:write'))) {
        await audit.record(actor, {
          action: 'facility.designate',
          resourceType: 'region',
          resourceIds: [code],
          outcome: 'denied',
          reason: region ? 'outOfScope' : 'notFound',
        });
        throw new AppError('NOT_FOUND');
      }
      if (!designationFitsRegion(body.designation, region.code))
        throw new AppError('DESIGNATION_NOT_APPLICABLE', { designation: body.designation }, 'designation');
      return designate(actor, { countyCode: chainOf(region.code), siteId: null, regionCode: region.code }, body);
    },

    /** Community designations under a region (revoked ones too). */
    async regionDesignations(actor: Actor, code: string): Promise<DesignationList> {
      const region = await scopedRegion(
        { audit, lookup: regions.get },
        actor,
        code,
        undefined,
        'facility.designations',
      );
      const items = (await repo.designationsOfRegions(db, region.code)).map(designationDto);
      return { items, total: items.length };
    },

    /** Revokes a designation with its reason (the designation and the revocation both stay), audited. */
    async revoke(actor: Actor, id: string, body: RevokeDesignationBody): Promise<DesignationDto> {
      const found = await repo.designationById(db, id);
      if (!found || !inAnyScope(found.regionCode, scopesOf(actor, 'facility:write'))) {
        await audit.record(actor, {
          action: 'facility.revoke',
          resourceType: 'designation',
          resourceIds: [id],
          outcome: 'denied',
          reason: found ? 'outOfScope' : 'notFound',
        });
        throw new AppError('NOT_FOUND');
      }
      if (found.revokedOn !== null)
        throw new AppError('DESIGNATION_ALREADY_REVOKED', { revokedOn: found.revokedOn }, 'id');
      const revokedOn = body.revokedOn ?? clock.today();
      if (revokedOn < found.designatedOn)
        throw new AppError('VALIDATION_FAILED', { field: 'revokedOn', detail: '' }, 'revokedOn');
      await db.transaction(async (tx) => {
        const inserted = await repo.insertRevocation(tx, {
          countyCode: found.countyCode,
          designationId: id,
          revokedOn,
          reason: body.reason,
          document: body.document ?? null,
          revokedBy: actor.userId,
          revokedByName: actor.displayName,
          revokedAt: clock.now(),
        });
        if (!inserted) throw new AppError('DESIGNATION_ALREADY_REVOKED', { revokedOn }, 'id');
        await audit.record(
          actor,
          {
            action: 'facility.revoke',
            resourceType: 'designation',
            resourceIds: [id],
            details: { designation: found.designation, revokedOn, reason: body.reason },
            chain: found.countyCode,
          },
          tx,
        );
      });
      await changed();
      const saved = await repo.designationById(db, id);
      if (!saved) throw new AppError('NOT_FOUND');
      return designationDto(saved);
    },
  };
}

export type FacilityService = ReturnType<typeof createFacilityService>;
