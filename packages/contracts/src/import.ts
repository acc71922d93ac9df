import { z } from 'zod';
import { IdSchema, PageQuery, RegionCodeSchema, page } from './common.ts';
import { ElderFilters, type ElderCategory } from './elder.ts';

/** REG-6: the user chooses, after the preview, whether one bad row stops the whole file. */
export const IMPORT_MODES = ['allOrNothing', 'validRowsOnly'] as const;
export const ImportModeSchema = z.enum(IMPORT_MODES);
export type ImportMode = z.infer<typeof ImportModeSchema>;

export const IMPORT_STATUSES = ['validating', 'validated', 'importing', 'completed', 'failed', 'cancelled'] as const;
export const ImportStatusSchema = z.enum(IMPORT_STATUSES);
export type ImportStatus = z.infer<typeof ImportStatusSchema>;

/** Keys of the elder import template, in column order; each maps to a field of ElderCreateBody. */
export const ELDER_IMPORT_KEYS = [
  'name',
  'idNumber',
  'phone',
  'hukouRegionCode',
  'residenceRegionCode',
  'address',
  'lng',
  'lat',
  'livingSituation',
  'categories',
  'contactName',
  'contactRelation',
  'contactPhone',
] as const;
export type ElderImportKey = (typeof ELDER_IMPORT_KEYS)[number];

export type ImportColumn = {
  readonly key: ElderImportKey;
  /** The Chinese header of the template. */
  readonly header: string;
  /** Other headers accepted for the column (English names, common variants). */
  readonly aliases: readonly string[];
  /** The API field an error on this column names. */
  readonly field: string;
  readonly required: boolean;
  /** Written as a text cell (an 18-digit number as a number loses digits in Excel). */
  readonly text: boolean;
  readonly hint: string;
};

const column = (
  key: ElderImportKey,
  header: string,
  field: string,
  aliases: string[],
  options: { required?: boolean; text?: boolean; hint: string },
): ImportColumn => ({
  key,
  header,
  field,
  aliases,
  required: options.required ?? false,
  text: options.text ?? false,
  hint: options.hint,
});

export const ELDER_IMPORT_COLUMNS: readonly ImportColumn[] = [
  column('name', '姓名', 'name', ['name', 'fullname', '老人姓名'], { required: true, hint: '1–50 个字' }),
  column('idNumber', '身份证号', 'idNumber', ['idnumber', 'id_number', 'citizenid', '身份证号码', '公民身份号码'], {
    required: true,
    text: true,
    hint: '18 位，末位可为 X；请设为文本格式',
  }),
  column('phone', '手机号', 'phone', ['phone', 'mobile', '手机号码', '联系电话'], {
    text: true,
    hint: '11 位手机号，可空',
  }),
  column('hukouRegionCode', '户籍地区划代码', 'hukouRegionCode', ['hukouregioncode', 'hukou', '户籍区划代码'], {
    text: true,
    hint: '6、9 或 12 位行政区划代码，可空',
  }),
  column(
    'residenceRegionCode',
    '居住地区划代码',
    'residenceRegionCode',
    ['residenceregioncode', 'residence', '居住区划代码'],
    { required: true, text: true, hint: '9 或 12 位街道、社区代码' },
  ),
  column('address', '详细地址', 'address', ['address', '居住地址', '地址'], { hint: '不超过 200 字' }),
  column('lng', '经度', 'location.lng', ['lng', 'longitude', 'lon'], { hint: 'WGS-84，73.4–135.1，可空' }),
  column('lat', '纬度', 'location.lat', ['lat', 'latitude'], { hint: 'WGS-84，3.8–53.6，可空' }),
  column('livingSituation', '居住状况', 'livingSituation', ['livingsituation', 'living'], {
    hint: '独居、仅与配偶同住、与家人同住、入住机构；可空',
  }),
  column('categories', '人群类别', 'categories', ['categories', 'category', '类别'], {
    hint: '多个用分号分隔，如 低保;失智',
  }),
  column(
    'contactName',
    '紧急联系人',
    'contacts[0].name',
    ['contactname', 'emergencycontact', 'contact', '联系人', '联系人姓名'],
    { hint: '可空' },
  ),
  column('contactRelation', '联系人关系', 'contacts[0].relation', ['contactrelation', 'relation', '关系'], {
    hint: '如 子女、配偶',
  }),
  column('contactPhone', '联系人电话', 'contacts[0].phone', ['contactphone', '联系人手机', '联系人手机号'], {
    text: true,
    hint: '11 位手机号',
  }),
];

