import type { LightMyRequestResponse } from 'fastify';
import { INSTRUMENTS, itemsOf, type InstrumentCode } from '@kangyang/domain/assessment';
import { ROLE_ACCOUNTS, type AccountSpec } from '@kangyang/test-kit/accounts';
import { buildElder } from '@kangyang/test-kit/builders';
import type { TestApp } from '../test-app.ts';

/** Shared by the assessment API tests: accounts, a staffed agency, elders and answer builders. */

export const ASSESSMENT_ACCOUNTS: readonly AccountSpec[] = [
  ...ROLE_ACCOUNTS,
  { username: 'assessor2', role: 'assessor', regionCode: '330102' },
  { username: 'assessor3', role: 'assessor', regionCode: '330102' },
];

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

export type Api = (
  username: string,
  method: Method,
  url: string,
  payload?: unknown,
  headers?: Record<string, string>,
) => Promise<LightMyRequestResponse>;

export function apiOf(t: TestApp): Api {
  return (username, method, url, payload, headers = {}) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${t.tokenOf(username)}`, ...headers },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
}

/** Answers in the instrument's item order (the order the worked examples of §11 list them). */
export function answersInOrder(instrument: InstrumentCode, points: readonly number[]): Record<string, number> {
  const items = itemsOf(INSTRUMENTS[instrument]);
  if (items.length !== points.length)
    throw new Error(`${instrument}: ${points.length} points for ${items.length} items`);
  return Object.fromEntries(items.map((item, index) => [item.code, points[index] ?? -1]));
}

export const maxAnswers = (instrument: InstrumentCode): Record<string, number> =>
  Object.fromEntries(
    itemsOf(INSTRUMENTS[instrument]).map((item) => [
      item.code,
      Math.max(...item.options.map((option) => option.points)),
    ]),
  );

export type World = { agencyId: string; assessorIds: Record<string, string> };

/** A district agency with five assessors (§8 minAgencyAssessors), three of them linked to accounts. */
export async function createWorld(api: Api): Promise<World> {
  const agency = await api('district', 'POST', '/api/assessment-agencies', {
    name: '上城区康复评估中心',
    regionCode: '330102',
  });
  if (agency.statusCode !== 201) throw new Error(`agency: ${agency.statusCode} ${agency.body}`);
  const agencyId = (agency.json() as { id: string }).id;
  const assessorIds: Record<string, string> = {};
  const staff = [
    { name: '孙医生', username: 'assessor' },
    { name: '李护士', username: 'assessor2' },
    { name: '周医生', username: 'assessor3' },
    { name: '吴评估员' },
    { name: '郑评估员' },
  ];
  for (const [index, person] of staff.entries()) {
    const body = { ...person, qualificationNo: `ZJ-PG-${index + 1}`, qualifiedUntil: '2028-12-31' };
    const reply = await api('district', 'POST', `/api/assessment-agencies/${agencyId}/assessors`, body);
    if (reply.statusCode !== 201) throw new Error(`assessor: ${reply.statusCode} ${reply.body}`);
    const created = (reply.json() as { assessors: { id: string; name: string }[] }).assessors.find(
      (a) => a.name === person.name,
    );
    assessorIds[person.username ?? person.name] = created?.id ?? '';
  }
  return { agencyId, assessorIds };
}

export async function createElder(api: Api, overrides: Parameters<typeof buildElder>[0] = {}): Promise<string> {
  const reply = await api('district', 'POST', '/api/elders', buildElder(overrides));
  if (reply.statusCode !== 201) throw new Error(`elder: ${reply.statusCode} ${reply.body}`);
  return (reply.json() as { id: string }).id;
}

export const ifMatch = (version: number): Record<string, string> => ({ 'if-match': `"${version}"` });
