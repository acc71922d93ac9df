import { CATEGORY_NAMES_ZH, LIVING_SITUATION_NAMES_ZH } from '@kangyang/contracts/import';
import { DECLARED_CATEGORIES, type ElderCategory } from '@kangyang/contracts/elder';
import { ageOn, type IsoDate } from '@kangyang/domain/units';
import type { StoredContact } from '../elders/elder-mapper.ts';
import type { ElderExportRow } from './export.repo.ts';
import type { SheetColumn } from './spreadsheet.ts';

export const ELDER_EXPORT_COLUMNS: readonly SheetColumn[] = [
  { header: '姓名', width: 12 },
  { header: '身份证号', width: 20, text: true },
  { header: '性别', width: 6 },
  { header: '出生日期', width: 12, text: true },
  { header: '年龄', width: 6 },
  { header: '手机号', width: 14, text: true },
  { header: '户籍地区划代码', width: 16, text: true },
  { header: '居住地区划代码', width: 16, text: true },
  { header: '居住社区', width: 16 },
  { header: '详细地址', width: 40 },
  { header: '居住状况', width: 14 },
  { header: '人群类别', width: 24 },
  { header: '状态', width: 8 },
  { header: '紧急联系人', width: 12 },
  { header: '联系人关系', width: 10 },
  { header: '联系人电话', width: 14, text: true },
];

const SEX_ZH: Readonly<Record<string, string>> = { male: '男', female: '女' };
const STATUS_ZH: Readonly<Record<string, string>> = { active: '在册', deceased: '已故', movedOut: '迁出' };
const isCategory = (value: string): value is ElderCategory =>
  (DECLARED_CATEGORIES as readonly string[]).includes(value);
const livingName = (value: string): string =>
  value in LIVING_SITUATION_NAMES_ZH
    ? LIVING_SITUATION_NAMES_ZH[value as keyof typeof LIVING_SITUATION_NAMES_ZH]
    : value;

/**
 * One export line (ENC-3): only masked ID numbers and phones; the street address only for roles
 * with address rights, else cut to the community. Strings are escaped by the sheet writer (API-8).
 */
export function elderExportCells(
  row: ElderExportRow,
  context: { today: IsoDate; regionName: string | undefined; fullAddress: boolean },
): (string | number | null)[] {
  const contact = (row.contacts as StoredContact[])[0];
  return [
    row.name,
    row.idNumberMasked,
    SEX_ZH[row.sex] ?? row.sex,
    row.birthDate,
    ageOn(row.birthDate as IsoDate, context.today),
    row.phoneMasked ?? '',
    row.hukouRegionCode ?? '',
    row.residenceRegionCode,
    context.regionName ?? '',
    context.fullAddress ? (row.address ?? '') : (context.regionName ?? ''),
    livingName(row.livingSituation),
    row.categories.map((category) => (isCategory(category) ? CATEGORY_NAMES_ZH[category] : category)).join('；'),
    STATUS_ZH[row.status] ?? row.status,
    contact?.name ?? '',
    contact?.relation ?? '',
    contact?.phoneMasked ?? '',
  ];
}
