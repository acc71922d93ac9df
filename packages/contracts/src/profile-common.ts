import { z } from 'zod';
import { fen, isoDate } from '@kangyang/domain/units';
import type { BasisPoints } from '@kangyang/domain/units';
import { IsoDateSchema } from './common.ts';

/** Building blocks shared by the plan-profile schemas (profile.ts, profile-indicators.ts, profile-rules.ts). */

export const PROFILE_IDS = ['000', '001', '002', '003', '004'] as const;
export const ProfileIdSchema = z.enum(PROFILE_IDS);
export type ProfileId = z.infer<typeof ProfileIdSchema>;

/** `002-9`: an indicator of seed-plans.md. */
export const IndicatorIdSchema = z.string().regex(/^00[0-4]-\d+$/, 'an indicator clause id such as 002-9');
/** `001-r1`: an unnumbered rule of seed-plans.md, numbered in list order. */
export const RuleClauseIdSchema = z.string().regex(/^00[0-4]-r\d+$/, 'a rule clause id such as 001-r1');
/** Either kind; used by parameters that belong to an indicator (e.g. the 001-16 service circle). */
export const ClauseIdSchema = z.string().regex(/^00[0-4]-r?\d+$/, 'a clause id such as 002-9 or 001-r1');

export const LocalizedTextSchema = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

/** Money in integer fen (1 yuan = 100 fen). */
export const FenSchema = z
  .int()
  .min(0)
  .transform((value) => fen(value));

/** A share in basis points: 5000 = 50 %. */
export const BasisPointsSchema = z
  .int()
  .min(0)
  .max(10_000)
  .transform((value) => value as BasisPoints);

export const ProfileDateSchema = IsoDateSchema.transform((value) => isoDate(value));

/** Glossary §13 `Dept`: lead and cooperating units (牵头单位、配合单位). */
export const DEPTS = [
  'civilAffairs',
  'health',
  'medicalInsurance',
  'finance',
  'humanResources',
  'disabledFederation',
  'naturalResources',
  'housing',
] as const;
export const DeptSchema = z.enum(DEPTS);
export type Dept = z.infer<typeof DeptSchema>;

/**
 * Who is responsible for a clause: the lead and cooperating departments of the plan text, and
 * cooperating units outside the `Dept` union as the text names them (e.g. 各乡镇(街道), 市教育局).
 */
export const ResponsibilityFields = {
  leadDept: DeptSchema,
  coopDepts: z.array(DeptSchema),
  otherUnits: z.array(z.string().min(1)).optional(),
  /** Where the departments come from when the plan text does not state them, and other remarks. */
  note: z.string().min(1).optional(),
};
