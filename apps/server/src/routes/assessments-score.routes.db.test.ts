import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '@kangyang/services';
import { queryOne } from '@kangyang/test-kit/sql';
import { openTestApp, type TestApp } from '../test-app.ts';
import { answersInOrder, apiOf, ASSESSMENT_ACCOUNTS, maxAnswers, type Api } from './assessment-test-support.ts';

/**
 * assessment.md §3 and §11 through `POST /api/assessments/score` (app.inject): every worked example
 * with the platform defaults, G8 and L1 under a region's own settings (`regionCode`), and the 400
 * answers naming the item, with nothing stored.
 */

let t: TestApp;
let api: Api;
const SETTINGS_REGION = '330102001';

const G1 = [4, 3, 2, 3, 2, 3, 4, 3, 4, 3, 3, 1, 3, 3, 4, 3, 4, 4, 1, 1, 2, 1, 1, 2, 1, 3];
const G3 = [3, 2, 1, 2, 1, 2, 3, 2, 3, 2, 2, 0, 4, 4, 4, 3, 4, 3, 1, 0, 2, 2, 1, 2, 0, 2];
const G4 = [2, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0, 0, 3, 3, 3, 2, 3, 3, 1, 1, 2, 1, 1, 1, 0, 1];
const G5 = [3, 3, 2, 3, 3, 3, 3, 2, 4, 4, 3, 2, 1, 1, 2, 1, 2, 2, 0, 1, 1, 2, 2, 0, 0, 1];
const G6 = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 1, 2, 2, 1, 1, 1, 1, 1, 0, 0, 1];
const G8 = [4, 4, 4, 4, 4, 4, 3, 4, 4, 4, 3, 2, 3, 3, 4, 3, 4, 4, 1, 1, 2, 2, 1, 2, 1, 3];
const G8_FLAGS = { mentalDisorderDiagnosis: true, riskEventsLast30Days: { fall: 1, choking: 1 } };

const gbt = (points: number[]) => answersInOrder('gbt42195-2022', points);
const score = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  api('street', 'POST', '/api/assessments/score', body, headers);

