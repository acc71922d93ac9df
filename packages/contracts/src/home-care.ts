/**
 * Home and community services (HCS-1 … HCS-8): providers, catalogue, orders, dispatch, offers,
 * verified visits and the caregiver's offline sync. Additive changes only once published.
 *
 * HTTP API (all under /api/home-care; bodies and replies are the schemas named here):
 *   GET  /providers                         order:read      ProviderListQuery → ProviderPage
 *   POST /providers                         order:dispatch  ProviderBody → ProviderDto
 *   GET  /catalogue                         order:read      → ServiceItemList
 *   GET  /quote?elderId&serviceItemId       order:read      QuoteQuery → PriceQuote
 *   PUT  /workers/:id/profile               worker:write    WorkerCareProfileBody → WorkerCareProfileDto
 *   GET  /workers/:id/profile               worker:read     → WorkerCareProfileDto
 *   POST /orders   (Idempotency-Key header) order:write     OrderCreateBody → OrderDetailDto
 *   GET  /orders                            order:read      OrderListQuery → OrderPage
 *   GET  /orders/:id                        order:read      → OrderDetailDto
 *   POST /orders/:id/cancel                 order:write     OrderCancelBody → OrderDetailDto
 *   GET  /orders/:id/candidates             order:dispatch  → CandidateList
 *   POST /orders/:id/dispatch               order:dispatch  → OrderDetailDto (offers to the best candidate)
 *   POST /orders/:id/assign                 order:dispatch  OverrideBody → OrderDetailDto (operator override)
 *   GET  /alerts                            order:read      AlertQuery → AlertList (clock and visit flags)
 *   GET  /visits?elderId|providerId         order:read      VisitListQuery → VisitPage (elder record, provider view)
 *   GET  /visits/:id                        order:read      → VisitDto
 *   GET  /response-share?from&to&regionCode order:read    ResponseShareQuery → ResponseShareList (HCS-5)
 *   Caregiver phone view (permission visit:own; only the signed-in caregiver's own tasks):
 *   GET  /my/tasks?date                     visit:own       TaskQuery → TaskList
 *   POST /my/offers/:id/reply               visit:own       OfferReplyBody → TaskList
 *   POST /my/sync                           visit:own       SyncBatch → SyncReply
 *   PUT  /my/visits/:visitId/photos/:photoId visit:own      raw image/jpeg|png|webp (≤ 2 MB) → PhotoUploadDto
 *     (idempotent by the client photo id; the returned photoRef goes into the `photo` sync action)
 *   GET  /visits/:visitId/photos/:photoId   order:read      → the image bytes (officials, provider staff)
 *     (online actions go through /my/sync too: a batch of one; check-in, tasks, notes, photos,
 *      confirmation and check-out are all SyncAction kinds, deduplicated by clientId.)
 * Call-centre elder lookup by phone or ID uses the existing POST /api/elders/search.
 */
import { z } from 'zod';
import { IdSchema, IsoDateSchema, PageQuery, page } from './common.ts';
import {
  CandidateDto,
  FixSchema,
  InstantSchema,
  OfferDto,
  OrderDto,
  ServiceCategorySchema,
  TaskOutcomeSchema,
  TaskTemplate,
  VerifyMethodSchema,
  VisitFlagSchema,
  VisitStatusSchema,
} from './home-care-core.ts';

export * from './home-care-core.ts';

// ─── Verified visits (HCS-6, HCS-7, HCS-8) ──────────────────────────────────────────────────────

