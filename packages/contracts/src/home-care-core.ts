/** Home-care contracts, part 1 (see home-care.ts for the HTTP API): providers, catalogue, orders, dispatch. */
import { z } from 'zod';
import { ELDER_CATEGORIES, SKILL_LEVELS } from '@kangyang/domain/eligibility';
import { IdSchema, IsoDateSchema, PageQuery, PointSchema, RegionCodeSchema, page } from './common.ts';

export const SERVICE_CATEGORIES = [
  'personalCare',
  'bathing',
  'housekeeping',
  'mealDelivery',
  'healthVisit',
  'escort',
  'shopping',
  'rehabilitation',
  'companionship',
] as const;
export const ServiceCategorySchema = z.enum(SERVICE_CATEGORIES);
export type ServiceCategory = z.infer<typeof ServiceCategorySchema>;

/** Certificates a service may require beyond a skill level. */
export const CARE_CERTIFICATES = [
  'caregiverCertificate',
  'nurseLicence',
  'healthCertificate',
  'bathingTraining',
] as const;
export const CareCertificateSchema = z.enum(CARE_CERTIFICATES);
export type CareCertificate = z.infer<typeof CareCertificateSchema>;

/** Glossary `OrderChannel`: call-centre intake, staff on behalf, elder/family app, care plan, one-button call. */
export const ORDER_CHANNELS = ['phone', 'staff', 'app', 'carePlan', 'sosCall'] as const;
export const OrderChannelSchema = z.enum(ORDER_CHANNELS);
export type OrderChannel = z.infer<typeof OrderChannelSchema>;
export const URGENCIES = ['routine', 'urgent'] as const;
export const UrgencySchema = z.enum(URGENCIES);
export const ORDER_STATUSES = ['open', 'offered', 'assigned', 'inProgress', 'completed', 'cancelled'] as const;
export const OrderStatusSchema = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof OrderStatusSchema>;
/** HCS-5: the response-time clock; `met`/`late` once the caregiver has checked in. */
export const CLOCK_STATUSES = ['onTime', 'atRisk', 'breached', 'met', 'late'] as const;
export const ClockStatusSchema = z.enum(CLOCK_STATUSES);
export type ClockStatus = z.infer<typeof ClockStatusSchema>;
export const OFFER_STATUSES = ['pending', 'accepted', 'declined', 'expired', 'withdrawn'] as const;
export const OfferStatusSchema = z.enum(OFFER_STATUSES);
export const VISIT_STATUSES = ['inProgress', 'completed'] as const;
export const VisitStatusSchema = z.enum(VISIT_STATUSES);
/** HCS-6 flags shown to supervisors. */
export const VISIT_FLAGS = ['late', 'missed', 'outOfArea', 'manualEntry', 'unconfirmed', 'tasksIncomplete'] as const;
export const VisitFlagSchema = z.enum(VISIT_FLAGS);
export type VisitFlag = z.infer<typeof VisitFlagSchema>;
export const VERIFY_METHODS = ['gps', 'qr', 'elderCode', 'manual'] as const;
export const VerifyMethodSchema = z.enum(VERIFY_METHODS);
export const TASK_OUTCOMES = ['done', 'notDone', 'refused'] as const;
export const TaskOutcomeSchema = z.enum(TASK_OUTCOMES);

export const InstantSchema = z.iso.datetime({ offset: true });
const Instant = InstantSchema;
const Minutes = z.number().int();
const Fen = z.number().int();
/** A device position with its GPS accuracy in metres. */
export const FixSchema = PointSchema.extend({ accuracyM: z.number().min(0).max(100_000).optional() });
export type Fix = z.infer<typeof FixSchema>;

// ─── Providers and catalogue (HCS-1, HCS-2) ─────────────────────────────────────────────────────

export const ProviderBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  regionCode: RegionCodeSchema,
  /** Region codes (street or community) the provider serves. */
  serviceAreas: z.array(RegionCodeSchema).min(1).max(200),
  phone: z.string().max(20).nullish(),
  categories: z.array(ServiceCategorySchema).min(1),
});
export type ProviderBody = z.infer<typeof ProviderBody>;
export const ProviderDto = z.object({
  id: IdSchema,
  name: z.string(),
  regionCode: z.string(),
  serviceAreas: z.array(z.string()),
  phone: z.string().nullable(),
  categories: z.array(ServiceCategorySchema),
  /** Mean stars 1–5, null before the first rating. */
  rating: z.number().nullable(),
  ratingCount: z.number().int(),
  workerCount: z.number().int(),
  active: z.boolean(),
});
export type ProviderDto = z.infer<typeof ProviderDto>;
export const ProviderListQuery = PageQuery.extend({ regionCode: RegionCodeSchema.optional() });
export const ProviderPage = page(ProviderDto);

