import type {
  ElderCreateBody,
  ElderDto,
  ElderListItem,
  ElderListQuery,
  ElderSearchBody,
  ElderUpdateBody,
  RevealResponse,
} from '@kangyang/contracts/elder';
import { birthRangeOfAgeBand } from '@kangyang/domain/elder';
import { normaliseIdNumber, normalisePhone } from '@kangyang/domain/identity';
import { inAnyScope } from '@kangyang/domain/access';
import { birthDateForAge } from '@kangyang/domain/units';
import { AppError, fieldError } from '../app-error.ts';
import { scopesOf, type Actor } from '../actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import { uuidv7 } from '../ids.ts';
import { createRateLimiter } from '../auth/rate-limiter.ts';
import { prepareNewElder, ELDER_TABLE } from './elder-input.ts';
import { toDto, toListItem, type StoredContact } from './elder-mapper.ts';
import { applyElderUpdate } from './elder-update.ts';
import * as repo from './elder.repo.ts';

export type ElderServiceDeps = {
  db: Db;
  clock: Clock;
  audit: AuditService;
  cipher: FieldCipher;
  revealsPerHour?: number;
};

// eslint-disable-next-line max-lines-per-function -- a service factory: each method is short; the closure holds the shared dependencies
export function createElderService(deps: ElderServiceDeps) {
  const { db, clock, audit, cipher } = deps;
  const revealLimiter = createRateLimiter({ limit: deps.revealsPerHour ?? 30, windowMs: 3_600_000 });

  async function requireRegion(code: string, field: string): Promise<void> {
    if (code.length < 6 || !(await repo.existingRegionCodes(db, [code])).has(code))
      throw new AppError('REGION_UNKNOWN', { code }, field);
  }

  /** Audits a denied access to an elder and answers 404, whether it exists elsewhere or not (AZ-3, AZ-4). */
  async function deny(actor: Actor, id: string, action: string): Promise<never> {
    const county = await repo.elderCountyOf(db, id);
    await audit.record(actor, {
      action,
      resourceType: 'elder',
      resourceIds: [id],
      outcome: 'denied',
      reason: county ? 'outOfScope' : 'notFound',
      chain: county,
    });
    throw new AppError('NOT_FOUND');
  }

  /** Loads an elder inside the actor's scope, or audits the denial and answers 404 (AZ-3, AZ-4). */
  async function loadScoped(
    actor: Actor,
    id: string,
    permission: 'elder:read' | 'elder:write' | 'elder:revealIdentifiers',
    action: string,
  ): Promise<repo.ElderRow> {
    const row = await repo.findElder(db, id, scopesOf(actor, permission));
    return row ?? deny(actor, id, action);
  }

  async function listQuery(actor: Actor, filters: ElderListQuery | ElderSearchBody): Promise<repo.ElderQuery> {
    const scopes = scopesOf(actor, 'elder:read');
    const region = filters.regionCode;
    if (region && !scopes.some((scope) => region.startsWith(scope) || scope.startsWith(region))) {
      await audit.record(actor, {
        action: 'elder.list',
        resourceType: 'elder',
        outcome: 'denied',
        reason: 'regionOutOfScope',
        details: { regionCode: region },
      });
      throw new AppError('NOT_FOUND');
    }
    const band = filters.ageBand ? birthRangeOfAgeBand(filters.ageBand, clock.today(), birthDateForAge) : {};
    return {
      scopes,
      regionCode: filters.regionCode,
      category: filters.category,
      status: filters.status,
      namePrefix: filters.name,
      bornAfter: band.after,
      bornOnOrBefore: band.onOrBefore,
    };
  }

  async function listAudited(
    actor: Actor,
    query: repo.ElderQuery,
    limit: number,
    offset: number,
    action: string,
    details: Record<string, unknown>,
  ) {
    const found = await repo.listElders(db, query, limit, offset);
    const today = clock.today();
    await audit.record(actor, {
      action,
      resourceType: 'elder',
      resourceIds: found.items.map((row) => row.id),
      details: { ...details, total: found.total },
    });
    return { items: found.items.map((row) => toListItem(row, today)), total: found.total };
  }

  return {
    async create(actor: Actor, body: ElderCreateBody): Promise<ElderDto> {
      if (!inAnyScope(body.residenceRegionCode, scopesOf(actor, 'elder:write')))
        throw new AppError('REGION_OUT_OF_SCOPE', {}, 'residenceRegionCode');
      const id = uuidv7();
      const prepared = prepareNewElder(body, {
        id,
        today: clock.today(),
        now: clock.now(),
        cipher,
        createdBy: actor.userId,
      });
      if (!prepared.ok) throw fieldError(prepared.error);
      await requireRegion(body.residenceRegionCode, 'residenceRegionCode');
      if (body.hukouRegionCode) await requireRegion(body.hukouRegionCode, 'hukouRegionCode');
      const row = await db.transaction(async (tx) => {
        const claimed = await repo.claimIdentity(tx, prepared.value.idNumberBlindIndex, prepared.value.countyCode, id);
        if (!claimed) return undefined;
        const inserted = await repo.insertElder(tx, prepared.value);
        await audit.record(
          actor,
          {
            action: 'elder.create',
            resourceType: 'elder',
            resourceIds: [id],
            chain: inserted.countyCode,
            elderBlindIndex: inserted.idNumberBlindIndex,
          },
          tx,
        );
        return inserted;
      });
      if (!row) {
        await audit.record(actor, {
          action: 'elder.create',
          resourceType: 'elder',
          outcome: 'denied',
          reason: 'duplicate',
          elderBlindIndex: prepared.value.idNumberBlindIndex,
        });
        throw new AppError('ELDER_DUPLICATE', {}, 'idNumber');
      }
      return toDto(row, clock.today(), await repo.regionName(db, row.residenceRegionCode));
    },

    /** The elder in scope with its region name in one query, audited before the reply (AUD-4); masked (ENC-3). */
    async get(actor: Actor, id: string): Promise<ElderDto> {
      const found = await repo.findElderWithRegionName(db, id, scopesOf(actor, 'elder:read'));
      if (!found) return deny(actor, id, 'elder.read');
      await audit.record(actor, {
        action: 'elder.read',
        resourceType: 'elder',
        resourceIds: [id],
        chain: found.row.countyCode,
        elderBlindIndex: found.row.idNumberBlindIndex,
      });
      return toDto(found.row, clock.today(), found.regionName);
    },

    async list(actor: Actor, query: ElderListQuery): Promise<{ items: ElderListItem[]; total: number }> {
      const { limit, offset, ...filters } = query;
      return listAudited(actor, await listQuery(actor, query), limit, offset, 'elder.list', { filters });
    },

    /** Exact search by ID number or phone through the blind index (ENC-2), plus the list filters. */
    async search(actor: Actor, body: ElderSearchBody): Promise<{ items: ElderListItem[]; total: number }> {
      const query = await listQuery(actor, body);
      if (body.idNumber) query.idNumberBlindIndex = cipher.blindIndex('idNumber', normaliseIdNumber(body.idNumber));
      if (body.phone) {
        const phone = normalisePhone(body.phone);
        if (!phone.ok) throw new AppError('PHONE_FORMAT', {}, 'phone');
        query.phoneBlindIndex = cipher.blindIndex('phone', phone.value);
      }
      const filters = {
        ...body,
        idNumber: body.idNumber ? 'blind-index' : undefined,
        phone: body.phone ? 'blind-index' : undefined,
      };
      return listAudited(actor, query, body.limit, body.offset, 'elder.search', {
        filters,
        elderBlindIndex: query.idNumberBlindIndex,
      });
    },

    async update(actor: Actor, id: string, expectedVersion: number, body: ElderUpdateBody): Promise<ElderDto> {
      const current = await loadScoped(actor, id, 'elder:write', 'elder.update');
      const writeScopes = scopesOf(actor, 'elder:write');
      if (body.residenceRegionCode) {
        if (!inAnyScope(body.residenceRegionCode, writeScopes))
          throw new AppError('REGION_OUT_OF_SCOPE', {}, 'residenceRegionCode');
        await requireRegion(body.residenceRegionCode, 'residenceRegionCode');
      }
      if (body.hukouRegionCode) await requireRegion(body.hukouRegionCode, 'hukouRegionCode');
      const row = await applyElderUpdate({ db, audit, cipher, clock }, actor, current, expectedVersion, body);
      return toDto(row, clock.today(), await repo.regionName(db, row.residenceRegionCode));
    },

    /** ENC-3: the full ID number and phones, for a stated reason; audited and rate-limited. */
    async reveal(actor: Actor, id: string, reason: string): Promise<RevealResponse> {
      const wait = revealLimiter.hit(actor.userId, clock.now().getTime());
      if (wait > 0) {
        await audit.record(actor, {
          action: 'elder.reveal',
          resourceType: 'elder',
          resourceIds: [id],
          outcome: 'denied',
          reason: 'rateLimited',
        });
        throw new AppError('RATE_LIMITED', { retryAfterSeconds: wait });
      }
      const row = await loadScoped(actor, id, 'elder:revealIdentifiers', 'elder.reveal');
      await audit.record(actor, {
        action: 'elder.reveal',
        resourceType: 'elder',
        resourceIds: [id],
        reason,
        chain: row.countyCode,
        elderBlindIndex: row.idNumberBlindIndex,
      });
      const contacts = row.contacts as StoredContact[];
      return {
        idNumber: cipher.decrypt(row.idNumberCipher, { table: ELDER_TABLE, column: 'id_number', recordId: row.id }),
        phone: row.phoneCipher
          ? cipher.decrypt(row.phoneCipher, { table: ELDER_TABLE, column: 'phone', recordId: row.id })
          : null,
        contacts: contacts.map((contact, index) => ({
          name: contact.name,
          phone: cipher.decrypt(contact.phoneCipher, {
            table: ELDER_TABLE,
            column: 'contacts.phone',
            recordId: `${row.id}#${index}`,
          }),
        })),
      };
    },
  };
}

export type ElderService = ReturnType<typeof createElderService>;
