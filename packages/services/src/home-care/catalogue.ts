import type {
  PriceQuote,
  ProviderBody,
  ProviderDto,
  ServiceItemDto,
  WorkerCareProfileBody,
  WorkerCareProfileDto,
} from '@kangyang/contracts/home-care';
import { quotePrice } from '@kangyang/domain/home-care';
import { isWithin } from '@kangyang/domain/region';
import { AppError } from '../app-error.ts';
import { scopesOf, type Actor } from '../actor.ts';
import { loadElderInScope } from '../applications/elder-scope.ts';
import { uuidv7 } from '../ids.ts';
import { workerScopesOf } from '../workers/worker.service.ts';
import { findWorker, workerCountyOf } from '../workers/worker.repo.ts';
import * as repo from './catalogue.repo.ts';
import type { HomeCareDeps } from './home-care-deps.ts';
import { toProviderDto, toServiceItemDto } from './home-care-mapper.ts';

/** HCS-1, HCS-2: providers, the catalogue, price quotes and workers' care profiles. */
export async function listProviders(
  deps: HomeCareDeps,
  actor: Actor,
  query: { regionCode?: string | undefined; limit: number; offset: number },
): Promise<{ items: ProviderDto[]; total: number }> {
  const found = await repo.listProviders(
    deps.db,
    scopesOf(actor, 'order:read'),
    query.regionCode,
    query.limit,
    query.offset,
  );
  return { items: found.items.map(toProviderDto), total: found.total };
}

export async function createProvider(deps: HomeCareDeps, actor: Actor, body: ProviderBody): Promise<ProviderDto> {
  const scopes = scopesOf(actor, 'order:dispatch');
  if (body.regionCode.length < 6 || !scopes.some((scope) => isWithin(body.regionCode, scope)))
    throw new AppError('REGION_OUT_OF_SCOPE', {}, 'regionCode');
  const outside = body.serviceAreas.find((area) => !isWithin(area, body.regionCode.slice(0, 6)));
  if (outside) throw new AppError('VALIDATION_FAILED', { field: 'serviceAreas', detail: outside }, 'serviceAreas');
  const id = uuidv7();
  const countyCode = body.regionCode.slice(0, 6);
  await deps.db.transaction(async (tx) => {
    await repo.insertProvider(tx, {
      countyCode,
      id,
      name: body.name,
      regionCode: body.regionCode,
      serviceAreas: body.serviceAreas,
      categories: body.categories,
      phone: body.phone ?? null,
      createdAt: deps.clock.now(),
    });
    await deps.audit.record(
      actor,
      { action: 'homeCare.provider.create', resourceType: 'provider', resourceIds: [id], chain: countyCode },
      tx,
    );
  });
  const row = await repo.findProvider(deps.db, id);
  if (!row) throw new Error('provider vanished after insert');
  return toProviderDto(row);
}

export async function catalogue(deps: HomeCareDeps, actor: Actor): Promise<{ items: ServiceItemDto[] }> {
  const items = await repo.catalogueOf(deps.db, scopesOf(actor, 'order:read'));
  return { items: items.map(toServiceItemDto) };
}

/** The price an elder pays for an item today, and why (HCS-2). Audited: it reads the elder's categories. */
export async function quote(
  deps: HomeCareDeps,
  actor: Actor,
  query: { elderId: string; serviceItemId: string },
): Promise<PriceQuote> {
  const elder = await loadElderInScope(deps, actor, query.elderId, 'order:read', 'homeCare.quote');
  const item = await repo.findServiceItem(deps.db, query.serviceItemId);
  if (!item || item.countyCode !== elder.countyCode) throw new AppError('NOT_FOUND', {}, 'serviceItemId');
  const priced = await priceFor(deps, elder, item);
  await deps.audit.record(actor, {
    action: 'homeCare.quote',
    resourceType: 'elder',
    resourceIds: [elder.id],
    chain: elder.countyCode,
    elderBlindIndex: elder.idNumberBlindIndex,
  });
  const { programme: _programme, ...rest } = priced.quote;
  return { serviceItemId: item.id, ...rest };
}

