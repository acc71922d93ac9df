import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestContext } from '@kangyang/test-kit/test-services';
import { actorWith } from '@kangyang/test-kit/actors';
import { buildElder } from '@kangyang/test-kit/builders';
import { rows } from '../db/database.ts';
import { auditLog } from '../db/schema/index.ts';
import { createAccount } from '../auth/accounts.ts';
import { generateDataset } from '../generator/generate-dataset.ts';

let context: TestContext;
const COUNTY = '330102';
const meta = { requestId: 'chain-test', ip: '10.1.2.3', userAgent: 'vitest' };

/** Real activity on several chains: the toy data set, creates, reads, lists, denials and logins. */
async function generateActivity(): Promise<void> {
  const { services } = context;
  await generateDataset(services, { scale: 'toy', seed: 1, elders: 120 });
  const officer = actorWith('streetOfficer', '330102002');
  const other = actorWith('streetOfficer', '330102001');
  const district = actorWith('civilAffairsAdmin', '330102');
  for (let index = 0; index < 12; index += 1) {
    const elder = await services.elders.create(officer, buildElder());
    await services.elders.get(officer, elder.id);
    await expect(services.elders.get(other, elder.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    if (index % 4 === 0) await services.elders.reveal(district, elder.id, '核对身份');
  }
  await services.elders.list(district, { limit: 50, offset: 0 });
  await createAccount(
    context.database.db,
    { username: 'chain-user', displayName: 'x', password: 'Chain-Test-Password-1', grants: [] },
    context.clock.now(),
  );
  await services.auth.login({ username: 'chain-user', password: 'Chain-Test-Password-1' }, meta);
  await expect(services.auth.login({ username: 'chain-user', password: 'wrong' }, meta)).rejects.toMatchObject({
    code: 'INVALID_CREDENTIALS',
  });
}

/** Runs statements as the database owner with user triggers off (what a rogue DBA could do). */
async function asOwnerBypassingTriggers(statements: ReturnType<typeof sql>[]): Promise<void> {
  await context.database.db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    for (const statement of statements) await tx.execute(statement);
  });
}

type Row = typeof auditLog.$inferSelect;
async function rowAt(seq: number): Promise<Row> {
  const [row] = await context.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.chain, COUNTY), eq(auditLog.chainSeq, seq)));
  if (!row) throw new Error(`no audit row ${COUNTY}/${seq}`);
  return row;
}

/** The database's own message of a failed statement (drizzle wraps it as the cause). */
async function failureOf(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
    return 'no error';
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
    return `${error instanceof Error ? error.message : String(error)} ${cause}`;
  }
}

async function expectIntact(): Promise<void> {
  const result = await context.services.audit.verify();
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
}

beforeAll(async () => {
  context = await openTestServices();
  await generateActivity();
  await context.services.audit.seal();
}, 120_000);
afterAll(async () => context.close());

