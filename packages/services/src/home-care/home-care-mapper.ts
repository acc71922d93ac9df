import type {
  CandidateDto,
  OfferDto,
  OrderDto,
  ProviderDto,
  ServiceItemDto,
  VisitDto,
  VisitTaskDto,
} from '@kangyang/contracts/home-care';
import { readClock, type RankedCandidate } from '@kangyang/domain/home-care';
import { shanghaiDay } from '../clock.ts';
import type { ProviderRow, ServiceItemRow } from './catalogue.repo.ts';
import type { OfferRow } from './offer.repo.ts';
import type { OrderRow } from './order.repo.ts';
import type { EvidenceRow, TaskMark, VisitRow } from './visit.repo.ts';

/** Both drivers answer timestamptz as Date for typed columns; raw SQL may answer strings. */
export const asDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));
export const iso = (value: Date | string): string => asDate(value).toISOString();
const isoOrNull = (value: Date | string | null): string | null => (value === null ? null : iso(value));
const mean = (sum: number, count: number): number | null => (count === 0 ? null : Math.round((sum / count) * 10) / 10);

export function toProviderDto(row: ProviderRow): ProviderDto {
  return {
    id: row.id,
    name: row.name,
    regionCode: row.regionCode,
    serviceAreas: row.serviceAreas,
    phone: row.phone,
    categories: row.categories as ProviderDto['categories'],
    rating: mean(row.ratingSum, row.ratingCount),
    ratingCount: row.ratingCount,
    workerCount: row.workerCount,
    active: row.active,
  };
}

export function toServiceItemDto(row: ServiceItemRow): ServiceItemDto {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    category: row.category as ServiceItemDto['category'],
    setting: row.setting,
    durationMinutes: row.durationMinutes,
    priceFen: row.priceFen,
    requiredSkillLevel: row.requiredSkillLevel as ServiceItemDto['requiredSkillLevel'],
    requiredCertificates: row.requiredCertificates as ServiceItemDto['requiredCertificates'],
    tasks: row.tasks,
    active: row.active,
  };
}

export function toOrderDto(row: OrderRow, now: Date): OrderDto {
  const reading = readClock({
    createdAtMs: asDate(row.createdAt).getTime(),
    dueAtMs: asDate(row.dueAt).getTime(),
    targetMinutes: row.targetMinutes,
    arrivedAtMs: row.arrivedAt === null ? null : asDate(row.arrivedAt).getTime(),
    nowMs: now.getTime(),
  });
  const open = row.status !== 'cancelled' && row.status !== 'completed';
  return {
    id: row.id,
    countyCode: row.countyCode,
    regionCode: row.regionCode,
    elderId: row.elderId,
    elderName: row.elderName,
    serviceItemId: row.serviceItemId,
    serviceName: row.serviceName,
    category: row.category as OrderDto['category'],
    channel: row.channel as OrderDto['channel'],
    urgency: row.urgency,
    status: row.status as OrderDto['status'],
    scheduledFor: isoOrNull(row.scheduledFor),
    providerId: row.providerId,
    providerName: row.providerName,
    workerId: row.workerId,
    workerName: row.workerName,
    priceFen: row.priceFen,
    subsidyFen: row.subsidyFen,
    elderPaysFen: row.elderPaysFen,
    clock: {
      targetMinutes: row.targetMinutes,
      dueAt: iso(row.dueAt),
      elapsedMinutes: reading.elapsedMinutes,
      // a cancelled order without arrival keeps the reading it had; closed orders never show as at risk
      status: !open && row.arrivedAt === null && reading.status !== 'breached' ? 'onTime' : reading.status,
      arrivedAt: isoOrNull(row.arrivedAt),
    },
    createdAt: iso(row.createdAt),
    createdBy: row.createdBy,
    version: row.version,
  };
}

