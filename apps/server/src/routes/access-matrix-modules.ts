import { randomUUID } from 'node:crypto';
import {
  ELDER_READ,
  MISSING_ID,
  IN_OUT_MISSING,
  OFFICIALS,
  elderOf,
  regionOf,
  type Row,
  type User,
} from './access-matrix-fixtures.ts';

/**
 * FT-5 matrix rows of the policy modules (assessment, ledger, workers): part of the matrix of
 * access-matrix.routes.db.test.ts. Each row: who is granted, and the status per case.
 * Ids of records these modules own are covered as nonexistent ('missing'); their in- and out-of-scope
 * cases come with each module's fixtures.
 */

const get = (url: string) => ({ method: 'GET' as const, url });
const idempotent = () => ({ 'idempotency-key': `matrix-${randomUUID()}` });
const SCORE: readonly User[] = [...OFFICIALS, 'community', 'assessor'];
const ASSESSMENT_READ = OFFICIALS;
const ASSESSMENT_ASSIGN = OFFICIALS;
const ASSESSMENT_WRITE: readonly User[] = ['admin', 'assessor'];
const ASSESSMENT_APPROVE: readonly User[] = ['admin', 'district'];
/** Routes marked `authenticated` whose service wants any assessment permission (read, write, approve, assign). */
const ASSESSMENT_ANY: readonly User[] = [...OFFICIALS, 'assessor'];
const LEDGER_READ: readonly User[] = [...OFFICIALS, 'finance'];
const LEDGER_RUN: readonly User[] = ['admin', 'district'];
const LEDGER_APPROVE = LEDGER_RUN;
const LEDGER_FINANCE: readonly User[] = ['admin', 'finance'];
const WORKERS: readonly User[] = ['admin', 'district', 'institution'];

// Assessment tasks: the permission layer and nonexistent ids for every route; in/out of scope by elder
// and region where a route takes them. Task ids in and out of scope await the assessment fixtures.
const ifMatch = { 'if-match': '"1"' };
export const ASSESSMENT_ROWS: readonly Row[] = [
  {
    route: 'POST /api/assessments/score',
    allow: SCORE,
    expect: { any: 400 },
    request: () => ({ method: 'POST', url: '/api/assessments/score', payload: { instrument: 'barthel', answers: {} } }),
  },
  {
    route: 'GET /api/assessment-agencies',
    allow: ASSESSMENT_READ,
    expect: { any: 200 },
    request: () => get('/api/assessment-agencies'),
  },
  {
    route: 'POST /api/assessment-agencies',
    allow: ASSESSMENT_ASSIGN,
    expect: { in: 201, out: 403 },
    request: (ctx) => ({
      method: 'POST',
      url: '/api/assessment-agencies',
      payload: {
        name: `矩阵评估机构${randomUUID().slice(0, 8)}`,
        regionCode: ctx.case === 'in' ? ctx.scope.region : ctx.scope.outRegion,
      },
    }),
  },
  {
    route: 'POST /api/assessment-agencies/:id/assessors',
    allow: ASSESSMENT_ASSIGN,
    expect: { missing: 404 },
    request: () => ({
      method: 'POST',
      url: `/api/assessment-agencies/${MISSING_ID}/assessors`,
      payload: { name: '评估员', qualificationNo: 'Q-1', qualifiedUntil: '2030-01-01' },
    }),
  },
  ...(['/api/assessments', '/api/assessments/triggers'] as const).map((url): Row => ({
    route: `POST ${url}`,
    allow: ASSESSMENT_ASSIGN,
    expect: { out: 404, missing: 404 },
    request: (ctx) => ({
      method: 'POST',
      url,
      payload: url.endsWith('triggers')
        ? { elderId: elderOf(ctx), trigger: 'diagnosis' }
        : { elderId: elderOf(ctx), reason: 'first' },
    }),
  })),
  {
    route: 'POST /api/assessments/due/open-tasks',
    allow: ASSESSMENT_ASSIGN,
    expect: { in: 200, out: 404 },
    request: (ctx) => ({ method: 'POST', url: '/api/assessments/due/open-tasks', payload: { region: regionOf(ctx) } }),
  },
  {
    route: 'GET /api/assessments',
    allow: ASSESSMENT_ANY,
    expect: { in: 200, out: 404 },
    // An assessor's scope is assignment, not a region: in scope is the unfiltered list.
    request: (ctx) =>
      get(
        ctx.user === 'assessor' && ctx.case === 'in' ? '/api/assessments' : `/api/assessments?region=${regionOf(ctx)}`,
      ),
  },
  {
    route: 'GET /api/assessments/due',
    allow: ASSESSMENT_READ,
    expect: { in: 200, out: 404 },
    request: (ctx) => get(`/api/assessments/due?region=${regionOf(ctx)}`),
  },
  {
    route: 'GET /api/assessments/workload',
    allow: ASSESSMENT_READ,
    expect: { in: 200, out: 404 },
    request: (ctx) => get(`/api/assessments/workload?region=${regionOf(ctx)}`),
  },
  {
    route: 'GET /api/assessments/:id',
    allow: ASSESSMENT_ANY,
    expect: { missing: 404 },
    request: () => get(`/api/assessments/${MISSING_ID}`),
  },
  {
    route: 'GET /api/assessments/:id/report.pdf',
    allow: ASSESSMENT_ANY,
    expect: { missing: 404 },
    request: () => get(`/api/assessments/${MISSING_ID}/report.pdf`),
  },
  {
    route: 'GET /api/elders/:id/assessments',
    allow: ASSESSMENT_READ,
    expect: IN_OUT_MISSING,
    request: (ctx) => get(`/api/elders/${elderOf(ctx)}/assessments`),
  },
  {
    route: 'GET /api/elders/:id/capability',
    allow: ELDER_READ,
    expect: IN_OUT_MISSING,
    request: (ctx) => get(`/api/elders/${elderOf(ctx)}/capability`),
  },
  {
    route: 'PUT /api/assessments/:id/assessors',
    allow: ASSESSMENT_ANY,
    expect: { missing: 404 },
    request: () => ({
      method: 'PUT',
      url: `/api/assessments/${MISSING_ID}/assessors`,
      headers: ifMatch,
      payload: { assessorIds: [MISSING_ID, '01900000-0000-7000-8000-000000000405'] },
    }),
  },
  {
    route: 'PUT /api/assessments/:id/answers',
    allow: ASSESSMENT_WRITE,
    expect: { missing: 404 },
    request: () => ({
      method: 'PUT',
      url: `/api/assessments/${MISSING_ID}/answers`,
      headers: ifMatch,
      payload: { answers: {} },
    }),
  },
  ...(['sign', 'submit', 'reopen', 'return', 'approve'] as const).map((action): Row => ({
    route: `POST /api/assessments/:id/${action}`,
    allow: action === 'return' || action === 'approve' ? ASSESSMENT_APPROVE : ASSESSMENT_WRITE,
    expect: { missing: 404 },
    request: () => ({
      method: 'POST',
      url: `/api/assessments/${MISSING_ID}/${action}`,
      headers: ifMatch,
      payload: action === 'return' ? { reason: '材料不全' } : {},
    }),
  })),
];

