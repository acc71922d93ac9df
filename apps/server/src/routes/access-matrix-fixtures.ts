import type { InjectOptions } from 'fastify';
import { systemActor, type Actor } from '@kangyang/services';
import { ensureProfiles } from '@kangyang/services/profiles/ensure-profiles';
import { PROFILES_DIR, readProfileFiles } from '@kangyang/services/profiles/profile-files';
import { csvFile, streamOf } from '@kangyang/services/imports/import-fixtures';
import { ROLE_ACCOUNTS } from '@kangyang/test-kit/accounts';
import { actorWith } from '@kangyang/test-kit/actors';
import { buildElder } from '@kangyang/test-kit/builders';
import { queryOne } from '@kangyang/test-kit/sql';
import type { TestApp } from '../test-app.ts';

/**
 * Test support for access-matrix.routes.db.test.ts (FT-5): the demo roles, their scopes, the records
 * in and out of those scopes, and helpers that build a request for one (role, case).
 */

export type User = (typeof ROLE_ACCOUNTS)[number]['username'] | 'anonymous';
export type Case = 'in' | 'out' | 'missing' | 'any';
export type Ctx = { t: TestApp; user: User; scope: Scope; fx: Fixtures; case: Case };
export type Row = {
  route: string;
  /** Users for whom the route is granted; every other signed-in user gets 403, anonymous 401. */
  allow: readonly User[];
  /** Expected status per case for the granted users ('any': the route has no record or scope to vary). */
  expect: Partial<Record<Case, number>>;
  /** Public routes: what anonymous gets instead of 401. */
  anonymous?: number;
  /** Records without a scope (published policy): their 404 is no denial, so no audit row (AZ-4). */
  unscoped?: true;
  request(ctx: Ctx): InjectOptions | Promise<InjectOptions>;
};

export const USERS: readonly User[] = ['anonymous', ...ROLE_ACCOUNTS.map((account) => account.username)];
export const ALL_SIGNED_IN = USERS.filter((user) => user !== 'anonymous');
// Who holds which permission (security.md AZ-8, domain/access/roles.ts), written out as data.
export const OFFICIALS: readonly User[] = ['admin', 'district', 'street', 'street2'];
export const ELDER_READ: readonly User[] = [...OFFICIALS, 'community'];

export type ElderKey = 'community' | 'neighbour' | 'street2' | 'far';
export type Scope = { region: string; home: string; outRegion: string; inElder: ElderKey; outElder: ElderKey };

/** Region-wide roles (district, and every role granted on 330102): out of scope is the next district. */
const DISTRICT_SCOPE: Scope = {
  region: '330102',
  home: '330102002001',
  outRegion: '330105',
  inElder: 'community',
  outElder: 'far',
};
const SCOPES: Partial<Record<User, Scope>> = {
  street: {
    region: '330102002',
    home: '330102002001',
    outRegion: '330102001',
    inElder: 'community',
    outElder: 'street2',
  },
  street2: {
    region: '330102001',
    home: '330102001001',
    outRegion: '330102002',
    inElder: 'street2',
    outElder: 'community',
  },
  community: {
    region: '330102002001',
    home: '330102002001',
    outRegion: '330102002002',
    inElder: 'community',
    outElder: 'neighbour',
  },
};
export const scopeOf = (user: User): Scope => SCOPES[user] ?? DISTRICT_SCOPE;

export const ELDER_REGIONS: Record<ElderKey, string> = {
  community: '330102002001',
  neighbour: '330102002002',
  street2: '330102001001',
  far: '330105',
};
export const MISSING_ID = '01900000-0000-7000-8000-000000000404';
export const IN_OUT_MISSING = { in: 200, out: 404, missing: 404 } as const;

export type Fixtures = {
  elders: Record<ElderKey, string>;
  applications: Record<ElderKey, string>;
  outImportJob: string;
  ownImportJobs: Map<User, string>;
  freshElder(region: string): Promise<string>;
  freshApplication(region: string): Promise<string>;
  freshImportJob(user: User): Promise<string>;
  version(elderId: string): Promise<number>;
};

const system = systemActor({ requestId: 'matrix-fixtures' });
let sequence = 0;

/** A small valid import file (one row) for `actor`, validated before it returns. */
async function uploadImport(t: TestApp, actor: Actor): Promise<string> {
  sequence += 1;
  const elder = buildElder();
  const file = csvFile([
    { name: `导入${sequence}`, idNumber: elder.idNumber, residenceRegionCode: ELDER_REGIONS.community },
  ]);
  const job = await t.services.imports.upload(actor, { fileName: `matrix-${sequence}.csv`, source: streamOf(file) });
  await t.services.imports.idle();
  return job.id;
}