export const VisitTaskDto = TaskTemplate.extend({
  outcome: TaskOutcomeSchema.nullable(),
  note: z.string().nullable(),
  at: InstantSchema.nullable(),
});
export type VisitTaskDto = z.infer<typeof VisitTaskDto>;
export const VisitNoteDto = z.object({ id: IdSchema, text: z.string(), at: InstantSchema });
export const VisitPhotoDto = z.object({
  id: IdSchema,
  photoRef: z.string(),
  caption: z.string().nullable(),
  at: InstantSchema,
  lng: z.number().nullable(),
  lat: z.number().nullable(),
});
export const VisitConfirmationDto = z.object({
  method: z.enum(['signature', 'code']),
  by: z.enum(['elder', 'family']),
  at: InstantSchema,
  /** A stored signature image reference; the one-time code itself is never returned. */
  signatureRef: z.string().nullable(),
});
/** The six EVV elements: service, recipient, worker, date, location, start and end. */
export const EvvDto = z.object({
  serviceItemId: IdSchema,
  elderId: IdSchema,
  workerId: IdSchema,
  date: IsoDateSchema,
  checkInLocation: FixSchema.nullable(),
  checkOutLocation: FixSchema.nullable(),
  /** Distance from the elder's home at check-in and check-out, metres. */
  checkInDistanceM: z.number().int().nullable(),
  checkOutDistanceM: z.number().int().nullable(),
  toleranceM: z.number().int(),
  start: InstantSchema,
  end: InstantSchema.nullable(),
  checkInMethod: VerifyMethodSchema,
  checkOutMethod: VerifyMethodSchema.nullable(),
  /** All six present and both locations inside the tolerance (or a valid QR/elder code). */
  verified: z.boolean(),
});
export type EvvDto = z.infer<typeof EvvDto>;
export const VisitDto = z.object({
  id: IdSchema,
  orderId: IdSchema,
  elderId: IdSchema,
  elderName: z.string(),
  providerId: IdSchema,
  providerName: z.string(),
  workerId: IdSchema,
  workerName: z.string(),
  serviceName: z.string(),
  category: ServiceCategorySchema,
  status: VisitStatusSchema,
  evv: EvvDto,
  durationMinutes: z.number().int().nullable(),
  tasks: z.array(VisitTaskDto),
  notes: z.array(VisitNoteDto),
  photos: z.array(VisitPhotoDto),
  confirmation: VisitConfirmationDto.nullable(),
  flags: z.array(VisitFlagSchema),
  /** Subsidy posted to the ledger on completion (null until then). */
  subsidyFen: z.number().int().nullable(),
  ledgerEntryId: IdSchema.nullable(),
  version: z.number().int(),
});
export type VisitDto = z.infer<typeof VisitDto>;
export const VisitListQuery = PageQuery.extend({
  elderId: IdSchema.optional(),
  providerId: IdSchema.optional(),
  workerId: IdSchema.optional(),
  flag: VisitFlagSchema.optional(),
  date: IsoDateSchema.optional(),
});
export type VisitListQuery = z.infer<typeof VisitListQuery>;
export const VisitPage = page(VisitDto);

export const OrderDetailDto = OrderDto.extend({
  offers: z.array(OfferDto),
  visit: VisitDto.nullable(),
  /** Present after a dispatch: the ranked list it used. */
  candidates: z.array(CandidateDto).optional(),
});
export type OrderDetailDto = z.infer<typeof OrderDetailDto>;

// ─── Alerts (HCS-5, HCS-6) ──────────────────────────────────────────────────────────────────────

export const ALERT_KINDS = ['atRisk', 'breached', 'late', 'missed', 'outOfArea', 'offerExpired'] as const;
export const AlertKindSchema = z.enum(ALERT_KINDS);
export const AlertDto = z.object({
  id: IdSchema,
  kind: AlertKindSchema,
  orderId: IdSchema,
  visitId: IdSchema.nullable(),
  elderName: z.string(),
  serviceName: z.string(),
  providerName: z.string().nullable(),
  workerName: z.string().nullable(),
  raisedAt: InstantSchema,
  dueAt: InstantSchema.nullable(),
});
export type AlertDto = z.infer<typeof AlertDto>;
export const AlertQuery = PageQuery.extend({ kind: AlertKindSchema.optional(), since: InstantSchema.optional() });
export const AlertList = page(AlertDto);

// ─── The caregiver's phone: today's tasks and the offline sync batch ────────────────────────────

export const TaskQuery = z.object({ date: IsoDateSchema.optional() });
export const CaregiverTaskDto = z.object({
  orderId: IdSchema,
  /** A pending offer to accept or decline (null once assigned). */
  offer: OfferDto.nullable(),
  visitId: IdSchema.nullable(),
  status: z.enum(['offered', 'assigned', 'inProgress', 'completed']),
  elderName: z.string(),
  /** Masked phone and the home address, for the visit only. */
  elderPhone: z.string().nullable(),
  address: z.string().nullable(),
  home: z.object({ lng: z.number(), lat: z.number() }).nullable(),
  toleranceM: z.number().int(),
  serviceName: z.string(),
  serviceNameEn: z.string(),
  durationMinutes: z.number().int(),
  urgency: z.enum(['routine', 'urgent']),
  scheduledFor: InstantSchema.nullable(),
  dueAt: InstantSchema,
  tasks: z.array(VisitTaskDto),
  checkedInAt: InstantSchema.nullable(),
  checkedOutAt: InstantSchema.nullable(),
  confirmed: z.boolean(),
  flags: z.array(VisitFlagSchema),
});
export type CaregiverTaskDto = z.infer<typeof CaregiverTaskDto>;
export const TaskList = z.object({ date: IsoDateSchema, workerId: IdSchema, items: z.array(CaregiverTaskDto) });
export type TaskList = z.infer<typeof TaskList>;