export function toOfferDto(row: OfferRow): OfferDto {
  return {
    id: row.id,
    orderId: row.orderId,
    workerId: row.workerId,
    workerName: row.workerName,
    rank: row.rank,
    status: row.status as OfferDto['status'],
    offeredAt: iso(row.offeredAt),
    acceptBy: iso(row.acceptBy),
    respondedAt: isoOrNull(row.respondedAt),
    reason: row.reason,
    override: row.override,
  };
}

export function toCandidateDto(entry: RankedCandidate): CandidateDto {
  const worker = entry.worker;
  return {
    workerId: worker.workerId,
    workerName: worker.name,
    providerId: worker.providerId,
    rank: entry.rank,
    score: entry.score,
    eligible: entry.eligible,
    distanceM: entry.distanceM,
    etaMinutes: entry.etaMinutes,
    openTasks: worker.openTasks,
    visitsToElder: worker.visitsToElder,
    rating: worker.rating,
    reasons: entry.reasons.map((reason) => (reason.value === undefined ? { code: reason.code } : { ...reason })),
  };
}

export const toTaskDto = (task: TaskMark): VisitTaskDto => ({
  code: task.code,
  label: task.label,
  labelEn: task.labelEn,
  outcome: task.outcome as VisitTaskDto['outcome'],
  note: task.note,
  at: task.at,
});

const fix = (lng: number | null, lat: number | null, accuracyM: number | null) =>
  lng === null || lat === null ? null : { lng, lat, ...(accuracyM === null ? {} : { accuracyM }) };

export function toVisitDto(row: VisitRow, evidence: readonly EvidenceRow[]): VisitDto {
  const checkIn = asDate(row.checkInAt);
  const checkOut = row.checkOutAt === null ? null : asDate(row.checkOutAt);
  return {
    id: row.id,
    orderId: row.orderId,
    elderId: row.elderId,
    elderName: row.elderName,
    providerId: row.providerId,
    providerName: row.providerName,
    workerId: row.workerId,
    workerName: row.workerName,
    serviceName: row.serviceName,
    category: row.category as VisitDto['category'],
    status: row.status,
    evv: {
      serviceItemId: row.serviceItemId,
      elderId: row.elderId,
      workerId: row.workerId,
      date: shanghaiDay(checkIn),
      checkInLocation: fix(row.checkInLng, row.checkInLat, row.checkInAccuracyM),
      checkOutLocation: fix(row.checkOutLng, row.checkOutLat, row.checkOutAccuracyM),
      checkInDistanceM: row.checkInDistanceM,
      checkOutDistanceM: row.checkOutDistanceM,
      toleranceM: row.toleranceM,
      start: checkIn.toISOString(),
      end: checkOut?.toISOString() ?? null,
      checkInMethod: row.checkInMethod as VisitDto['evv']['checkInMethod'],
      checkOutMethod: row.checkOutMethod as VisitDto['evv']['checkOutMethod'],
      verified: row.verified,
    },
    durationMinutes: checkOut === null ? null : Math.round((checkOut.getTime() - checkIn.getTime()) / 60_000),
    tasks: row.tasks.map(toTaskDto),
    notes: evidence
      .filter((item) => item.kind === 'note')
      .map((item) => ({ id: item.id, text: item.text ?? '', at: iso(item.at) })),
    photos: evidence
      .filter((item) => item.kind === 'photo')
      .map((item) => ({
        id: item.id,
        photoRef: item.photoRef ?? '',
        caption: item.text,
        at: iso(item.at),
        lng: item.lng,
        lat: item.lat,
      })),
    confirmation: row.confirmation
      ? {
          method: row.confirmation.method as 'signature' | 'code',
          by: row.confirmation.by as 'elder' | 'family',
          at: row.confirmation.at,
          signatureRef: row.confirmation.signatureRef,
        }
      : null,
    flags: row.flags as VisitDto['flags'],
    subsidyFen: row.subsidyFen,
    ledgerEntryId: row.ledgerEntryId,
    version: row.version,
  };
}
