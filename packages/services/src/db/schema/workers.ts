import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/** WRK-1 workers (glossary §7): distributed by `county_code` of the workplace; phones encrypted like elders'. */
export const workers = pgTable(
  'workers',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    phoneCipher: text('phone_cipher'),
    phoneBlindIndex: text('phone_bidx'),
    phoneMasked: text('phone_masked'),
    organisationId: uuid('organisation_id').notNull(),
    regionCode: text('region_code').notNull(),
    staffRole: text('staff_role').notNull(),
    employedFrom: date('employed_from', { mode: 'string' }).notNull(),
    employedTo: date('employed_to', { mode: 'string' }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.countyCode, table.id] }),
    index('workers_id_idx').on(table.id),
    index('workers_region_idx').on(sql`${table.regionCode} text_pattern_ops`, table.id),
    index('workers_organisation_idx').on(table.organisationId),
    index('workers_phone_bidx_idx').on(table.phoneBlindIndex),
  ],
);

/** WRK-2 skill-level certificates; `certified` is derived from their dates. */
export const workerCertificates = pgTable(
  'worker_certificates',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    workerId: uuid('worker_id').notNull(),
    skillLevel: text('skill_level').notNull(),
    certificateNumber: text('certificate_number').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    expiresOn: date('expires_on', { mode: 'string' }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.countyCode, table.id] }),
    unique().on(table.countyCode, table.certificateNumber),
    index('worker_certificates_worker_idx').on(table.countyCode, table.workerId),
  ],
);

/** WRK-4 monthly attendance per worker: days worked and continuing education. */
export const workerAttendance = pgTable(
  'worker_attendance',
  {
    countyCode: text('county_code').notNull(),
    workerId: uuid('worker_id').notNull(),
    period: text('period').notNull(),
    daysWorked: integer('days_worked').notNull(),
    continuingEducation: boolean('continuing_education').notNull(),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull(),
  },
  (table) => [primaryKey({ columns: [table.countyCode, table.workerId, table.period] })],
);