export const TaskTemplate = z.object({ code: z.string().max(40), label: z.string(), labelEn: z.string() });
export type TaskTemplate = z.infer<typeof TaskTemplate>;
export const ServiceItemDto = z.object({
  id: IdSchema,
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  category: ServiceCategorySchema,
  setting: z.enum(['home', 'community']),
  durationMinutes: Minutes,
  priceFen: Fen,
  requiredSkillLevel: z.enum(SKILL_LEVELS).nullable(),
  requiredCertificates: z.array(CareCertificateSchema),
  /** The per-visit checklist (HCS-7): every task needs an outcome before check-out. */
  tasks: z.array(TaskTemplate),
  active: z.boolean(),
});
export type ServiceItemDto = z.infer<typeof ServiceItemDto>;
export const ServiceItemList = z.object({ items: z.array(ServiceItemDto) });

/** Subsidised or free price by elder category and plan profile (HCS-2, 004-r2). */
export const PriceRuleDto = z.object({
  id: IdSchema,
  serviceItemId: IdSchema.nullable(),
  category: z.enum(ELDER_CATEGORIES).nullable(),
  profileId: IdSchema.nullable(),
  /** What the elder pays; 0 = free. The rest is the subsidy. */
  elderPaysFen: Fen.nullable(),
  /** Or a share of the price the subsidy covers, in percent. */
  subsidyPercent: z.number().int().min(0).max(100).nullable(),
  monthlyCapVisits: z.number().int().nullable(),
});
export type PriceRuleDto = z.infer<typeof PriceRuleDto>;
export const QuoteQuery = z.object({ elderId: IdSchema, serviceItemId: IdSchema });
export const PriceQuote = z.object({
  serviceItemId: IdSchema,
  priceFen: Fen,
  subsidyFen: Fen,
  elderPaysFen: Fen,
  /** The rule that applied (null = full price), for the reason shown at intake. */
  ruleId: IdSchema.nullable(),
  basis: z.enum(['free', 'subsidised', 'fullPrice']),
  category: z.string().nullable(),
});
export type PriceQuote = z.infer<typeof PriceQuote>;

// ─── Worker care profile (skills, certificates, shifts, home) ───────────────────────────────────

export const ShiftSchema = z.object({
  /** ISO weekday 1 = Monday … 7 = Sunday. */
  weekday: z.int().min(1).max(7),
  start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  end: z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/),
});
export type Shift = z.infer<typeof ShiftSchema>;
export const WorkerCareProfileBody = z.strictObject({
  skills: z.array(ServiceCategorySchema).max(20),
  certificates: z.array(CareCertificateSchema).max(10),
  homeLocation: PointSchema,
  shifts: z.array(ShiftSchema).max(28),
  maxDailyVisits: z.int().min(1).max(30).default(8),
  /** The caregiver's sign-in account, so /my/* shows their own tasks. */
  userId: IdSchema.nullish(),
});
export type WorkerCareProfileBody = z.infer<typeof WorkerCareProfileBody>;
export const WorkerCareProfileDto = WorkerCareProfileBody.extend({
  workerId: IdSchema,
  providerId: IdSchema,
  userId: IdSchema.nullable(),
  version: z.number().int(),
});
export type WorkerCareProfileDto = z.infer<typeof WorkerCareProfileDto>;

// ─── Orders (HCS-3) and the clock (HCS-5) ───────────────────────────────────────────────────────

export const OrderCreateBody = z.strictObject({
  elderId: IdSchema,
  serviceItemId: IdSchema,
  channel: OrderChannelSchema,
  urgency: UrgencySchema.default('routine'),
  /** Booked start; omitted = as soon as possible (the 30-minute promise applies). */
  scheduledFor: Instant.nullish(),
  providerId: IdSchema.nullish(),
  callerName: z.string().trim().max(50).nullish(),
  callerRelation: z.enum(['self', 'family', 'neighbour', 'staff', 'other']).nullish(),
  notes: z.string().trim().max(500).nullish(),
});
export type OrderCreateBody = z.infer<typeof OrderCreateBody>;