const Code = z.string().trim().min(4).max(12);
const ManualReason = z.string().trim().min(2).max(200).nullish();
/** One offline action. `at` is the device's clock when the caregiver acted. */
export const SyncAction = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('checkIn'),
    orderId: IdSchema,
    /** Client-generated (UUIDv7): the visit's id; a replay with the same id is a no-op. */
    visitId: IdSchema,
    at: InstantSchema,
    location: FixSchema.nullish(),
    method: VerifyMethodSchema,
    /** The QR or elder code for method qr / elderCode. */
    code: Code.nullish(),
    manualReason: ManualReason,
  }),
  z.strictObject({
    kind: z.literal('task'),
    visitId: IdSchema,
    taskCode: z.string().max(40),
    outcome: TaskOutcomeSchema,
    note: z.string().trim().max(200).nullish(),
    at: InstantSchema,
  }),
  z.strictObject({
    kind: z.literal('note'),
    visitId: IdSchema,
    text: z.string().trim().min(1).max(1000),
    at: InstantSchema,
  }),
  z.strictObject({
    kind: z.literal('photo'),
    visitId: IdSchema,
    photoRef: z.string().min(1).max(500),
    caption: z.string().trim().max(200).nullish(),
    at: InstantSchema,
    location: FixSchema.nullish(),
  }),
  z.strictObject({
    kind: z.literal('confirm'),
    visitId: IdSchema,
    method: z.enum(['signature', 'code']),
    by: z.enum(['elder', 'family']),
    signatureRef: z.string().max(200_000).nullish(),
    code: Code.nullish(),
    at: InstantSchema,
  }),
  z.strictObject({
    kind: z.literal('checkOut'),
    visitId: IdSchema,
    at: InstantSchema,
    location: FixSchema.nullish(),
    method: VerifyMethodSchema,
    code: Code.nullish(),
    manualReason: ManualReason,
  }),
  z.strictObject({
    kind: z.literal('offerReply'),
    offerId: IdSchema,
    accept: z.boolean(),
    reason: z.string().trim().max(200).nullish(),
    at: InstantSchema,
  }),
]);
export type SyncAction = z.infer<typeof SyncAction>;
export const SyncItem = z.object({
  /** Client-generated id of this action (UUIDv7); the server's receipt key. */
  clientId: IdSchema,
  sequence: z.number().int().min(0),
  queuedAt: InstantSchema,
  attempts: z.number().int().min(0).optional(),
  action: SyncAction,
});
export type SyncItem = z.infer<typeof SyncItem>;
export const SyncBatch = z.strictObject({
  deviceId: z.string().min(1).max(100),
  items: z.array(SyncItem).min(1).max(200),
});
export type SyncBatch = z.infer<typeof SyncBatch>;

/**
 * applied = stored now; duplicate = stored before (a replay, nothing changed); rejected = refused for
 * good (do not resend), with an error code. `resolution` tells how a conflicting edit was merged:
 * `stale` = a newer value was already stored and kept (last device time wins, see the domain rules).
 */
export const SyncOutcome = z.object({
  clientId: IdSchema,
  status: z.enum(['applied', 'duplicate', 'rejected']),
  resolution: z.enum(['stored', 'stale']).optional(),
  visitId: IdSchema.nullable(),
  code: z.string().optional(),
  message: z.string().optional(),
});
export type SyncOutcome = z.infer<typeof SyncOutcome>;
export const SyncReply = z.object({
  serverTime: InstantSchema,
  items: z.array(SyncOutcome),
  /** Today's tasks after the batch, so the phone refreshes in one round trip. */
  tasks: TaskList,
});
export type SyncReply = z.infer<typeof SyncReply>;

// ─── HCS-5: share of orders reached in time, per provider (GET /response-share, order:read) ─────

export const ResponseShareQuery = z.object({
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  regionCode: z
    .string()
    .regex(/^\d{2,12}$/)
    .optional(),
});
export type ResponseShareQuery = z.infer<typeof ResponseShareQuery>;
export const ResponseShareRow = z.object({
  providerId: IdSchema.nullable(),
  providerName: z.string().nullable(),
  /** Orders due in the period, cancelled ones left out. */
  orders: z.number().int(),
  arrived: z.number().int(),
  inTime: z.number().int(),
  /** inTime ÷ orders (0 when no orders). */
  share: z.number(),
});
export type ResponseShareRow = z.infer<typeof ResponseShareRow>;
export const ResponseShareList = z.object({ items: z.array(ResponseShareRow), total: ResponseShareRow });
export type ResponseShareList = z.infer<typeof ResponseShareList>;

// ─── Visit photos (HCS-6): uploaded once under a client id, then carried by the `photo` sync action ─

export const PHOTO_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const VisitPhotoParams = z.object({ visitId: IdSchema, photoId: IdSchema });
export type VisitPhotoParams = z.infer<typeof VisitPhotoParams>;
export const PhotoUploadDto = z.object({
  photoId: IdSchema,
  visitId: IdSchema,
  /** What the `photo` sync action carries (≤ 500 chars): the path officials read the photo from. */
  photoRef: z.string().max(500),
  contentType: z.enum(PHOTO_CONTENT_TYPES),
  sizeBytes: z.number().int(),
  /** True when this photo id was already stored (a retry): nothing new was written. */
  duplicate: z.boolean(),
});
export type PhotoUploadDto = z.infer<typeof PhotoUploadDto>;
