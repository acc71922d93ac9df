import type {
  AgencyCreateBody,
  AgencyDto,
  AssessorCreateBody,
  AssessorDto,
} from '@kangyang/contracts/assessment-workflow';
import { inAnyScope } from '@kangyang/domain/access';
import { isQualifiedOn } from '@kangyang/domain/assessment-workflow';
import type { IsoDate } from '@kangyang/domain/units';
import { AppError } from '../app-error.ts';
import { scopesOf, type Actor } from '../actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { existingRegionCodes } from '../elders/elder.repo.ts';
import { uuidv7 } from '../ids.ts';
import type { SettingsFor } from './assessment-settings.ts';
import * as repo from './agency.repo.ts';

export type AgencyServiceDeps = { db: Db; clock: Clock; audit: AuditService; settingsFor: SettingsFor };

export const assessorFacts = (row: repo.AssessorRow) => ({
  id: row.id,
  agencyId: row.agencyId,
  userId: row.userId,
  active: row.active,
  qualifiedUntil: row.qualifiedUntil as IsoDate | null,
});

export function toAssessorDto(row: repo.AssessorRow, today: IsoDate): AssessorDto {
  return {
    id: row.id,
    agencyId: row.agencyId,
    name: row.name,
    userId: row.userId,
    qualificationNo: row.qualificationNo,
    qualifiedUntil: row.qualifiedUntil,
    active: row.active,
    qualified: isQualifiedOn(assessorFacts(row), today),
  };
}

/** ASM-2: contracted agencies and their qualified assessors, with the minimum headcount of §8. */
// eslint-disable-next-line max-lines-per-function -- a service factory: each method is short; the closure holds the shared dependencies
export function createAgencyService(deps: AgencyServiceDeps) {
  const { db, clock, audit, settingsFor } = deps;

  async function toDto(agency: repo.AgencyRow, staff: readonly repo.AssessorRow[]): Promise<AgencyDto> {
    const today = clock.today();
    const settings = await settingsFor(agency.regionCode, today);
    const assessors = staff.filter((row) => row.agencyId === agency.id).map((row) => toAssessorDto(row, today));
    const qualified = assessors.filter((assessor) => assessor.qualified).length;
    return {
      id: agency.id,
      name: agency.name,
      regionCode: agency.regionCode,
      creditCode: agency.creditCode,
      contractValidUntil: agency.contractValidUntil,
      qualifiedAssessors: qualified,
      minAgencyAssessors: settings.minAgencyAssessors,
      understaffed: qualified < settings.minAgencyAssessors,
      assessors,
    };
  }

  /** An agency the actor manages (assessment:assign over its region), or 404 as if it did not exist. */
  async function managedAgency(actor: Actor, id: string): Promise<repo.AgencyRow> {
    const agency = await repo.findAgency(db, id);
    if (agency && inAnyScope(agency.regionCode, scopesOf(actor, 'assessment:assign'))) return agency;
    await audit.record(actor, {
      action: 'assessmentAgency.update',
      resourceType: 'assessmentAgency',
      resourceIds: [id],
      outcome: 'denied',
      reason: agency ? 'outOfScope' : 'notFound',
    });
    throw new AppError('NOT_FOUND');
  }

  return {
    async list(actor: Actor): Promise<AgencyDto[]> {
      const scopes = [...scopesOf(actor, 'assessment:read'), ...scopesOf(actor, 'assessment:assign')];
      const agencies = await repo.listAgencies(db, scopes);
      const staff = await repo.assessorsOfAgencies(
        db,
        agencies.map((agency) => agency.id),
      );
      return Promise.all(agencies.map((agency) => toDto(agency, staff)));
    },

    async create(actor: Actor, body: AgencyCreateBody): Promise<AgencyDto> {
      if (!inAnyScope(body.regionCode, scopesOf(actor, 'assessment:assign')))
        throw new AppError('REGION_OUT_OF_SCOPE', {}, 'regionCode');
      if (!(await existingRegionCodes(db, [body.regionCode])).has(body.regionCode))
        throw new AppError('REGION_UNKNOWN', { code: body.regionCode }, 'regionCode');
      const now = clock.now();
      const agency: repo.AgencyRow = {
        id: uuidv7(now.getTime()),
        name: body.name,
        regionCode: body.regionCode,
        creditCode: body.creditCode ?? null,
        contractValidUntil: body.contractValidUntil ?? null,
        active: true,
        createdAt: now,
        version: 1,
      };
      await db.transaction(async (tx) => {
        await repo.insertAgency(tx, agency);
        const details = { name: agency.name, regionCode: agency.regionCode };
        await audit.record(
          actor,
          { action: 'assessmentAgency.create', resourceType: 'assessmentAgency', resourceIds: [agency.id], details },
          tx,
        );
      });
      return toDto(agency, []);
    },

    /** Adds a qualified assessor; a linked account must exist and hold the `assessor` role. */
    async addAssessor(actor: Actor, agencyId: string, body: AssessorCreateBody): Promise<AgencyDto> {
      const agency = await managedAgency(actor, agencyId);
      let userId: string | null = null;
      if (body.username) {
        const account = await repo.assessorAccount(db, body.username);
        if (!account?.isAssessor)
          throw new AppError('VALIDATION_FAILED', { field: 'username', detail: '（需为评估员账号）' }, 'username');
        if (await repo.assessorOfUser(db, account.id)) throw new AppError('CONFLICT', {}, 'username');
        userId = account.id;
      }
      const now = clock.now();
      const assessor: repo.AssessorRow = {
        id: uuidv7(now.getTime()),
        agencyId: agency.id,
        userId,
        name: body.name,
        qualificationNo: body.qualificationNo,
        qualifiedUntil: body.qualifiedUntil,
        active: true,
        createdAt: now,
        version: 1,
      };
      await db.transaction(async (tx) => {
        await repo.insertAssessors(tx, [assessor]);
        const details = { agencyId: agency.id, qualifiedUntil: body.qualifiedUntil, linkedAccount: userId !== null };
        await audit.record(
          actor,
          { action: 'assessor.create', resourceType: 'assessor', resourceIds: [assessor.id], details },
          tx,
        );
      });
      return toDto(agency, await repo.assessorsOfAgencies(db, [agency.id]));
    },
  };
}

export type AgencyService = ReturnType<typeof createAgencyService>;
