import type {
  AttendanceBody,
  AttendanceDto,
  CertificateBody,
  WorkerCreateBody,
  WorkerDto,
  WorkerListItem,
  WorkerListQuery,
} from '@kangyang/contracts/workers';
import type { Permission } from '@kangyang/domain/access';
import { ROLE_PERMISSIONS } from '@kangyang/domain/access';
import { validatePhoneField } from '@kangyang/domain/elder';
import { maskPhone } from '@kangyang/domain/identity';
import { daysInPeriod, period } from '@kangyang/domain/ledger';
import { isWithin } from '@kangyang/domain/region';
import { AppError, fieldError } from '../app-error.ts';
import type { Actor } from '../actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import type { Db } from '../db/database.ts';
import { uuidv7 } from '../ids.ts';
import { toAttendanceDto, toWorkerDto, toWorkerListItem } from './worker-mapper.ts';
import * as repo from './worker.repo.ts';

export const WORKER_TABLE = 'workers';

export type WorkerServiceDeps = { db: Db; clock: Clock; audit: AuditService; cipher: FieldCipher };

/** Where the actor reaches workers with `permission`: region grants, narrowed to the employer for organisation-scoped roles. */
export function workerScopesOf(actor: Actor, permission: Permission): repo.WorkerScope[] {
  return actor.grants
    .filter((grant) => ROLE_PERMISSIONS[grant.role].includes(permission))
    .map((grant) => ({ regionCode: grant.regionCode, organisationId: grant.organisationId }));
}

const reaches = (scopes: readonly repo.WorkerScope[], regionCode: string, organisationId: string): boolean =>
  scopes.some(
    (scope) =>
      isWithin(regionCode, scope.regionCode) &&
      (scope.organisationId === null || scope.organisationId === organisationId),
  );

