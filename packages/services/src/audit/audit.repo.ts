import { and, asc, desc, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { auditHeads, auditLog } from '../db/schema/index.ts';
import type { Db } from '../db/database.ts';

export type AuditInsert = typeof auditLog.$inferInsert;
export type AuditRow = typeof auditLog.$inferSelect;

export async function insertAuditRows(db: Db, entries: readonly AuditInsert[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insert(auditLog).values([...entries]);
}

export async function chainsWithUnsealed(db: Db): Promise<string[]> {
  const found = await db.selectDistinct({ chain: auditLog.chain }).from(auditLog).where(isNull(auditLog.hash));
  return found.map((row) => row.chain);
}

export async function lockHead(
  db: Db,
  chain: string,
  genesis: string,
  now: Date,
): Promise<{ seq: number; hash: string }> {
  await db.insert(auditHeads).values({ chain, seq: 0, hash: genesis, sealedAt: now }).onConflictDoNothing();
  const [head] = await db.select().from(auditHeads).where(eq(auditHeads.chain, chain)).for('update');
  if (!head) throw new Error(`audit head ${chain} vanished`);
  return { seq: head.seq, hash: head.hash };
}

export async function unsealedRows(db: Db, chain: string, limit: number): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.chain, chain), isNull(auditLog.hash)))
    .orderBy(asc(auditLog.id))
    .limit(limit);
}

export async function sealRows(
  db: Db,
  chain: string,
  seals: readonly { id: number; chainSeq: number; prevHash: string; hash: string }[],
  now: Date,
): Promise<void> {
  const last = seals.at(-1);
  if (!last) return;
  await db.execute(sql`
    UPDATE audit_log AS a SET chain_seq = s.seq, prev_hash = s.prev, hash = s.hash
    FROM unnest(${sql.param(seals.map((seal) => seal.id))}::bigint[], ${sql.param(seals.map((seal) => seal.chainSeq))}::bigint[],
                ${sql.param(seals.map((seal) => seal.prevHash))}::text[], ${sql.param(seals.map((seal) => seal.hash))}::text[]) AS s(id, seq, prev, hash)
    WHERE a.chain = ${chain} AND a.id = s.id`);
  await db
    .update(auditHeads)
    .set({ seq: last.chainSeq, hash: last.hash, sealedAt: now })
    .where(eq(auditHeads.chain, chain));
}

export async function sealedPage(db: Db, chain: string, afterSeq: number, limit: number): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.chain, chain), sql`${auditLog.chainSeq} > ${afterSeq}`))
    .orderBy(asc(auditLog.chainSeq))
    .limit(limit);
}

export async function allHeads(db: Db): Promise<{ chain: string; seq: number; hash: string }[]> {
  return db
    .select({ chain: auditHeads.chain, seq: auditHeads.seq, hash: auditHeads.hash })
    .from(auditHeads)
    .orderBy(asc(auditHeads.chain));
}

export async function oldestUnsealed(db: Db): Promise<{ chain: string; id: number; at: Date } | undefined> {
  const [row] = await db
    .select({ chain: auditLog.chain, id: auditLog.id, at: auditLog.at })
    .from(auditLog)
    .where(isNull(auditLog.hash))
    .orderBy(asc(auditLog.at))
    .limit(1);
  return row;
}

export type AuditFilter = {
  actorId?: string | undefined;
  action?: string | undefined;
  outcome?: string | undefined;
  resourceType?: string | undefined;
  resourceId?: string | undefined;
  elderBlindIndex?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
};

function filterConditions(filter: AuditFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [
    filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.outcome ? eq(auditLog.outcome, filter.outcome) : undefined,
    filter.resourceType ? eq(auditLog.resourceType, filter.resourceType) : undefined,
    filter.resourceId ? sql`${filter.resourceId} = ANY(${auditLog.resourceIds})` : undefined,
    filter.elderBlindIndex ? eq(auditLog.elderBlindIndex, filter.elderBlindIndex) : undefined,
    filter.from ? gte(auditLog.at, filter.from) : undefined,
    filter.to ? lte(auditLog.at, filter.to) : undefined,
  ];
  return and(...conditions.filter((condition): condition is SQL => condition !== undefined));
}

export async function searchAudit(
  db: Db,
  filter: AuditFilter,
  limit: number,
  offset: number,
): Promise<{ items: AuditRow[]; total: number }> {
  const where = filterConditions(filter);
  const items = await db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit)
    .offset(offset);
  const [count] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(where);
  return { items, total: count?.total ?? 0 };
}

export async function auditRowsByIds(db: Db, chain: string, ids: readonly number[]): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.chain, chain), inArray(auditLog.id, [...ids])));
}
