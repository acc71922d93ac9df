import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/** Key-value settings of this installation (e.g. when demo data was loaded). */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Import jobs: one per uploaded file; rows are processed in batches and can resume. */
export const importJobs = pgTable('import_jobs', {
  id: uuid('id').primaryKey(),
  kind: text('kind').notNull(),
  fileName: text('file_name').notNull(),
  fileHash: text('file_hash').notNull(),
  mode: text('mode').notNull(),
  status: text('status').notNull(),
  totalRows: integer('total_rows').notNull(),
  processedRows: integer('processed_rows').notNull(),
  insertedRows: integer('inserted_rows').notNull(),
  existingRows: integer('existing_rows').notNull(),
  invalidRows: integer('invalid_rows').notNull(),
  regionScope: text('region_scope').notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  /** 0003: rows already processed when an interrupted run was picked up again (FT-1). */
  resumedFromRow: integer('resumed_from_row'),
  resumeCount: integer('resume_count').notNull().default(0),
  failure: text('failure'),
  /** 0003: the first rows, masked (ENC-3), shown before confirmation. */
  preview: jsonb('preview').notNull().default([]),
  /** 0004: validated and imported in one pass (valid rows only, no preview). */
  direct: boolean('direct').notNull().default(false),
});

export const importErrors = pgTable(
  'import_errors',
  {
    jobId: uuid('job_id').notNull(),
    rowNumber: integer('row_number').notNull(),
    field: text('field').notNull(),
    code: text('code').notNull(),
    message: text('message').notNull(),
  },
  (table) => [primaryKey({ columns: [table.jobId, table.rowNumber, table.field] })],
);

/** Table-based job queue (architecture.md §1 Jobs), claimed with FOR UPDATE SKIP LOCKED. */
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    dedupeKey: text('dedupe_key').unique(),
    payload: jsonb('payload').notNull(),
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (table) => [index('jobs_due_idx').on(table.runAt)],
);

/** Idempotency records (API-4), per (actor, key). */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    actorId: uuid('actor_id').notNull(),
    key: text('key').notNull(),
    route: text('route').notNull(),
    bodyHash: text('body_hash').notNull(),
    state: text('state').notNull(),
    status: integer('status'),
    response: jsonb('response'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.actorId, table.key] })],
);