describe('FT-11 audit hash chain (AUD-3, AUD-6)', () => {
  it('seals every row and verifies the real data: row count and one head per chain', async () => {
    const result = await context.services.audit.verify();
    const [counts] = await rows<{ total: number; unsealed: number }>(
      context.database.db,
      sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE hash IS NULL)::int AS unsealed FROM audit_log`,
    );
    expect(counts?.unsealed).toBe(0);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows).toBe(counts?.total);
    expect(result.rows).toBeGreaterThan(40);
    expect(result.heads.map((head) => head.chain)).toEqual(expect.arrayContaining(['000000', COUNTY]));
  });

  it('names the first altered row, and passes again once it is put back', async () => {
    const original = await rowAt(5);
    await asOwnerBypassingTriggers([
      sql`UPDATE audit_log SET outcome = 'success', actor_name = 'mallory' WHERE chain = ${COUNTY} AND chain_seq = 5`,
    ]);
    expect(await context.services.audit.verify()).toMatchObject({
      ok: false,
      chain: COUNTY,
      firstBadSeq: 5,
      problem: 'altered row',
    });
    await asOwnerBypassingTriggers([
      sql`UPDATE audit_log SET outcome = ${original.outcome}, actor_name = ${original.actorName}
          WHERE chain = ${COUNTY} AND chain_seq = 5`,
    ]);
    await expectIntact();
  });

  it('names the sequence of a deleted row', async () => {
    const original = await rowAt(7);
    await asOwnerBypassingTriggers([sql`DELETE FROM audit_log WHERE chain = ${COUNTY} AND chain_seq = 7`]);
    expect(await context.services.audit.verify()).toMatchObject({ ok: false, chain: COUNTY, firstBadSeq: 7 });
    await context.database.db.insert(auditLog).values(original);
    await expectIntact();
  });

  it('names the first of two swapped rows', async () => {
    const [first, second] = [await rowAt(9), await rowAt(11)];
    const swap = (from: Row, to: Row) => [
      sql`UPDATE audit_log SET chain_seq = -1 WHERE chain = ${COUNTY} AND id = ${from.id}`,
      sql`UPDATE audit_log SET chain_seq = ${from.chainSeq} WHERE chain = ${COUNTY} AND id = ${to.id}`,
      sql`UPDATE audit_log SET chain_seq = ${to.chainSeq} WHERE chain = ${COUNTY} AND id = ${from.id}`,
    ];
    await asOwnerBypassingTriggers(swap(first, second));
    expect(await context.services.audit.verify()).toMatchObject({ ok: false, chain: COUNTY, firstBadSeq: 9 });
    await asOwnerBypassingTriggers(swap(await rowAt(9), await rowAt(11)));
    await expectIntact();
  });

  it('catches a truncated tail against the chain head', async () => {
    const head = (await context.services.audit.verify()) as { ok: true; heads: { chain: string; seq: number }[] };
    const last = head.heads.find((item) => item.chain === COUNTY)?.seq ?? 0;
    const original = await rowAt(last);
    await asOwnerBypassingTriggers([sql`DELETE FROM audit_log WHERE chain = ${COUNTY} AND chain_seq = ${last}`]);
    expect(await context.services.audit.verify()).toMatchObject({ ok: false, chain: COUNTY, firstBadSeq: last });
    await context.database.db.insert(auditLog).values(original);
    await expectIntact();
  });

  it('flags a row left unsealed for over 60 s (AUD-4), and passes once sealed', async () => {
    await context.services.audit.record(actorWith('auditor', COUNTY), {
      action: 'audit.search',
      resourceType: 'audit',
    });
    await expectIntact();
    context.clock.advance(61_000);
    expect(await context.services.audit.verify()).toMatchObject({ ok: false, firstBadSeq: -1 });
    expect(await context.services.audit.seal()).toBe(1);
    await expectIntact();
  });
});

describe('AUD-5 the audit log refuses change', () => {
  const refusals: [string, ReturnType<typeof sql>][] = [
    ['UPDATE', sql`UPDATE audit_log SET outcome = 'success' WHERE chain = ${COUNTY} AND chain_seq = 3`],
    ['UPDATE of a seal', sql`UPDATE audit_log SET hash = 'x' WHERE chain = ${COUNTY} AND chain_seq = 3`],
    ['DELETE', sql`DELETE FROM audit_log WHERE chain = ${COUNTY} AND chain_seq = 3`],
    ['DELETE of everything', sql`DELETE FROM audit_log`],
    ['TRUNCATE', sql`TRUNCATE audit_log`],
  ];
  it.each(refusals)('refuses %s through the triggers', async (_name, statement) => {
    expect(await failureOf(context.database.db.execute(statement))).toMatch(/audit_log is append-only/);
    await expectIntact();
  });

  it('still accepts the one sealing update of a fresh row', async () => {
    await context.services.audit.record(actorWith('auditor', COUNTY), {
      action: 'audit.search',
      resourceType: 'audit',
    });
    expect(await context.services.audit.seal()).toBe(1);
    await expectIntact();
  });
});