// eslint-disable-next-line max-lines-per-function -- a service factory: each method is short; the closure holds the shared dependencies
export function createWorkerService(deps: WorkerServiceDeps) {
  const { db, clock, audit, cipher } = deps;

  /** Loads a worker inside the actor's scope, or audits the denial and answers 404 (AZ-3, AZ-4). */
  async function loadScoped(actor: Actor, id: string, permission: Permission, action: string): Promise<repo.WorkerRow> {
    const row = await repo.findWorker(db, id, workerScopesOf(actor, permission));
    if (row) return row;
    const county = await repo.workerCountyOf(db, id);
    const reason = county ? 'outOfScope' : 'notFound';
    await audit.record(actor, {
      action,
      resourceType: 'worker',
      resourceIds: [id],
      outcome: 'denied',
      reason,
      chain: county,
    });
    throw new AppError('NOT_FOUND');
  }

  async function detail(row: repo.WorkerRow): Promise<WorkerDto> {
    const certificates = await repo.certificatesOf(db, [row]);
    const attendance = await repo.attendanceOf(db, row);
    const names = await repo.organisationNames(db, [row.organisationId]);
    const organisationName = names.get(row.organisationId) ?? null;
    return toWorkerDto(row, { certificates, attendance, organisationName }, clock.today());
  }

  return {
    /** WRK-1: a worker employed by an organisation; the workplace region is the employer's. */
    async create(actor: Actor, body: WorkerCreateBody): Promise<WorkerDto> {
      const organisation = await repo.findOrganisation(db, body.organisationId);
      if (!organisation || organisation.regionCode.length < 6)
        throw new AppError('VALIDATION_FAILED', { field: 'organisationId', detail: '' }, 'organisationId');
      if (!reaches(workerScopesOf(actor, 'worker:write'), organisation.regionCode, organisation.id))
        throw new AppError('REGION_OUT_OF_SCOPE', {}, 'organisationId');
      const phone = validatePhoneField(body.phone, 'phone');
      if (!phone.ok) throw fieldError(phone.error);
      if (body.employedTo && body.employedTo < body.employedFrom)
        throw new AppError('VALIDATION_FAILED', { field: 'employedTo', detail: '' }, 'employedTo');
      const id = uuidv7();
      const now = clock.now();
      const plainPhone = phone.value ?? null;
      const row = await db.transaction(async (tx) => {
        const inserted = await repo.insertWorker(tx, {
          countyCode: organisation.regionCode.slice(0, 6),
          id,
          name: body.name,
          phoneCipher: plainPhone
            ? cipher.encrypt(plainPhone, { table: WORKER_TABLE, column: 'phone', recordId: id })
            : null,
          phoneBlindIndex: plainPhone ? cipher.blindIndex('phone', plainPhone) : null,
          phoneMasked: plainPhone ? maskPhone(plainPhone) : null,
          organisationId: organisation.id,
          regionCode: organisation.regionCode,
          staffRole: body.staffRole,
          employedFrom: body.employedFrom,
          employedTo: body.employedTo ?? null,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
          version: 1,
        });
        const event = {
          action: 'worker.create',
          resourceType: 'worker',
          resourceIds: [id],
          chain: inserted.countyCode,
        };
        await audit.record(actor, event, tx);
        return inserted;
      });
      return detail(row);
    },

    async get(actor: Actor, id: string): Promise<WorkerDto> {
      const row = await loadScoped(actor, id, 'worker:read', 'worker.read');
      await audit.record(actor, {
        action: 'worker.read',
        resourceType: 'worker',
        resourceIds: [id],
        chain: row.countyCode,
      });
      return detail(row);
    },

    async list(actor: Actor, query: WorkerListQuery): Promise<{ items: WorkerListItem[]; total: number }> {
      const { limit, offset, ...filters } = query;
      const found = await repo.listWorkers(
        db,
        { ...filters, scopes: workerScopesOf(actor, 'worker:read') },
        limit,
        offset,
      );
      const certificates = await repo.certificatesOf(db, found.items);
      const names = await repo.organisationNames(
        db,
        found.items.map((row) => row.organisationId),
      );
      const ids = found.items.map((row) => row.id);
      await audit.record(actor, {
        action: 'worker.list',
        resourceType: 'worker',
        resourceIds: ids,
        details: { filters },
      });
      const today = clock.today();
      const items = found.items.map((row) =>
        toWorkerListItem(
          row,
          certificates.filter((certificate) => certificate.workerId === row.id),
          names.get(row.organisationId) ?? null,
          today,
        ),
      );
      return { items, total: found.total };
    },

    /** WRK-2: adds a skill-level certificate; a number already on file in the county is a conflict. */
    async addCertificate(actor: Actor, workerId: string, body: CertificateBody): Promise<WorkerDto> {
      const worker = await loadScoped(actor, workerId, 'worker:write', 'worker.certificate');
      if (body.expiresOn && body.expiresOn < body.issuedOn)
        throw new AppError('VALIDATION_FAILED', { field: 'expiresOn', detail: '' }, 'expiresOn');
      const id = uuidv7();
      await db.transaction(async (tx) => {
        const inserted = await repo.insertCertificate(tx, {
          countyCode: worker.countyCode,
          id,
          workerId,
          skillLevel: body.skillLevel,
          certificateNumber: body.certificateNumber,
          issuedOn: body.issuedOn,
          expiresOn: body.expiresOn ?? null,
          createdBy: actor.userId,
          createdAt: clock.now(),
        });
        if (!inserted) throw new AppError('CONFLICT', {}, 'certificateNumber');
        const details = { certificateId: id, skillLevel: body.skillLevel };
        const event = { action: 'worker.certificate', resourceType: 'worker', resourceIds: [workerId], details };
        await audit.record(actor, { ...event, chain: worker.countyCode }, tx);
      });
      return detail(worker);
    },

    /** WRK-4: a month's attendance days and continuing education, feeding the 000-r1 allowance. */
    async recordAttendance(
      actor: Actor,
      workerId: string,
      month: string,
      body: AttendanceBody,
    ): Promise<AttendanceDto> {
      const worker = await loadScoped(actor, workerId, 'worker:write', 'worker.attendance');
      if (body.daysWorked > daysInPeriod(period(month)))
        throw new AppError('VALIDATION_FAILED', { field: 'daysWorked', detail: '' }, 'daysWorked');
      return db.transaction(async (tx) => {
        const saved = await repo.upsertAttendance(tx, {
          countyCode: worker.countyCode,
          workerId,
          period: month,
          daysWorked: body.daysWorked,
          continuingEducation: body.continuingEducation,
          recordedBy: actor.userId,
          recordedAt: clock.now(),
        });
        const details = { period: month, daysWorked: body.daysWorked, continuingEducation: body.continuingEducation };
        const event = { action: 'worker.attendance', resourceType: 'worker', resourceIds: [workerId], details };
        await audit.record(actor, { ...event, chain: worker.countyCode }, tx);
        return toAttendanceDto(saved);
      });
    },
  };
}

export type WorkerService = ReturnType<typeof createWorkerService>;
