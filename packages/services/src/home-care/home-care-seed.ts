import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { uuidv7 } from '../ids.ts';
import { insertProvider, upsertWorkerProfile } from './catalogue.repo.ts';

/** Reference data for the demo, the generator and tests: a catalogue, price rules, providers, care workers. */
type Item = readonly [
  code: string,
  name: string,
  nameEn: string,
  category: string,
  minutes: number,
  fen: number,
  level: string | null,
  certs: readonly string[],
  tasks: readonly (readonly [string, string, string])[],
];

const TASKS = {
  wash: ['wash', '协助洗漱', 'Help with washing'],
  dress: ['dress', '协助穿衣', 'Help with dressing'],
  skin: ['skin', '检查皮肤和压疮', 'Check skin and pressure sores'],
  bath: ['bath', '助浴', 'Bath or shower'],
  clean: ['clean', '打扫居室', 'Clean the rooms'],
  laundry: ['laundry', '洗涤衣物', 'Laundry'],
  meal: ['meal', '送餐到家', 'Deliver the meal'],
  vitals: ['vitals', '测量血压血糖', 'Blood pressure and glucose'],
  meds: ['meds', '核对用药', 'Check medicines'],
  escort: ['escort', '陪同出行', 'Escort'],
  shop: ['shop', '代购物品', 'Shopping'],
  talk: ['talk', '聊天陪伴', 'Companionship'],
  safety: ['safety', '居家安全检查', 'Home safety check'],
} as const;

export const DEFAULT_CATALOGUE: readonly Item[] = [
  [
    'PC01',
    '生活照料（1小时）',
    'Personal care (1 h)',
    'personalCare',
    60,
    6000,
    'junior',
    ['caregiverCertificate'],
    [TASKS.wash, TASKS.dress, TASKS.skin, TASKS.safety],
  ],
  [
    'BA01',
    '上门助浴',
    'Home bathing',
    'bathing',
    90,
    12000,
    'intermediate',
    ['caregiverCertificate', 'bathingTraining'],
    [TASKS.bath, TASKS.skin, TASKS.dress],
  ],
  [
    'HK01',
    '家政保洁（2小时）',
    'Housekeeping (2 h)',
    'housekeeping',
    120,
    8000,
    null,
    [],
    [TASKS.clean, TASKS.laundry, TASKS.safety],
  ],
  [
    'MD01',
    '助餐送餐',
    'Meal delivery',
    'mealDelivery',
    20,
    1500,
    null,
    ['healthCertificate'],
    [TASKS.meal, TASKS.talk],
  ],
  [
    'HV01',
    '上门健康巡诊',
    'Health visit',
    'healthVisit',
    45,
    9000,
    null,
    ['nurseLicence'],
    [TASKS.vitals, TASKS.meds, TASKS.safety],
  ],
  ['ES01', '陪同就医', 'Escort to the doctor', 'escort', 180, 10000, 'junior', [], [TASKS.escort, TASKS.meds]],
  ['SH01', '代购代办', 'Shopping and errands', 'shopping', 60, 3000, null, [], [TASKS.shop, TASKS.talk]],
  ['CP01', '精神慰藉', 'Companionship visit', 'companionship', 60, 3000, null, [], [TASKS.talk, TASKS.safety]],
];

/** 004-r2 in spirit: free basic home care for the listed groups, half price for the advanced-age. */
const RULES = [
  { category: 'extremePoverty', elderPaysFen: 0, subsidyPercent: null, programme: 'freeBasicHomeCare' },
  { category: 'minimumLiving', elderPaysFen: 0, subsidyPercent: null, programme: 'freeBasicHomeCare' },
  { category: 'entitledGroup', elderPaysFen: 0, subsidyPercent: null, programme: 'freeBasicHomeCare' },
  { category: 'familyPlanningSpecial', elderPaysFen: 0, subsidyPercent: null, programme: 'freeBasicHomeCare' },
  { category: 'nearMinimumLiving', elderPaysFen: null, subsidyPercent: 80, programme: 'serviceSubsidy' },
  { category: 'advancedAge', elderPaysFen: null, subsidyPercent: 50, programme: 'serviceSubsidy' },
  { category: 'severeDisability', elderPaysFen: null, subsidyPercent: 70, programme: 'serviceSubsidy' },
  { category: 'dementia', elderPaysFen: null, subsidyPercent: 70, programme: 'serviceSubsidy' },
] as const;

