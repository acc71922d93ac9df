import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '@kangyang/services/auth/accounts';
import { queryOne, queryRows } from '@kangyang/test-kit/sql';
import { TEST_PASSWORD } from '@kangyang/test-kit/accounts';
import { openTestApp, type TestApp } from '../test-app.ts';
import {
  answersInOrder,
  apiOf,
  ASSESSMENT_ACCOUNTS,
  createElder,
  createWorld,
  ifMatch,
  type Api,
  type World,
} from './assessment-test-support.ts';

/**
 * The assessment workflow through the API (assessment.md §9; ASM-2..6, ASM-10): create → answers →
 * sign ×2 → submit → return with reason → reopen → fix → sign → submit → approve; the elder's
 * current level and validUntil; a correction supersedes and history keeps both; the reviewer is
 * never an assessor; every transition is in the audit log; scope and If-Match.
 */

type Dto = {
  id: string;
  state: string;
  version: number;
  signatures: { assessorId: string }[];
  result: { finalLevel: string; total: number } | null;
  validUntil: string | null;
  assessmentDate: string | null;
  supersedes: string | null;
  supersededBy: string | null;
  history: { action: string; fromState: string | null; toState: string; reason: string | null }[];
  actions: string[];
};

let t: TestApp;
let api: Api;
let world: World;
let elderId: string;

const G1 = [4, 3, 2, 3, 2, 3, 4, 3, 4, 3, 3, 1, 3, 3, 4, 3, 4, 4, 1, 1, 2, 1, 1, 2, 1, 3];
const G3 = [3, 2, 1, 2, 1, 2, 3, 2, 3, 2, 2, 0, 4, 4, 4, 3, 4, 3, 1, 0, 2, 2, 1, 2, 0, 2];
const gbt = (points: number[]) => answersInOrder('gbt42195-2022', points);
const FALLS = { riskEvents: { fall: 2 }, diseases: ['hypertension'], medicines: [], healthProblems: { coma: false } };

const dto = (reply: { statusCode: number; body: string; json: () => unknown }, status = 200): Dto => {
  if (reply.statusCode !== status) throw new Error(`expected ${status}, got ${reply.statusCode}: ${reply.body}`);
  return reply.json() as Dto;
};

async function open(body: Record<string, unknown> = {}): Promise<Dto> {
  const payload = {
    elderId,
    reason: 'first',
    trigger: 'application',
    agencyId: world.agencyId,
    assessorIds: [world.assessorIds['assessor'], world.assessorIds['assessor2']],
    ...body,
  };
  return dto(await api('district', 'POST', '/api/assessments', payload), 201);
}

const save = async (task: Dto, answers: Record<string, number>, supporting: unknown = FALLS, user = 'assessor') =>
  dto(await api(user, 'PUT', `/api/assessments/${task.id}/answers`, { answers, supporting }, ifMatch(task.version)));
const act = async (task: Dto, user: string, action: string, body: unknown = {}) =>
  dto(await api(user, 'POST', `/api/assessments/${task.id}/${action}`, body, ifMatch(task.version)));

/** Two signatures, then the agency (an assessor of the agency) submits. */
async function signAndSubmit(task: Dto, signers = ['assessor', 'assessor2']): Promise<Dto> {
  let current = task;
  for (const signer of signers) current = await act(current, signer, 'sign');
  return act(current, signers[1] ?? 'assessor2', 'submit');
}

beforeAll(async () => {
  t = await openTestApp({ accounts: ASSESSMENT_ACCOUNTS });
  api = apiOf(t);
  world = await createWorld(api);
  elderId = await createElder(api, { birthDate: '1940-01-31' });
});
afterAll(async () => t.close());