/** Loads a copy of profile 004 whose assessment section uses the other PROVISIONAL settings, bound to one street. */
async function bindRegionSettings(): Promise<void> {
  const raw = JSON.parse(readFileSync(new URL('../../../../profiles/004.json', import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
  const profile = {
    ...raw,
    assessment: { changeRuleStacking: 'perRule', riskEventCounting: 'sum', ltci: 'ltci-2021-p2' },
  };
  const actor = systemActor();
  await t.services.profiles.load(actor, profile, 'assessment test');
  await t.services.profiles.bind(actor, { regionCode: SETTINGS_REGION, profileId: '004', validFrom: '2020-01-01' });
}

beforeAll(async () => {
  t = await openTestApp({ accounts: ASSESSMENT_ACCOUNTS });
  api = apiOf(t);
  await bindRegionSettings();
});
afterAll(async () => t.close());

describe('POST /api/assessments/score: worked examples of assessment.md §11 (platform defaults once/sum)', () => {
  const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
    [
      'G1',
      { answers: gbt(G1) },
      {
        domainScores: { selfCare: 24, mobility: 11, mental: 25, perceptionSocial: 8 },
        total: 68,
        baseLevel: 'mild',
        finalLevel: 'mild',
      },
    ],
    [
      'G2',
      { answers: gbt(G1), flags: { riskEventsLast30Days: { fall: 2 } } },
      {
        total: 68,
        baseLevel: 'mild',
        finalLevel: 'moderate',
        reasons: [{ rule: 'riskEvents', applied: true, detail: 'fall 2' }],
      },
    ],
    [
      'G3',
      { answers: gbt(G3) },
      {
        domainScores: { selfCare: 16, mobility: 7, mental: 25, perceptionSocial: 7 },
        total: 55,
        baseLevel: 'moderate',
        finalLevel: 'moderate',
      },
    ],
    [
      'G4',
      { answers: gbt(G4) },
      {
        domainScores: { selfCare: 7, mobility: 2, mental: 21, perceptionSocial: 4 },
        total: 34,
        baseLevel: 'severe',
        finalLevel: 'severe',
      },
    ],
    [
      'G5',
      { answers: gbt(G5), flags: { dementiaDiagnosis: true } },
      {
        domainScores: { selfCare: 22, mobility: 13, mental: 11, perceptionSocial: 5 },
        total: 51,
        baseLevel: 'moderate',
        finalLevel: 'severe',
      },
    ],
    [
      'G6',
      { answers: gbt(G6) },
      {
        domainScores: { selfCare: 0, mobility: 0, mental: 12, perceptionSocial: 3 },
        total: 15,
        baseLevel: 'complete',
        finalLevel: 'complete',
      },
    ],
    [
      'G7',
      { answers: { ...maxAnswers('gbt42195-2022'), 'mental.consciousness': 0 }, flags: { coma: true } },
      {
        domainScores: { selfCare: 32, mobility: 15, mental: 26, perceptionSocial: 15 },
        total: 88,
        baseLevel: 'mild',
        finalLevel: 'complete',
      },
    ],
    [
      'G8',
      { answers: gbt(G8), flags: G8_FLAGS },
      {
        domainScores: { selfCare: 31, mobility: 13, mental: 25, perceptionSocial: 9 },
        total: 78,
        baseLevel: 'mild',
        finalLevel: 'moderate',
      },
    ],
  ];

  it.each(cases)('%s (GB/T 42195-2022)', async (_id, body, expected) => {
    const reply = await score({ instrument: 'gbt42195-2022', ...body });
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({
      instrument: 'gbt42195-2022',
      instrumentVersion: 'gbt42195-2022/r1',
      settings: { changeRuleStacking: 'once', riskEventCounting: 'sum' },
      provisional: false,
      ...expected,
    });
  });

  it('G7 lists coma first; G8 lists both rules with the single raise applied once (§3 reasons order)', async () => {
    const g7 = (
      await score({
        instrument: 'gbt42195-2022',
        answers: { ...maxAnswers('gbt42195-2022'), 'mental.consciousness': 0 },
        flags: { coma: true },
      })
    ).json() as { reasons: { rule: string; applied: boolean }[] };
    expect(g7.reasons.map((reason) => reason.rule)).toEqual(['coma']);
    const g8 = (await score({ instrument: 'gbt42195-2022', answers: gbt(G8), flags: G8_FLAGS })).json() as {
      reasons: { rule: string; applied: boolean }[];
    };
    expect(g8.reasons.map((reason) => [reason.rule, reason.applied])).toEqual([
      ['mentalDiagnosis', true],
      ['riskEvents', false],
    ]);
  });

  it('G8 under a region whose settings say perRule: severe (regionCode selects the settings, §8)', async () => {
    const reply = await score({
      instrument: 'gbt42195-2022',
      answers: gbt(G8),
      flags: G8_FLAGS,
      regionCode: SETTINGS_REGION,
    });
    expect(reply.json()).toMatchObject({
      finalLevel: 'severe',
      settings: { changeRuleStacking: 'perRule', riskEventCounting: 'sum' },
    });
  });

  it.each([
    ['B1', [10, 0, 5, 5, 10, 5, 5, 10, 10, 0], 60, 'moderate'],
    ['B2', [5, 0, 0, 5, 5, 5, 5, 5, 5, 5], 40, 'severe'],
  ])('%s (Barthel, wst431-2013)', async (_id, points, total, level) => {
    const reply = await score({ instrument: 'barthel', answers: answersInOrder('barthel', points) });
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({
      domainScores: { adl: total },
      total,
      baseLevel: level,
      finalLevel: level,
      scheme: 'wst431-2013',
    });
  });

  const M1 = [10, 0, 5, 5, 10, 5, 5, 10, 10, 10, 2, 0, 0, 0, 2, 1, 0, 1, 1, 1, 1, 1];
  it('M1 (MZ/T 039-2013): grades 1/2/1/1, mild; with dementiaDiagnosis moderate', async () => {
    const answers = answersInOrder('mzt039-2013', M1);
    const plain = await score({ instrument: 'mzt039-2013', answers });
    expect(plain.json()).toMatchObject({
      domainScores: { adl: 70, mental: 2, social: 5 },
      domainGrades: { adl: 1, mental: 2, perception: 1, social: 1 },
      total: null,
      baseLevel: 'mild',
      finalLevel: 'mild',
    });
    const demented = await score({ instrument: 'mzt039-2013', answers, flags: { dementiaDiagnosis: true } });
    expect(demented.json()).toMatchObject({ baseLevel: 'mild', finalLevel: 'moderate' });
  });

  const L1 = [10, 0, 5, 5, 10, 5, 5, 10, 10, 5, 3, 4, 3, 3, 4, 3, 4];
  const L2 = [5, 0, 0, 0, 5, 5, 0, 5, 5, 0, 4, 4, 4, 4, 4, 4, 4];
  it('L1 (LTC 2021, preset p1, PROVISIONAL): mild; preset p2 (a region setting) gives the same', async () => {
    const answers = answersInOrder('ltci-2021', L1);
    const p1 = await score({ instrument: 'ltci-2021', answers });
    expect(p1.json()).toMatchObject({
      domainScores: { adl: 65, cognition: 13, perceptionComm: 11 },
      domainGrades: { adl: 'mild', cognition: 'mild', perceptionComm: 'mild' },
      total: null,
      finalLevel: 'mild',
      provisional: true,
      scheme: 'ltci-2021-p1',
    });
    const p2 = await score({ instrument: 'ltci-2021', answers, regionCode: SETTINGS_REGION });
    expect(p2.json()).toMatchObject({ finalLevel: 'mild', scheme: 'ltci-2021-p2', provisional: true });
  });

  it('L2 (LTC 2021, preset p1): ADL severe with intact cognition and perception is severe1', async () => {
    const reply = await score({ instrument: 'ltci-2021', answers: answersInOrder('ltci-2021', L2) });
    expect(reply.json()).toMatchObject({
      domainScores: { adl: 25, cognition: 16, perceptionComm: 12 },
      finalLevel: 'severe1',
      provisional: true,
    });
  });
});

describe('POST /api/assessments/score: bad answers answer 400 naming the item, nothing stored (§3)', () => {
  const counts = () =>
    queryOne<{ assessments: number; transitions: number }>(
      t.database,
      'SELECT (SELECT count(*)::int FROM assessments) AS assessments, (SELECT count(*)::int FROM assessment_transitions) AS transitions',
    );

  const problems: [string, Record<string, unknown>, string, string][] = [
    [
      'a string "4"',
      { answers: { ...gbt(G1), 'selfCare.eating': '4' } },
      'ASSESSMENT_POINTS_INVALID',
      'answers.selfCare.eating',
    ],
    [
      'points not an option',
      { answers: { ...gbt(G1), 'mobility.stairs': 4 } },
      'ASSESSMENT_POINTS_INVALID',
      'answers.mobility.stairs',
    ],
    [
      'a fraction',
      { answers: { ...gbt(G1), 'mental.memory': 2.5 } },
      'ASSESSMENT_POINTS_INVALID',
      'answers.mental.memory',
    ],
    [
      'a missing item',
      { answers: { ...gbt(G1), 'selfCare.bathing': undefined } },
      'ASSESSMENT_ITEM_MISSING',
      'answers.selfCare.bathing',
    ],
    [
      'a null item',
      { answers: { ...gbt(G1), 'perceptionSocial.vision': null } },
      'ASSESSMENT_ITEM_MISSING',
      'answers.perceptionSocial.vision',
    ],
    [
      'an unknown item first',
      { answers: { 'selfCare.flying': 4, ...gbt(G1), 'selfCare.eating': '4' } },
      'ASSESSMENT_ITEM_UNKNOWN',
      'answers.selfCare.flying',
    ],
    [
      'a count above 3',
      { answers: gbt(G1), flags: { riskEventsLast30Days: { fall: 4 } } },
      'ASSESSMENT_FLAG_INVALID',
      'flags.riskEventsLast30Days.fall',
    ],
    ['an unknown flag', { answers: gbt(G1), flags: { sleepy: true } }, 'ASSESSMENT_FLAG_INVALID', 'flags.sleepy'],
    [
      'coma without the coma option',
      { answers: gbt(G1), flags: { coma: true } },
      'ASSESSMENT_FLAG_CONFLICT',
      'flags.coma',
    ],
  ];

  it.each(problems)('%s', async (_label, body, code, field) => {
    const before = await counts();
    const reply = await score({ instrument: 'gbt42195-2022', ...body });
    expect(reply.statusCode).toBe(400);
    const error = (reply.json() as { error: { code: string; field: string; message: string } }).error;
    expect(error).toMatchObject({ code, field });
    expect(error.message.length).toBeGreaterThan(0);
    expect(await counts()).toEqual(before);
  });

  it('an unknown instrument is reported before any answer, on `instrument`', async () => {
    const reply = await score({ instrument: 'katz', answers: { 'x.y': '1' } });
    expect(reply.statusCode).toBe(400);
    expect(reply.json()).toMatchObject({ error: { code: 'ASSESSMENT_INSTRUMENT_UNKNOWN', field: 'instrument' } });
  });

  it('the message follows Accept-Language (zh-CN default, en-US) and details list every problem', async () => {
    const body = { instrument: 'gbt42195-2022', answers: { ...gbt(G1), 'selfCare.eating': '4', 'mobility.stairs': 9 } };
    const zh = (await score(body)).json() as { error: { message: string; details: { field: string }[] } };
    const en = (await score(body, { 'accept-language': 'en-US' })).json() as { error: { message: string } };
    expect(zh.error.message).toContain('answers.selfCare.eating');
    expect(zh.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(en.error.message).toContain('Invalid points');
    expect(zh.error.details.map((detail) => detail.field)).toEqual([
      'answers.selfCare.eating',
      'answers.mobility.stairs',
    ]);
  });

  it('needs assessment:score (403 for a caregiver, 401 without a token)', async () => {
    expect(
      (await api('caregiver', 'POST', '/api/assessments/score', { instrument: 'barthel', answers: {} })).statusCode,
    ).toBe(403);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/assessments/score',
      payload: { instrument: 'barthel', answers: {} },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
