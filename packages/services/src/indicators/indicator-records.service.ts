import type { IndicatorRecords, IndicatorRecordsQuery } from '@kangyang/contracts/indicator-records';
import { PlanIndicatorsSchema } from '@kangyang/contracts/indicators';
import type { ProfileId } from '@kangyang/contracts/profile-common';
import type { Indicator } from '@kangyang/contracts/profile-indicators';
import { inAnyScope } from '@kangyang/domain/access';
import {
  maskPersonName,
  recordScopes,
  recordsOf,
  siteKindOf,
  type RecordsDescriptor,
} from '@kangyang/domain/indicators';
import { ageOn, type IsoDate } from '@kangyang/domain/units';
import { AppError } from '../app-error.ts';
import type { Actor } from '../actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { ProfileService } from '../profiles/profile.service.ts';
import { recordsPage, type RecordRow, type RecordsFilter } from './indicator-records.repo.ts';
import { regionLookup, scopedRegion } from './indicator-scope.ts';

export type IndicatorRecordsDeps = { db: Db; clock: Clock; audit: AuditService; profiles: ProfileService };

const personal = (descriptor: RecordsDescriptor) => descriptor.kind === 'elder' || descriptor.kind === 'worker';
const chainOf = (code: string) => code.slice(0, 6).padEnd(6, '0');

/** The descriptor's columns of one row: names masked for personal rows, birth dates shown as ages only. */
function valuesOf(
  row: RecordRow,
  descriptor: RecordsDescriptor,
  asOf: IsoDate,
): Record<string, string | number | null> {
  const raw = row.values;
  const name = typeof raw.name === 'string' ? raw.name : '';
  const all: Record<string, string | number | null> = {
    ...raw,
    name: personal(descriptor) ? maskPersonName(name) : name,
    region: descriptor.kind === 'region' ? row.regionCode : (row.regionName ?? row.regionCode),
    age: typeof raw.birthDate === 'string' ? ageOn(raw.birthDate as IsoDate, asOf) : null,
  };
  return Object.fromEntries(descriptor.columns.map((column) => [column, all[column] ?? null]));
}

/** The repo filter: the day counted on (today, or 31 December of a past `year`), paging and formula parameters. */
function filterOf(
  indicator: Indicator,
  at: { region: string; scopes: string[]; query: IndicatorRecordsQuery; today: string },
): RecordsFilter {
  const { query, today } = at;
  const asOf = (
    query.year !== undefined && query.year < Number(today.slice(0, 4)) ? `${query.year}-12-31` : today
  ) as IsoDate;
  const minOfficers = indicator.params?.minOfficers;
  return {
    region: at.region,
    scopes: at.scopes,
    set: query.set,
    asOf,
    period: asOf.slice(0, 7),
    params: { minOfficers: typeof minOfficers === 'number' ? minOfficers : 1, siteKind: siteKindOf(indicator.formula) },
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  };
}

async function forbid(audit: AuditService, actor: Actor, indicatorId: string, regionCode: string): Promise<never> {
  await audit.record(actor, {
    action: 'indicator.records',
    resourceType: 'indicator',
    resourceIds: [indicatorId],
    outcome: 'denied',
    reason: 'forbidden',
    details: { regionCode },
  });
  throw new AppError('INDICATOR_RECORDS_FORBIDDEN', { id: indicatorId });
}

/** KPI-3: the records behind an indicator's number, for roles that may see them. */
export function createIndicatorRecordsService(deps: IndicatorRecordsDeps) {
  const { db, clock, audit, profiles } = deps;
  const regions = regionLookup(db, clock);

  async function indicatorOf(profileId: ProfileId, indicatorId: string) {
    const detail = await profiles.detail(profileId, {});
    const indicator = PlanIndicatorsSchema.parse(detail.indicators).find((item) => item.id === indicatorId);
    if (!indicator) throw new AppError('NOT_FOUND');
    return { indicator, regionCode: detail.region.code };
  }

  return {
    async records(
      actor: Actor,
      profileId: ProfileId,
      indicatorId: string,
      query: IndicatorRecordsQuery,
    ): Promise<IndicatorRecords> {
      const { indicator, regionCode } = await indicatorOf(profileId, indicatorId);
      const descriptor = indicator.source === 'computed' ? recordsOf(indicator.formula) : undefined;
      if (!descriptor) throw new AppError('INDICATOR_RECORDS_NONE', { id: indicatorId });
      // a role without the permission anywhere is refused (403) before any region is looked at
      const scopes = recordScopes(actor.grants, descriptor);
      if (scopes.length === 0) return forbid(audit, actor, indicatorId, query.region ?? '');
      const lookup = { audit, lookup: regions.get };
      const region = await scopedRegion(lookup, actor, query.region, regionCode, 'indicator.records');
      if (!inAnyScope(region.code, scopes)) return forbid(audit, actor, indicatorId, region.code);
      if (!descriptor.sets.includes(query.set))
        throw new AppError('VALIDATION_FAILED', { field: 'set', detail: descriptor.sets.join(', ') }, 'set');
      const filter = filterOf(indicator, { region: region.code, scopes, query, today: clock.today() });
      const page = await recordsPage(db, descriptor.query, filter);
      if (personal(descriptor))
        await audit.record(actor, {
          action: 'indicator.records',
          resourceType: descriptor.kind,
          resourceIds: page.items.map((row) => row.id),
          details: { profileId, indicatorId, regionCode: region.code, set: query.set, total: page.total, masked: true },
          chain: chainOf(region.code),
        });
      return {
        indicatorId,
        regionCode: region.code,
        kind: descriptor.kind,
        set: query.set,
        sets: [...descriptor.sets],
        columns: [...descriptor.columns],
        asOf: filter.asOf,
        masked: personal(descriptor),
        items: page.items.map((row) => ({ id: row.id, values: valuesOf(row, descriptor, filter.asOf) })),
        total: page.total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  };
}

export type IndicatorRecordsService = ReturnType<typeof createIndicatorRecordsService>;
