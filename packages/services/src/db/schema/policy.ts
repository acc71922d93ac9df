import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Plan profiles, region bindings, eligibility decisions, applications and entitlements (migration
 * 0010; POL-1, POL-2, POL-4 to POL-6). Person-level tables lead their keys with `county_code`.
 */

/** One stored version of a plan profile; never updated (a change is a new version). */
export const policyProfileVersions = pgTable(
  'policy_profile_versions',
  {
    profileId: text('profile_id').notNull(),
    version: integer('version').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    content: jsonb('content').notNull(),
    checksum: text('checksum').notNull(),
    source: text('source'),
    loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull(),
    loadedBy: uuid('loaded_by'),
  },
  (table) => [
    primaryKey({ columns: [table.profileId, table.version] }),
    unique('policy_profile_versions_profile_id_checksum_key').on(table.profileId, table.checksum),
    index('policy_profile_versions_effective_idx').on(table.profileId, table.effectiveFrom, table.version),
  ],
);

/** Region → profile from a date; resolved by the longest matching prefix (POL-2). */
export const regionProfileBindings = pgTable(
  'region_profile_bindings',
  {
    regionCode: text('region_code').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    profileId: text('profile_id').notNull(),
    boundAt: timestamp('bound_at', { withTimezone: true }).notNull(),
    boundBy: uuid('bound_by'),
  },
  (table) => [primaryKey({ columns: [table.regionCode, table.validFrom] })],
);

export const eligibilityDecisions = pgTable(
  'eligibility_decisions',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    elderId: uuid('elder_id').notNull(),
    programme: text('programme').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    purpose: text('purpose').notNull(),
    profileId: text('profile_id').notNull(),
    profileVersion: integer('profile_version').notNull(),
    bindingRegionCode: text('binding_region_code').notNull(),
    eligible: boolean('eligible').notNull(),
    reasons: jsonb('reasons').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    cadence: text('cadence'),
    split: jsonb('split').notNull(),
    decidedBy: uuid('decided_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.countyCode, table.id] }),
    index('eligibility_decisions_elder_idx').on(table.elderId, table.decidedAt),
  ],
);

export const applications = pgTable(
  'applications',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    elderId: uuid('elder_id').notNull(),
    regionCode: text('region_code').notNull(),
    programme: text('programme').notNull(),
    state: text('state').notNull(),
    applicantKind: text('applicant_kind').notNull(),
    applicantName: text('applicant_name'),
    note: text('note'),
    profileId: text('profile_id').notNull(),
    profileVersion: integer('profile_version').notNull(),
    bindingRegionCode: text('binding_region_code').notNull(),
    submissionDecisionId: uuid('submission_decision_id').notNull(),
    entitlementId: uuid('entitlement_id'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.countyCode, table.id] }),
    uniqueIndex('applications_one_open_idx')
      .on(table.countyCode, table.elderId, table.programme)
      .where(sql`state IN ('submitted', 'streetPassed')`),
    index('applications_inbox_idx').on(sql`${table.regionCode} text_pattern_ops`, table.state, table.createdAt),
    index('applications_elder_idx').on(table.elderId),
  ],
);

export const applicationTransitions = pgTable(
  'application_transitions',
  {
    countyCode: text('county_code').notNull(),
    applicationId: uuid('application_id').notNull(),
    seq: integer('seq').notNull(),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    actorId: uuid('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    actorRoles: text('actor_roles').notNull(),
    reason: text('reason'),
    decisionId: uuid('decision_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.countyCode, table.applicationId, table.seq] })],
);

/** An approved benefit; `endDate` is the last day in force (inclusive), null while open. */
export const entitlements = pgTable(
  'entitlements',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    elderId: uuid('elder_id').notNull(),
    regionCode: text('region_code').notNull(),
    programme: text('programme').notNull(),
    payeeKind: text('payee_kind').notNull(),
    payeeId: uuid('payee_id').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    cadence: text('cadence'),
    clause: text('clause').notNull(),
    fundingShares: jsonb('funding_shares').notNull(),
    profileId: text('profile_id').notNull(),
    profileVersion: integer('profile_version').notNull(),
    bindingRegionCode: text('binding_region_code').notNull(),
    sourceApplicationId: uuid('source_application_id').notNull(),
    sourceDecisionId: uuid('source_decision_id').notNull(),
    state: text('state').notNull(),
    endReason: text('end_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.countyCode, table.id] }),
    unique('entitlements_county_code_source_application_id_key').on(table.countyCode, table.sourceApplicationId),
    index('entitlements_elder_idx').on(table.elderId),
    index('entitlements_run_idx').on(table.countyCode, table.programme, table.startDate),
  ],
);

export const entitlementReviews = pgTable(
  'entitlement_reviews',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    entitlementId: uuid('entitlement_id').notNull(),
    elderId: uuid('elder_id').notNull(),
    trigger: text('trigger').notNull(),
    action: text('action').notNull(),
    decisionId: uuid('decision_id'),
    endDate: date('end_date', { mode: 'string' }),
    details: jsonb('details').notNull(),
    state: text('state').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    resolvedBy: uuid('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolution: text('resolution'),
  },
  (table) => [
    primaryKey({ columns: [table.countyCode, table.id] }),
    index('entitlement_reviews_open_idx').on(table.countyCode, table.state, table.createdAt),
    index('entitlement_reviews_elder_idx').on(table.elderId),
  ],
);
