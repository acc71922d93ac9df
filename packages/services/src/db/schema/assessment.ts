import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** ASM-2: a contracted assessment agency (its id is also an `organisations` row). Migration 0005. */
export const assessmentAgencies = pgTable('assessment_agencies', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  regionCode: text('region_code').notNull(),
  creditCode: text('credit_code'),
  contractValidUntil: date('contract_valid_until', { mode: 'string' }),
  active: boolean('active').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  version: integer('version').notNull(),
});

/** A qualified assessor of an agency, linked to the account they sign with. */
export const assessors = pgTable('assessors', {
  id: uuid('id').primaryKey(),
  agencyId: uuid('agency_id').notNull(),
  userId: uuid('user_id').unique(),
  name: text('name').notNull(),
  qualificationNo: text('qualification_no').notNull(),
  qualifiedUntil: date('qualified_until', { mode: 'string' }),
  active: boolean('active').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  version: integer('version').notNull(),
});

/** One assessment: a task until approved, then an immutable result (assessment.md §9, §10). */
export const assessments = pgTable(
  'assessments',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    elderId: uuid('elder_id').notNull(),
    instrument: text('instrument').notNull(),
    instrumentVersion: text('instrument_version').notNull(),
    reason: text('reason').notNull(),
    trigger: text('trigger').notNull(),
    triggerRef: text('trigger_ref'),
    triggerDate: date('trigger_date', { mode: 'string' }).notNull(),
    state: text('state').notNull(),
    returnReason: text('return_reason'),
    agencyId: uuid('agency_id').notNull(),
    assessorIds: uuid('assessor_ids').array().notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    assessmentDate: date('assessment_date', { mode: 'string' }),
    answers: jsonb('answers').notNull(),
    supporting: jsonb('supporting').notNull(),
    flags: jsonb('flags').notNull(),
    contentHash: text('content_hash').notNull(),
    signatures: jsonb('signatures').notNull(),
    settings: jsonb('settings').notNull(),
    result: jsonb('result'),
    total: integer('total'),
    baseLevel: text('base_level'),
    finalLevel: text('final_level'),
    finalLevelOrdinal: integer('final_level_ordinal'),
    dementia: boolean('dementia').notNull(),
    provisional: boolean('provisional').notNull(),
    reviewerId: uuid('reviewer_id'),
    reviewerName: text('reviewer_name'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    validUntil: date('valid_until', { mode: 'string' }),
    supersedes: uuid('supersedes'),
    supersededBy: uuid('superseded_by'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.countyCode, table.id] }),
    index('assessments_id_idx').on(table.id),
    index('assessments_elder_idx').on(table.countyCode, table.elderId, table.instrument),
    uniqueIndex('assessments_one_approved_idx')
      .on(table.countyCode, table.elderId, table.instrument)
      .where(sql`state = 'approved'`),
    uniqueIndex('assessments_one_open_idx')
      .on(table.countyCode, table.elderId, table.instrument)
      .where(sql`state IN ('draft', 'submitted', 'returned')`),
    index('assessments_due_idx')
      .on(table.countyCode, table.validUntil)
      .where(sql`state = 'approved'`),
    index('assessments_agency_state_idx').on(table.agencyId, table.state),
  ],
);

/** Append-only history of every step of an assessment. */
export const assessmentTransitions = pgTable(
  'assessment_transitions',
  {
    countyCode: text('county_code').notNull(),
    assessmentId: uuid('assessment_id').notNull(),
    seq: integer('seq').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    reason: text('reason'),
    details: jsonb('details'),
  },
  (table) => [primaryKey({ columns: [table.countyCode, table.assessmentId, table.seq] })],
);