/** Glossary `advancedAge`: derived at or over 80 (the five plans' threshold), not a declared tag. */
const ADVANCED_AGE = 80;

function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export async function priceFor(
  deps: HomeCareDeps,
  elder: { countyCode: string; residenceRegionCode: string; categories: string[]; birthDate: string },
  item: repo.ServiceItemRow,
) {
  const today = deps.clock.today();
  const resolved = await deps.profiles.resolve(elder.residenceRegionCode, today);
  const rules = await repo.priceRulesOf(deps.db, elder.countyCode);
  const derived = ageOn(elder.birthDate, today) >= ADVANCED_AGE ? ['advancedAge'] : [];
  const categories = [...elder.categories, ...derived];
  const quoted = quotePrice(item, { categories }, resolved?.profile.id ?? null, rules);
  return { quote: quoted, targetMinutes: resolved?.profile.rules.responseTarget?.minutes ?? null };
}

function toProfileDto(row: repo.WorkerProfileRow): WorkerCareProfileDto {
  return {
    workerId: row.workerId,
    providerId: row.providerId,
    userId: row.userId,
    skills: row.skills as WorkerCareProfileDto['skills'],
    certificates: row.certificates as WorkerCareProfileDto['certificates'],
    homeLocation: { lng: row.homeLng, lat: row.homeLat },
    shifts: row.shifts,
    maxDailyVisits: row.maxDailyVisits,
    version: row.version,
  };
}

async function loadWorker(
  deps: HomeCareDeps,
  actor: Actor,
  workerId: string,
  permission: 'worker:read' | 'worker:write',
) {
  const worker = await findWorker(deps.db, workerId, workerScopesOf(actor, permission));
  if (worker) return worker;
  const county = await workerCountyOf(deps.db, workerId);
  await deps.audit.record(actor, {
    action: 'homeCare.workerProfile',
    resourceType: 'worker',
    resourceIds: [workerId],
    outcome: 'denied',
    reason: county ? 'outOfScope' : 'notFound',
    chain: county,
  });
  throw new AppError('NOT_FOUND');
}

export async function getWorkerProfile(
  deps: HomeCareDeps,
  actor: Actor,
  workerId: string,
): Promise<WorkerCareProfileDto> {
  const worker = await loadWorker(deps, actor, workerId, 'worker:read');
  const row = await repo.findWorkerProfile(deps.db, worker.id);
  if (!row) throw new AppError('NOT_FOUND');
  await deps.audit.record(actor, {
    action: 'homeCare.workerProfile.read',
    resourceType: 'worker',
    resourceIds: [worker.id],
    chain: worker.countyCode,
  });
  return toProfileDto(row);
}

/** Skills, certificates, shifts and home of a worker (additive to the worker record of WRK-1). */
export async function putWorkerProfile(
  deps: HomeCareDeps,
  actor: Actor,
  workerId: string,
  body: WorkerCareProfileBody,
): Promise<WorkerCareProfileDto> {
  const worker = await loadWorker(deps, actor, workerId, 'worker:write');
  await deps.db.transaction(async (tx) => {
    await repo.upsertWorkerProfile(tx, {
      countyCode: worker.countyCode,
      workerId: worker.id,
      providerId: worker.organisationId,
      userId: body.userId ?? null,
      skills: body.skills,
      certificates: body.certificates,
      homeLng: body.homeLocation.lng,
      homeLat: body.homeLocation.lat,
      shifts: body.shifts,
      maxDailyVisits: body.maxDailyVisits,
      now: deps.clock.now(),
    });
    await deps.audit.record(
      actor,
      {
        action: 'homeCare.workerProfile.write',
        resourceType: 'worker',
        resourceIds: [worker.id],
        chain: worker.countyCode,
      },
      tx,
    );
  });
  const row = await repo.findWorkerProfile(deps.db, worker.id);
  if (!row) throw new Error('worker profile vanished after upsert');
  return toProfileDto(row);
}
