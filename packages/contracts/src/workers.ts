import { z } from 'zod';
import { SKILL_LEVELS } from '@kangyang/domain/eligibility';
import { IdSchema, IsoDateSchema, PageQuery, RegionCodeSchema, page } from './common.ts';

/** Glossary §7 `StaffRole`. */
export const STAFF_ROLES = ['caregiver', 'nurse', 'doctor', 'manager', 'socialWorker', 'elderCareOfficer'] as const;
export const StaffRoleSchema = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRoleSchema>;
export const SkillLevelSchema = z.enum(SKILL_LEVELS);

/** 'YYYY-MM': the month of attendance or of a payment. */
export const PeriodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM');

/** POST /api/workers (WRK-1). The workplace region is the employer organisation's. */
export const WorkerCreateBody = z.strictObject({
  name: z.string().trim().min(1).max(50),
  phone: z.string().max(20).nullish(),
  organisationId: IdSchema,
  staffRole: StaffRoleSchema,
  employedFrom: IsoDateSchema,
  employedTo: IsoDateSchema.nullish(),
});
export type WorkerCreateBody = z.infer<typeof WorkerCreateBody>;

/** POST /api/workers/:id/certificates (WRK-2). */
export const CertificateBody = z.strictObject({
  skillLevel: SkillLevelSchema,
  certificateNumber: z.string().trim().min(1).max(64),
  issuedOn: IsoDateSchema,
  expiresOn: IsoDateSchema.nullish(),
});
export type CertificateBody = z.infer<typeof CertificateBody>;

/** PUT /api/workers/:id/attendance/:period (WRK-4). */
export const AttendanceBody = z.strictObject({
  daysWorked: z.int().min(0).max(31),
  continuingEducation: z.boolean().default(false),
});
export type AttendanceBody = z.infer<typeof AttendanceBody>;
export const AttendanceParams = z.object({ id: IdSchema, period: PeriodSchema });

export const CertificateDto = z.object({
  id: IdSchema,
  skillLevel: SkillLevelSchema,
  certificateNumber: z.string(),
  issuedOn: z.string(),
  expiresOn: z.string().nullable(),
  /** Valid today. */
  valid: z.boolean(),
});
export type CertificateDto = z.infer<typeof CertificateDto>;

export const AttendanceDto = z.object({
  workerId: IdSchema,
  period: z.string(),
  daysWorked: z.number().int(),
  continuingEducation: z.boolean(),
  version: z.number().int(),
});
export type AttendanceDto = z.infer<typeof AttendanceDto>;

export const WorkerListItem = z.object({
  id: IdSchema,
  name: z.string(),
  phone: z.string().nullable(),
  organisationId: IdSchema,
  organisationName: z.string().nullable(),
  regionCode: z.string(),
  staffRole: StaffRoleSchema,
  /** Derived: holds a valid certificate today (glossary §7 `certified`). */
  certified: z.boolean(),
  /** The highest level among valid certificates. */
  skillLevel: SkillLevelSchema.nullable(),
  employedFrom: z.string(),
  employedTo: z.string().nullable(),
});
export type WorkerListItem = z.infer<typeof WorkerListItem>;

export const WorkerDto = WorkerListItem.extend({
  certificates: z.array(CertificateDto),
  attendance: z.array(AttendanceDto),
  version: z.number().int(),
});
export type WorkerDto = z.infer<typeof WorkerDto>;

export const WorkerListQuery = PageQuery.extend({
  regionCode: RegionCodeSchema.optional(),
  organisationId: IdSchema.optional(),
  staffRole: StaffRoleSchema.optional(),
});
export type WorkerListQuery = z.infer<typeof WorkerListQuery>;
export const WorkerPage = page(WorkerListItem);
