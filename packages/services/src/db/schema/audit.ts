import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit log (security.md §7). Rows are inserted unsealed in the business transaction;
 * the sealer assigns `chain_seq`, `prev_hash` and `hash` in commit order. Triggers allow only that
 * one sealing update and refuse DELETE and TRUNCATE. One hash chain per county (`chain`).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    chain: text('chain').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    chainSeq: bigint('chain_seq', { mode: 'number' }),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    role: text('role'),
    organisationId: uuid('organisation_id'),
    scope: text('scope'),
    action: text('action').notNull(),
    resourceType: text('resource_type').notNull(),
    resourceIds: text('resource_ids').array().notNull(),
    outcome: text('outcome').notNull(),
    reason: text('reason'),
    details: jsonb('details'),
    requestId: text('request_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    elderBlindIndex: text('elder_bidx'),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (table) => [
    primaryKey({ columns: [table.chain, table.id] }),
    index('audit_log_unsealed_idx')
      .on(table.id)
      .where(sql`hash IS NULL`),
    index('audit_log_at_idx').on(table.at),
    index('audit_log_actor_idx').on(table.actorId, table.at),
  ],
);

export const auditHeads = pgTable('audit_heads', {
  chain: text('chain').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
  sealedAt: timestamp('sealed_at', { withTimezone: true }).notNull(),
});