/** Chinese names of the declared categories (glossary.md), as written in the template and exports. */
export const CATEGORY_NAMES_ZH: Readonly<Record<ElderCategory, string>> = {
  extremePoverty: '特困',
  minimumLiving: '低保',
  nearMinimumLiving: '低边',
  familyPlanningSpecial: '计划生育特殊家庭',
  entitledGroup: '优抚',
  heroicAct: '见义勇为',
  leftBehind: '留守',
  severeDisability: '重残',
  dementia: '失智',
};

/** Longer names accepted on import beside CATEGORY_NAMES_ZH. */
export const CATEGORY_ALIASES_ZH: Readonly<Record<string, ElderCategory>> = {
  特困人员: 'extremePoverty',
  特困供养: 'extremePoverty',
  低保边缘: 'nearMinimumLiving',
  计生特殊家庭: 'familyPlanningSpecial',
  优抚对象: 'entitledGroup',
  留守老人: 'leftBehind',
  重度残疾: 'severeDisability',
  认知障碍: 'dementia',
};

export const LIVING_SITUATION_NAMES_ZH = {
  alone: '独居',
  coupleOnly: '仅与配偶同住',
  withFamily: '与家人同住',
  institution: '入住机构',
  unknown: '未知',
} as const;

export const LIVING_SITUATION_ALIASES_ZH: Readonly<Record<string, keyof typeof LIVING_SITUATION_NAMES_ZH>> = {
  空巢: 'coupleOnly',
  夫妻同住: 'coupleOnly',
  与配偶同住: 'coupleOnly',
  与子女同住: 'withFamily',
  与家人居住: 'withFamily',
  机构: 'institution',
  养老机构: 'institution',
};

/**
 * POST /api/imports/elders: optional narrowing of the import's region scope; `direct=true` validates
 * and imports the valid rows in one pass, without a preview (what the CLI does for valid-rows-only).
 */
export const ImportUploadQuery = z.object({
  regionCode: RegionCodeSchema.optional(),
  direct: z.enum(['true', 'false']).optional(),
});
export type ImportUploadQuery = z.infer<typeof ImportUploadQuery>;

export const ImportConfirmBody = z.strictObject({ mode: ImportModeSchema });
export type ImportConfirmBody = z.infer<typeof ImportConfirmBody>;

export const ImportFieldErrorDto = z.object({ field: z.string(), code: z.string(), message: z.string() });

/** A row of the preview: personal values masked (ENC-3), with the row's errors. */
export const ImportPreviewRow = z.object({
  rowNumber: z.number().int(),
  name: z.string(),
  idNumber: z.string().describe('masked'),
  phone: z.string().nullable().describe('masked'),
  residenceRegionCode: z.string(),
  livingSituation: z.string(),
  categories: z.array(z.string()),
  errors: z.array(ImportFieldErrorDto),
});
export type ImportPreviewRow = z.infer<typeof ImportPreviewRow>;
export const ImportPreview = z.array(ImportPreviewRow);

export const ImportErrorDto = z.object({
  rowNumber: z.number().int(),
  field: z.string(),
  code: z.string(),
  message: z.string(),
});
export type ImportErrorDto = z.infer<typeof ImportErrorDto>;

export const ImportJobDto = z.object({
  id: IdSchema,
  kind: z.string(),
  fileName: z.string(),
  fileHash: z.string(),
  mode: ImportModeSchema,
  status: ImportStatusSchema,
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  insertedRows: z.number().int(),
  existingRows: z.number().int(),
  invalidRows: z.number().int(),
  regionScope: z.array(z.string()),
  /** Validated and imported in one pass (valid rows only, no preview). */
  direct: z.boolean(),
  /** Where the last interrupted run was picked up again (row count already processed), or null. */
  resumedFromRow: z.number().int().nullable(),
  resumeCount: z.number().int(),
  failure: z.string().nullable(),
  /** The first rows, masked; present while the job waits for confirmation. */
  preview: ImportPreview.optional(),
  /** The first row errors, once validated (the full list is the error report). */
  errorsSample: z.array(ImportErrorDto).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ImportJobDto = z.infer<typeof ImportJobDto>;

export const ImportListQuery = PageQuery;
export type ImportListQuery = z.infer<typeof ImportListQuery>;
export const ImportPage = page(ImportJobDto);

export const ImportErrorList = z.object({ items: z.array(ImportErrorDto) });

/** GET /api/exports/elders.xlsx: the filters of GET /api/elders, without paging (the file holds every match). */
export const ElderExportQuery = ElderFilters;
export type ElderExportQuery = z.infer<typeof ElderExportQuery>;
