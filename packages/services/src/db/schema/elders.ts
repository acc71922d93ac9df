import { sql } from 'drizzle-orm';
import {
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The elder registry. Distributed by `county_code` (scale.md §5): it leads the primary key.
 * Security labels (DC-1) per column live in `elder-columns.ts` beside the repository.
 */
export const elders = pgTable(
  'elders',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    idNumberCipher: text('id_number_cipher').notNull(),
    idNumberBlindIndex: text('id_number_bidx').notNull(),
    idNumberMasked: text('id_number_masked').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    sex: text('sex').notNull(),
    phoneCipher: text('phone_cipher'),
    phoneBlindIndex: text('phone_bidx'),
    phoneMasked: text('phone_masked'),
    hukouRegionCode: text('hukou_region_code'),
    residenceRegionCode: text('residence_region_code').notNull(),
    address: text('address'),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    livingSituation: text('living_situation').notNull(),
    categories: text('categories').array().notNull(),
    categoryRecords: jsonb('category_records').notNull(),
    contacts: jsonb('contacts').notNull(),
    status: text('status').notNull(),
    statusDate: date('status_date', { mode: 'string' }),
    importJobId: uuid('import_job_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.countyCode, table.id] }),
    index('elders_id_idx').on(table.id),
    index('elders_residence_idx').on(sql`${table.residenceRegionCode} text_pattern_ops`, table.id),
    index('elders_phone_bidx_idx').on(table.phoneBlindIndex),
    index('elders_birth_idx').on(table.countyCode, table.birthDate),
  ],
);

/** Global uniqueness of ID numbers (ENC-2) across counties: a small reference-style table. */
export const elderIdentities = pgTable('elder_identities', {
  idNumberBlindIndex: text('id_number_bidx').primaryKey(),
  countyCode: text('county_code').notNull(),
  elderId: uuid('elder_id').notNull(),
});