/** Elders, applications and import jobs in each region the matrix needs; importers each own one job. */
export async function makeFixtures(t: TestApp, importers: readonly User[]): Promise<Fixtures> {
  const { services } = t;
  await ensureProfiles(services);
  // The neighbouring district 拱墅区 gets the demo plan too, so that it can hold applications.
  const [plan] = await services.profiles.versions('001');
  const validFrom = plan?.effectiveFrom ?? '2025-01-01';
  await services.profiles.bind(system, { regionCode: ELDER_REGIONS.far, profileId: '001', validFrom });
  const freshElder = async (region: string) =>
    (await services.elders.create(system, buildElder({ residenceRegionCode: region }))).id;
  const freshApplication = async (region: string) => {
    const elderId = await freshElder(region);
    const offered = await services.eligibility.forElder(system, elderId);
    const programme = offered.benefits[0]?.programme;
    if (!programme) throw new Error(`no programme offered in ${region}`);
    return (await services.applications.submit(system, { elderId, programme, applicantKind: 'family' })).id;
  };
  const actorOf = (user: User) =>
    services.auth.authenticate(t.tokenOf(user), { requestId: 'fixture', ip: '127.0.0.1', userAgent: 'fixture' });
  const elders = {} as Record<ElderKey, string>;
  const applications = {} as Record<ElderKey, string>;
  for (const key of Object.keys(ELDER_REGIONS) as ElderKey[]) {
    elders[key] = await freshElder(ELDER_REGIONS[key]);
    applications[key] = await freshApplication(ELDER_REGIONS[key]);
  }
  const ownImportJobs = new Map<User, string>();
  for (const user of importers) ownImportJobs.set(user, await uploadImport(t, await actorOf(user)));
  return {
    elders,
    applications,
    outImportJob: await uploadImport(t, actorWith('civilAffairsAdmin', ELDER_REGIONS.far)),
    ownImportJobs,
    freshElder,
    freshApplication,
    freshImportJob: async (user) => uploadImport(t, await actorOf(user)),
    version: async (elderId) =>
      (await queryOne<{ version: number }>(t.database, `SELECT version FROM elders WHERE id = '${elderId}'`)).version,
  };
}

// ---- per-case targets ---------------------------------------------------------------------------------

const pick = (ctx: Ctx, inScope: string, outOfScope: string): string =>
  ctx.case === 'in' ? inScope : ctx.case === 'out' ? outOfScope : MISSING_ID;

export const elderOf = (ctx: Ctx): string =>
  pick(ctx, ctx.fx.elders[ctx.scope.inElder], ctx.fx.elders[ctx.scope.outElder]);
export const applicationOf = (ctx: Ctx): string =>
  pick(ctx, ctx.fx.applications[ctx.scope.inElder], ctx.fx.applications[ctx.scope.outElder]);
export const importJobOf = (ctx: Ctx): string =>
  pick(ctx, ctx.fx.ownImportJobs.get(ctx.user) ?? MISSING_ID, ctx.fx.outImportJob);
/** A region filter: the role's own, a region outside it, or a code that does not exist. */
export const regionOf = (ctx: Ctx): string =>
  ctx.case === 'in' ? ctx.scope.region : ctx.case === 'out' ? ctx.scope.outRegion : '330199';
export const granted = (ctx: Ctx, users: readonly User[]): boolean => users.includes(ctx.user);

const BOUNDARY = '----kangyang-matrix';
/** A multipart/form-data body with one file field named `file`. */
export function multipart(content: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="m.csv"\r\nContent-Type: text/csv\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  };
}

/** A one-row import file (fresh ID number) for an upload through the API. */
export function importFile(residenceRegionCode: string): Buffer {
  sequence += 1;
  return csvFile([{ name: `上传${sequence}`, idNumber: buildElder().idNumber, residenceRegionCode }]);
}

let bindingDay = 0;
/** A new binding date for each granted request, so that each creates one binding (201). */
export function nextBindingDay(): string {
  bindingDay += 1;
  return new Date(Date.UTC(2030, 0, bindingDay)).toISOString().slice(0, 10);
}

const profileFiles = new Map<string, Record<string, unknown>>();
/** The JSON of a bundled plan profile (profiles/NNN.json). */
export function profileJson(id: string): Record<string, unknown> {
  if (profileFiles.size === 0)
    for (const file of readProfileFiles(PROFILES_DIR))
      if (file.ok) profileFiles.set(String((file.json as { id?: unknown }).id), file.json as Record<string, unknown>);
  const json = profileFiles.get(id);
  if (!json) throw new Error(`no profile file ${id}`);
  return json;
}

// ---- running one (route, user, case) -----------------------------------------------------------------

export type Outcome = {
  user: User;
  case: Case;
  status: number;
  code: string | undefined;
  body: string;
  headers: Record<string, unknown>;
  /** The request's unique User-Agent: its audit rows carry it. */
  agent: string;
};

export const casesOf = (row: Row): Case[] => Object.keys(row.expect) as Case[];

export function expectedStatus(row: Row, user: User, which: Case): number {
  if (user === 'anonymous') return row.anonymous ?? 401;
  if (!row.allow.includes(user)) return 403;
  return row.expect[which] ?? -1;
}

let agentCounter = 0;
/** Sends the row's request as `user` (Bearer token from a real login) from its own client address. */
export async function runCase(t: TestApp, fx: Fixtures, row: Row, user: User, which: Case): Promise<Outcome> {
  agentCounter += 1;
  const agent = `matrix-${agentCounter}`;
  const options = await row.request({ t, user, scope: scopeOf(user), fx, case: which });
  const headers: Record<string, string> = { 'user-agent': agent, ...(options.headers as Record<string, string>) };
  if (user !== 'anonymous' && !headers['authorization']) headers['authorization'] = `Bearer ${t.tokenOf(user)}`;
  const remoteAddress = `10.77.${(agentCounter >> 8) & 255}.${agentCounter & 255}`;
  const reply = await t.app.inject({ ...options, headers, remoteAddress });
  const code = reply.headers['content-type']?.toString().includes('json')
    ? (reply.json() as { error?: { code?: string } }).error?.code
    : undefined;
  return { user, case: which, status: reply.statusCode, code, body: reply.body, headers: reply.headers, agent };
}