describe('assessment workflow through the API (assessment.md §9, ASM-3..5)', () => {
  let first: Dto;
  let approved: Dto;

  it('opens a task on application, assigned to the agency and two assessors, due immediateTaskDueDays later', async () => {
    first = await open();
    expect(first).toMatchObject({ state: 'draft', version: 1, actions: ['assign'] });
    const detail = dto(await api('assessor', 'GET', `/api/assessments/${first.id}`));
    // The assessor is assigned and, as staff of the agency, may also reassign and submit.
    expect(detail.actions).toEqual(['assign', 'saveAnswers', 'sign', 'submit']);
    expect(detail).toMatchObject({ dueDate: '2026-11-17', triggerDate: '2026-11-02', reason: 'first' });
  });

  it('refuses a second open task for the same elder and instrument (409 ASSESSMENT_OPEN_EXISTS)', async () => {
    const again = await api('district', 'POST', '/api/assessments', {
      elderId,
      reason: 'immediate',
      trigger: 'discharge',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'ASSESSMENT_OPEN_EXISTS' } });
  });

  it('saves answers with supporting data; flags are derived (A.2.14 falls), never typed; If-Match is required', async () => {
    const missing = await api('assessor', 'PUT', `/api/assessments/${first.id}/answers`, {
      answers: gbt(G1),
      supporting: FALLS,
    });
    expect(missing.statusCode).toBe(428);
    const typedFlag = await api(
      'assessor',
      'PUT',
      `/api/assessments/${first.id}/answers`,
      { answers: gbt(G1), flags: { coma: true } },
      ifMatch(1),
    );
    expect(typedFlag.statusCode).toBe(400);
    first = await save(first, gbt(G1));
    expect(first).toMatchObject({
      version: 2,
      flags: { riskEventsLast30Days: { fall: 2 } },
      result: { total: 68, finalLevel: 'moderate' },
    });
    const stale = await api(
      'assessor',
      'PUT',
      `/api/assessments/${first.id}/answers`,
      { answers: gbt(G1) },
      ifMatch(1),
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ error: { code: 'VERSION_CONFLICT' } });
  });

  it('a bad answer is refused naming the item and nothing changes', async () => {
    const bad = await api(
      'assessor',
      'PUT',
      `/api/assessments/${first.id}/answers`,
      { answers: { ...gbt(G1), 'selfCare.eating': '4' } },
      ifMatch(first.version),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      error: { code: 'ASSESSMENT_POINTS_INVALID', field: 'answers.selfCare.eating' },
    });
    expect(dto(await api('assessor', 'GET', `/api/assessments/${first.id}`)).version).toBe(first.version);
  });

  it('only assigned assessors sign; the agency submits only with both signatures', async () => {
    const stranger = await act(first, 'assessor3', 'sign').catch((error: Error) => error.message);
    expect(String(stranger)).toContain('403');
    first = await act(first, 'assessor', 'sign');
    const early = await api('assessor', 'POST', `/api/assessments/${first.id}/submit`, {}, ifMatch(first.version));
    expect(early.json()).toMatchObject({ error: { code: 'ASSESSMENT_SIGNATURES_MISSING' } });
    first = await act(first, 'assessor2', 'sign');
    expect(first.signatures).toHaveLength(2);
    first = await act(first, 'assessor', 'submit');
    expect(first).toMatchObject({ state: 'submitted', result: { finalLevel: 'moderate' } });
  });

  it('the reviewer returns it with a required reason; the agency reopens; a fix voids both signatures', async () => {
    const noReason = await api('district', 'POST', `/api/assessments/${first.id}/return`, {}, ifMatch(first.version));
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ error: { field: 'reason' } });
    first = await act(first, 'district', 'return', { reason: '跌倒次数与社区记录不符，请核实' });
    expect(first).toMatchObject({ state: 'returned', returnReason: '跌倒次数与社区记录不符，请核实' });
    const edit = await api(
      'assessor',
      'PUT',
      `/api/assessments/${first.id}/answers`,
      { answers: gbt(G1) },
      ifMatch(first.version),
    );
    expect(edit.json()).toMatchObject({ error: { code: 'ASSESSMENT_STATE' } });
    first = await act(first, 'assessor', 'reopen');
    expect(first.state).toBe('draft');
    first = await save(first, gbt(G1), { ...FALLS, riskEvents: { fall: 1 } });
    expect(first.signatures).toHaveLength(0);
    expect(first.result).toMatchObject({ finalLevel: 'mild' });
    first = await signAndSubmit(first);
    expect(first.state).toBe('submitted');
  });

  it('approval re-scores, sets validUntil = assessment date + 12 months and the elder’s current level', async () => {
    const before = dto(await api('district', 'GET', `/api/elders/${elderId}/capability`));
    expect(before).toMatchObject({ current: null, openTask: { id: first.id, state: 'submitted' } });
    approved = await act(first, 'district', 'approve', { note: '材料齐全' });
    expect(approved).toMatchObject({ state: 'approved', assessmentDate: '2026-11-02', validUntil: '2027-11-02' });
    expect(approved.actions).toEqual([]);
    const capability = (await api('district', 'GET', `/api/elders/${elderId}/capability`)).json();
    expect(capability).toMatchObject({
      current: {
        assessmentId: approved.id,
        finalLevel: 'mild',
        finalLevelOrdinal: 1,
        validUntil: '2027-11-02',
        status: 'current',
        expired: false,
      },
      openTask: null,
    });
    const job = await queryOne<{ n: number }>(
      t.database,
      `SELECT count(*)::int AS n FROM jobs WHERE kind = 'entitlement.recheck' AND payload->>'elderId' = '${elderId}'`,
    );
    expect(job.n).toBe(1);
  });

  it('an approved result is immutable through the API and in the database', async () => {
    const edit = await api(
      'assessor',
      'PUT',
      `/api/assessments/${approved.id}/answers`,
      { answers: gbt(G3) },
      ifMatch(approved.version),
    );
    expect(edit.statusCode).toBe(409);
    await expect(
      t.database.exec(`UPDATE assessments SET final_level = 'intact' WHERE id = '${approved.id}'`),
    ).rejects.toThrow(/immutable/);
    await expect(t.database.exec(`DELETE FROM assessments WHERE id = '${approved.id}'`)).rejects.toThrow(
      /cannot be deleted/,
    );
  });

  it('a correction supersedes the approved result; the history keeps both', async () => {
    let correction = await open({ reason: 'other', trigger: 'correction', supersedes: approved.id });
    correction = await save(correction, gbt(G3), {
      riskEvents: {},
      diseases: [],
      medicines: [],
      healthProblems: { coma: false },
    });
    correction = await signAndSubmit(correction);
    correction = await act(correction, 'district', 'approve');
    expect(correction).toMatchObject({
      state: 'approved',
      supersedes: approved.id,
      result: { finalLevel: 'moderate', total: 55 },
    });
    const old = dto(await api('district', 'GET', `/api/assessments/${approved.id}`));
    expect(old).toMatchObject({ state: 'superseded', supersededBy: correction.id });
    expect(old.history.map((step) => step.action)).toContain('supersede');
    const history = (await api('district', 'GET', `/api/elders/${elderId}/assessments`)).json() as {
      items: { id: string; state: string; finalLevel: string }[];
    };
    expect(history.items.map((item) => [item.id, item.state, item.finalLevel])).toEqual([
      [approved.id, 'superseded', 'mild'],
      [correction.id, 'approved', 'moderate'],
    ]);
    const capability = (await api('district', 'GET', `/api/elders/${elderId}/capability`)).json();
    expect(capability).toMatchObject({
      current: { assessmentId: correction.id, finalLevel: 'moderate', finalLevelOrdinal: 2 },
    });
  });

  it('every transition is stored and audited: return with its reason, approve, supersede', async () => {
    const steps = dto(await api('district', 'GET', `/api/assessments/${approved.id}`)).history.map(
      (step) => `${step.action}:${step.toState}`,
    );
    expect(steps).toEqual([
      'create:draft',
      'saveAnswers:draft',
      'sign:draft',
      'sign:draft',
      'submit:submitted',
      'return:returned',
      'reopen:draft',
      'saveAnswers:draft',
      'sign:draft',
      'sign:draft',
      'submit:submitted',
      'approve:approved',
      'supersede:superseded',
    ]);
    const audit = await queryRows<{ action: string; reason: string | null; outcome: string }>(
      t.database,
      `SELECT action, reason, outcome FROM audit_log WHERE '${approved.id}' = ANY(resource_ids) ORDER BY id`,
    );
    const actions = audit.map((row) => row.action);
    expect(actions).toEqual(
      expect.arrayContaining(['assessment.create', 'assessment.return', 'assessment.approve', 'assessment.supersede']),
    );
    expect(audit.find((row) => row.action === 'assessment.return')?.reason).toBe('跌倒次数与社区记录不符，请核实');
  });
});