export const ResponseClock = z.object({
  targetMinutes: Minutes,
  /** When the caregiver should arrive. */
  dueAt: Instant,
  elapsedMinutes: Minutes,
  status: ClockStatusSchema,
  arrivedAt: Instant.nullable(),
});
export type ResponseClock = z.infer<typeof ResponseClock>;

export const OrderDto = z.object({
  id: IdSchema,
  countyCode: z.string(),
  regionCode: z.string(),
  elderId: IdSchema,
  elderName: z.string(),
  serviceItemId: IdSchema,
  serviceName: z.string(),
  category: ServiceCategorySchema,
  channel: OrderChannelSchema,
  urgency: UrgencySchema,
  status: OrderStatusSchema,
  scheduledFor: Instant.nullable(),
  providerId: IdSchema.nullable(),
  providerName: z.string().nullable(),
  workerId: IdSchema.nullable(),
  workerName: z.string().nullable(),
  priceFen: Fen,
  subsidyFen: Fen,
  elderPaysFen: Fen,
  clock: ResponseClock,
  createdAt: Instant,
  createdBy: IdSchema.nullable(),
  version: z.number().int(),
});
export type OrderDto = z.infer<typeof OrderDto>;
export const OrderListQuery = PageQuery.extend({
  regionCode: RegionCodeSchema.optional(),
  status: OrderStatusSchema.optional(),
  elderId: IdSchema.optional(),
  providerId: IdSchema.optional(),
  channel: OrderChannelSchema.optional(),
  date: IsoDateSchema.optional(),
});
export type OrderListQuery = z.infer<typeof OrderListQuery>;
export const OrderPage = page(OrderDto);
export const OrderCancelBody = z.strictObject({ reason: z.string().trim().min(2).max(200) });

// ─── Dispatch and offers (HCS-4) ────────────────────────────────────────────────────────────────

export const CANDIDATE_REASONS = [
  'near',
  'far',
  'outOfRange',
  'hasSkills',
  'missingSkill',
  'missingCertificate',
  'skillLevelTooLow',
  'onShift',
  'offShift',
  'lightLoad',
  'heavyLoad',
  'atCapacity',
  'continuity',
  'highRating',
  'lowRating',
  'declinedBefore',
] as const;
export const CandidateReasonSchema = z.enum(CANDIDATE_REASONS);
export type CandidateReason = z.infer<typeof CandidateReasonSchema>;
export const CandidateDto = z.object({
  workerId: IdSchema,
  workerName: z.string(),
  providerId: IdSchema,
  rank: z.number().int(),
  /** 0–100, higher is better; ineligible candidates score 0. */
  score: z.number(),
  eligible: z.boolean(),
  distanceM: z.number().int(),
  etaMinutes: Minutes,
  openTasks: z.number().int(),
  visitsToElder: z.number().int(),
  rating: z.number().nullable(),
  reasons: z.array(z.object({ code: CandidateReasonSchema, value: z.number().optional() })),
});
export type CandidateDto = z.infer<typeof CandidateDto>;
export const CandidateList = z.object({ orderId: IdSchema, items: z.array(CandidateDto) });

export const OfferDto = z.object({
  id: IdSchema,
  orderId: IdSchema,
  workerId: IdSchema,
  workerName: z.string(),
  rank: z.number().int(),
  status: OfferStatusSchema,
  offeredAt: Instant,
  acceptBy: Instant,
  respondedAt: Instant.nullable(),
  /** Set for operator overrides and declines. */
  reason: z.string().nullable(),
  override: z.boolean(),
});
export type OfferDto = z.infer<typeof OfferDto>;
export const OverrideBody = z.strictObject({ workerId: IdSchema, reason: z.string().trim().min(2).max(200) });
export type OverrideBody = z.infer<typeof OverrideBody>;
export const OfferReplyBody = z.strictObject({
  accept: z.boolean(),
  reason: z.string().trim().max(200).nullish(),
});
export type OfferReplyBody = z.infer<typeof OfferReplyBody>;