// Subsidy ledger (REL-2): runs, approvals, bank results, reversals, bank accounts, an elder's entries.
export const LEDGER_ROWS: readonly Row[] = [
  {
    route: 'POST /api/ledger/runs',
    allow: LEDGER_RUN,
    expect: { any: 400 },
    request: () => ({ method: 'POST', url: '/api/ledger/runs', headers: idempotent(), payload: {} }),
  },
  { route: 'GET /api/ledger/runs', allow: LEDGER_READ, expect: { any: 200 }, request: () => get('/api/ledger/runs') },
  {
    route: 'GET /api/ledger/runs/:id',
    allow: LEDGER_READ,
    expect: { missing: 404 },
    request: () => get(`/api/ledger/runs/${MISSING_ID}`),
  },
  {
    route: 'POST /api/ledger/runs/:id/approve',
    allow: LEDGER_APPROVE,
    expect: { missing: 404 },
    request: () => ({
      method: 'POST',
      url: `/api/ledger/runs/${MISSING_ID}/approve`,
      headers: idempotent(),
      payload: {},
    }),
  },
  {
    route: 'GET /api/ledger/runs/:id/batch.xlsx',
    allow: LEDGER_READ,
    expect: { missing: 404 },
    request: () => get(`/api/ledger/runs/${MISSING_ID}/batch.xlsx`),
  },
  {
    route: 'POST /api/ledger/runs/:id/results',
    allow: LEDGER_FINANCE,
    expect: { missing: 404 },
    request: () => ({
      method: 'POST',
      url: `/api/ledger/runs/${MISSING_ID}/results`,
      headers: idempotent(),
      payload: { results: [{ entryId: MISSING_ID, status: 'paid' }] },
    }),
  },
  {
    route: 'POST /api/ledger/entries/:id/reverse',
    allow: LEDGER_APPROVE,
    expect: { missing: 404 },
    request: () => ({
      method: 'POST',
      url: `/api/ledger/entries/${MISSING_ID}/reverse`,
      headers: idempotent(),
      payload: { reason: '重复发放' },
    }),
  },
  {
    route: 'PUT /api/ledger/bank-accounts/:payeeKind/:payeeId',
    allow: LEDGER_FINANCE,
    expect: { missing: 404 },
    request: () => ({
      method: 'PUT',
      url: `/api/ledger/bank-accounts/elder/${MISSING_ID}`,
      payload: { bankName: '测试银行', accountHolder: '测试', accountNumber: '6222020000000000000' },
    }),
  },
  {
    route: 'GET /api/elders/:id/ledger',
    allow: LEDGER_READ,
    expect: IN_OUT_MISSING,
    request: (ctx) => get(`/api/elders/${elderOf(ctx)}/ledger`),
  },
];

// Care workers (institution and provider staff).
export const WORKER_ROWS: readonly Row[] = [
  {
    route: 'POST /api/workers',
    allow: WORKERS,
    expect: { any: 400 },
    request: () => ({ method: 'POST', url: '/api/workers', payload: {} }),
  },
  { route: 'GET /api/workers', allow: WORKERS, expect: { any: 200 }, request: () => get('/api/workers') },
  {
    route: 'GET /api/workers/:id',
    allow: WORKERS,
    expect: { missing: 404 },
    request: () => get(`/api/workers/${MISSING_ID}`),
  },
  {
    route: 'POST /api/workers/:id/certificates',
    allow: WORKERS,
    expect: { missing: 404 },
    request: () => ({
      method: 'POST',
      url: `/api/workers/${MISSING_ID}/certificates`,
      payload: { skillLevel: 'junior', certificateNumber: 'C-1', issuedOn: '2026-01-01' },
    }),
  },
  {
    route: 'PUT /api/workers/:id/attendance/:period',
    allow: WORKERS,
    expect: { missing: 404 },
    request: () => ({
      method: 'PUT',
      url: `/api/workers/${MISSING_ID}/attendance/2026-10`,
      payload: { daysWorked: 20 },
    }),
  },
];