describe('who may act, scope and views (ASM-5, AZ-3, ASM-6, ASM-10)', () => {
  it('refuses a reviewer who is one of the assessors (403 ASSESSMENT_REVIEWER_IS_ASSESSOR)', async () => {
    const userId = await createAccount(
      t.database.db,
      {
        username: 'doctor-reviewer',
        displayName: '既是审核人又是评估员',
        password: TEST_PASSWORD,
        grants: [
          { role: 'civilAffairsAdmin', regionCode: '330102' },
          { role: 'assessor', regionCode: '330102' },
        ],
      },
      t.clock.now(),
    );
    expect(userId).toBeTruthy();
    const login = await t.login('doctor-reviewer', TEST_PASSWORD);
    expect(login.statusCode, login.body).toBe(200);
    t.tokens.set('doctor-reviewer', (login.json() as { token: string }).token);
    const added = await api('district', 'POST', `/api/assessment-agencies/${world.agencyId}/assessors`, {
      name: '钱医生',
      username: 'doctor-reviewer',
      qualificationNo: 'ZJ-PG-9',
      qualifiedUntil: '2028-12-31',
    });
    const reviewerAssessor = (added.json() as { assessors: { id: string; name: string }[] }).assessors.find(
      (a) => a.name === '钱医生',
    );
    const other = await createElder(api, { birthDate: '1938-06-15' });
    let task = dto(
      await api('district', 'POST', '/api/assessments', {
        elderId: other,
        reason: 'first',
        agencyId: world.agencyId,
        assessorIds: [reviewerAssessor?.id, world.assessorIds['assessor2']],
      }),
      201,
    );
    task = await save(
      task,
      gbt(G3),
      { riskEvents: {}, diseases: [], medicines: [], healthProblems: { coma: false } },
      'assessor2',
    );
    task = await signAndSubmit(task, ['doctor-reviewer', 'assessor2']);
    const refused = await api(
      'doctor-reviewer',
      'POST',
      `/api/assessments/${task.id}/approve`,
      {},
      ifMatch(task.version),
    );
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'ASSESSMENT_REVIEWER_IS_ASSESSOR' } });
    expect((await act(task, 'district', 'approve')).state).toBe('approved');
  });

  it('an assessment outside the caller’s region answers 404 like a missing one, and the denial is audited', async () => {
    const list = (await api('district', 'GET', '/api/assessments?state=approved')).json() as {
      items: { id: string }[];
    };
    const id = list.items[0]?.id ?? '';
    const outside = await api('street2', 'GET', `/api/assessments/${id}`);
    const missing = await api('street2', 'GET', '/api/assessments/0193a000-0000-7000-8000-000000000000');
    expect(outside.statusCode).toBe(404);
    expect(outside.body).toBe(missing.body);
    const denied = await queryOne<{ n: number }>(
      t.database,
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'assessment.read' AND outcome = 'denied' AND reason = 'outOfScope'`,
    );
    expect(denied.n).toBeGreaterThan(0);
    expect((await api('caregiver', 'GET', `/api/assessments/${id}`)).statusCode).toBe(403);
  });

  it('an assessor lists the tasks assigned to them', async () => {
    const mine = (await api('assessor3', 'GET', '/api/assessments?mine=true')).json() as { total: number };
    expect(mine.total).toBe(0);
    const theirs = (await api('assessor2', 'GET', '/api/assessments?mine=true')).json() as { total: number };
    expect(theirs.total).toBeGreaterThanOrEqual(3);
  });

  it('lists reassessments due with counts by month, and agency workload', async () => {
    const due = (await api('district', 'GET', '/api/assessments/due?months=24')).json() as {
      counts: { month: string; count: number }[];
      items: { validUntil: string; status: string }[];
      total: number;
    };
    expect(due.total).toBe(2);
    expect(due.counts).toEqual([{ month: '2027-11', count: 2 }]);
    expect(due.items.every((item) => item.status === 'current')).toBe(true);
    const soon = (await api('district', 'GET', '/api/assessments/due?months=1')).json() as { total: number };
    expect(soon.total).toBe(0);
    const workload = (await api('district', 'GET', '/api/assessments/workload')).json() as {
      month: string;
      agencies: { agencyId: string; approvedThisMonth: number; draft: number }[];
    };
    expect(workload.month).toBe('2026-11');
    expect(workload.agencies.find((agency) => agency.agencyId === world.agencyId)).toMatchObject({
      approvedThisMonth: 3,
      draft: 0,
    });
  });

  it('prints a PDF report with the Chinese font embedded (§4.8)', async () => {
    const list = (await api('district', 'GET', `/api/elders/${elderId}/assessments`)).json() as {
      items: { id: string; state: string }[];
    };
    const current = list.items.find((item) => item.state === 'approved');
    const reply = await api('district', 'GET', `/api/assessments/${current?.id}/report.pdf`);
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toBe('application/pdf');
    const pdf = reply.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/NotoSansSC/);
    mkdirSync('artifacts/assessment', { recursive: true });
    writeFileSync('artifacts/assessment/report-test.pdf', pdf);
    const audited = await queryOne<{ n: number }>(
      t.database,
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'assessment.report'`,
    );
    expect(audited.n).toBe(1);
  });
});