export type SeededItem = { id: string; code: string; category: string };

/** Loads the catalogue and price rules of one county once; returns the items by code. */
export async function seedCatalogue(db: Db, countyCode: string): Promise<SeededItem[]> {
  const existing = await db.execute(
    sql`SELECT id, code, category FROM hc_service_items WHERE county_code = ${countyCode}`,
  );
  const found = (existing as unknown as { rows: SeededItem[] }).rows;
  if (found.length > 0) return found;
  const items = DEFAULT_CATALOGUE.map(([code, name, nameEn, category, minutes, fen, level, certs, tasks]) => ({
    id: uuidv7(),
    code,
    name,
    nameEn,
    category,
    minutes,
    fen,
    level,
    certs,
    tasks: tasks.map(([taskCode, label, labelEn]) => ({ code: taskCode, label, labelEn })),
  }));
  for (const item of items)
    await db.execute(sql`INSERT INTO hc_service_items (county_code, id, code, name, name_en, category, setting, duration_minutes,
        price_fen, required_skill_level, required_certificates, tasks)
      VALUES (${countyCode}, ${item.id}, ${item.code}, ${item.name}, ${item.nameEn}, ${item.category}, 'home', ${item.minutes},
        ${item.fen}, ${item.level}, ${sql.param([...item.certs])}::text[], ${JSON.stringify(item.tasks)}::jsonb)`);
  for (const rule of RULES)
    await db.execute(sql`INSERT INTO hc_price_rules (county_code, id, category, elder_pays_fen, subsidy_percent, programme)
      VALUES (${countyCode}, ${uuidv7()}, ${rule.category}, ${rule.elderPaysFen}, ${rule.subsidyPercent}, ${rule.programme})`);
  return items.map((item) => ({ id: item.id, code: item.code, category: item.category }));
}

export const ALL_CATEGORIES = [...new Set(DEFAULT_CATALOGUE.map((item) => item[3]))];

export async function seedProvider(
  db: Db,
  input: { name: string; regionCode: string; serviceAreas: string[]; categories?: string[]; now: Date; id?: string },
): Promise<string> {
  const id = input.id ?? uuidv7();
  await insertProvider(db, {
    countyCode: input.regionCode.slice(0, 6),
    id,
    name: input.name,
    regionCode: input.regionCode,
    serviceAreas: input.serviceAreas,
    categories: input.categories ?? ALL_CATEGORIES,
    phone: null,
    createdAt: input.now,
  });
  return id;
}

export const DAY_SHIFTS = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '07:00', end: '20:00' }));

export type CareWorkerSeed = {
  providerId: string;
  regionCode: string;
  name: string;
  home: { lng: number; lat: number };
  skills: string[];
  certificates: string[];
  skillLevel: string | null;
  shifts?: { weekday: number; start: string; end: string }[];
  userId?: string | null;
  maxDailyVisits?: number;
  now: Date;
  id?: string;
};

/** A worker (WRK-1 row), an optional valid certificate (WRK-2) and the care profile. */
export async function seedCareWorker(db: Db, input: CareWorkerSeed): Promise<string> {
  const id = input.id ?? uuidv7();
  const countyCode = input.regionCode.slice(0, 6);
  const at = input.now.toISOString();
  await db.execute(sql`INSERT INTO workers (county_code, id, name, organisation_id, region_code, staff_role, employed_from,
      created_at, updated_at)
    VALUES (${countyCode}, ${id}, ${input.name}, ${input.providerId}, ${input.regionCode}, 'caregiver', '2024-01-01',
      ${at}::timestamptz, ${at}::timestamptz)`);
  if (input.skillLevel)
    await db.execute(sql`INSERT INTO worker_certificates (county_code, id, worker_id, skill_level, certificate_number, issued_on,
        created_at)
      VALUES (${countyCode}, ${uuidv7()}, ${id}, ${input.skillLevel}, ${`HC-${id.slice(-12)}`}, '2024-01-01', ${at}::timestamptz)`);
  await upsertWorkerProfile(db, {
    countyCode,
    workerId: id,
    providerId: input.providerId,
    userId: input.userId ?? null,
    skills: input.skills,
    certificates: input.certificates,
    homeLng: input.home.lng,
    homeLat: input.home.lat,
    shifts: input.shifts ?? DAY_SHIFTS,
    maxDailyVisits: input.maxDailyVisits ?? 8,
    now: input.now,
  });
  return id;
}
