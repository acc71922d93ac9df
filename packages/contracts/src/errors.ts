/**
 * Every expected failure has one code, one HTTP status and a message in zh-CN and en-US.
 * A code missing a translation fails the typecheck (`satisfies Record<ErrorCode, string>`).
 * Messages may hold `{placeholder}`s filled from the error's params.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  ID_NUMBER_LEGACY_15: 400,
  ID_NUMBER_LENGTH: 400,
  ID_NUMBER_FORMAT: 400,
  ID_NUMBER_REGION: 400,
  ID_NUMBER_BIRTH_DATE: 400,
  ID_NUMBER_BIRTH_FUTURE: 400,
  ID_NUMBER_CHECKSUM: 400,
  CREDIT_CODE_LENGTH: 400,
  CREDIT_CODE_FORMAT: 400,
  CREDIT_CODE_CHECKSUM: 400,
  ELDER_UNDER_MINIMUM_AGE: 400,
  PHONE_FORMAT: 400,
  REGION_UNKNOWN: 400,
  LIMIT_TOO_LARGE: 400,
  IDEMPOTENCY_KEY_REQUIRED: 400,
  IMPORT_FILE_INVALID: 400,
  IMPORT_HEADER_MISSING: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TOTP_REQUIRED: 401,
  TOTP_INVALID: 401,
  FORBIDDEN: 403,
  REGION_OUT_OF_SCOPE: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ELDER_DUPLICATE: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  IDEMPOTENCY_IN_PROGRESS: 409,
  VERSION_CONFLICT: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IMPORT_NOT_READY: 409,
  ACCOUNT_LOCKED: 423,
  VERSION_REQUIRED: 428,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  DATA_DIR_LOCKED: 503,
  DRAINING: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const errorsZhCN = {
  VALIDATION_FAILED: '输入有误：{field}{detail}',
  INVALID_JSON: '请求体不是有效的 JSON',
  ID_NUMBER_LEGACY_15: '不接受 15 位旧身份证号，请填写 18 位号码',
  ID_NUMBER_LENGTH: '身份证号应为 18 位',
  ID_NUMBER_FORMAT: '身份证号格式不正确：前 17 位应为数字，最后一位为数字或 X',
  ID_NUMBER_REGION: '身份证号的前几位不是有效的地区或证件类型代码',
  ID_NUMBER_BIRTH_DATE: '身份证号中的出生日期不存在或早于 1900 年',
  ID_NUMBER_BIRTH_FUTURE: '身份证号中的出生日期晚于今天',
  ID_NUMBER_CHECKSUM: '身份证号校验位不正确',
  CREDIT_CODE_LENGTH: '统一社会信用代码应为 18 位',
  CREDIT_CODE_FORMAT: '统一社会信用代码含有无效字符',
  CREDIT_CODE_CHECKSUM: '统一社会信用代码校验位不正确',
  ELDER_UNDER_MINIMUM_AGE: '不登记未满 14 周岁人员的信息',
  PHONE_FORMAT: '手机号格式不正确：应为 11 位，以 1 开头',
  REGION_UNKNOWN: '行政区划代码不存在：{code}',
  LIMIT_TOO_LARGE: '每页条数不能超过 {max}',
  IDEMPOTENCY_KEY_REQUIRED: '此操作需要 Idempotency-Key 请求头',
  IMPORT_FILE_INVALID: '导入文件无法读取：{detail}',
  IMPORT_HEADER_MISSING: '导入文件缺少列：{column}',
  UNAUTHENTICATED: '请先登录',
  INVALID_CREDENTIALS: '用户名或密码错误',
  TOTP_REQUIRED: '请输入动态验证码',
  TOTP_INVALID: '动态验证码错误或已使用',
  FORBIDDEN: '没有执行此操作的权限',
  REGION_OUT_OF_SCOPE: '所选区划不在您的管辖范围内',
  NOT_FOUND: '记录不存在',
  CONFLICT: '与现有数据冲突',
  ELDER_DUPLICATE: '该身份证号已登记',
  IDEMPOTENCY_KEY_REUSED: '幂等键已用于另一请求',
  IDEMPOTENCY_IN_PROGRESS: '相同请求正在处理中，请稍候',
  VERSION_CONFLICT: '记录已被他人修改（当前版本 {current}），请刷新后重试',
  PAYLOAD_TOO_LARGE: '请求体过大',
  UNSUPPORTED_MEDIA_TYPE: '不支持的内容类型',
  IMPORT_NOT_READY: '导入任务当前状态为 {status}，不能执行此操作',
  ACCOUNT_LOCKED: '登录失败次数过多，账号已锁定，请 {retryAfterSeconds} 秒后再试',
  VERSION_REQUIRED: '修改需要 If-Match 版本号',
  RATE_LIMITED: '请求过于频繁，请 {retryAfterSeconds} 秒后再试',
  INTERNAL: '系统内部错误，请联系管理员（请求编号 {requestId}）',
  DATA_DIR_LOCKED: '数据目录已被另一进程占用：{holder}',
  DRAINING: '系统正在停止，请稍后重试',
} as const satisfies Record<ErrorCode, string>;

export const errorsEnUS = {
  VALIDATION_FAILED: 'Invalid input: {field}{detail}',
  INVALID_JSON: 'The request body is not valid JSON',
  ID_NUMBER_LEGACY_15: '15-digit ID numbers are not accepted; enter the 18-digit number',
  ID_NUMBER_LENGTH: 'The ID number must have 18 characters',
  ID_NUMBER_FORMAT: 'The ID number must be 17 digits followed by a digit or X',
  ID_NUMBER_REGION: 'The first digits of the ID number are not a valid region or document kind',
  ID_NUMBER_BIRTH_DATE: 'The birth date inside the ID number does not exist or is before 1900',
  ID_NUMBER_BIRTH_FUTURE: 'The birth date inside the ID number is after today',
  ID_NUMBER_CHECKSUM: 'The check character of the ID number is wrong',
  CREDIT_CODE_LENGTH: 'The unified social credit code must have 18 characters',
  CREDIT_CODE_FORMAT: 'The unified social credit code has invalid characters',
  CREDIT_CODE_CHECKSUM: 'The check character of the unified social credit code is wrong',
  ELDER_UNDER_MINIMUM_AGE: 'People under 14 are not registered',
  PHONE_FORMAT: 'The mobile number must have 11 digits starting with 1',
  REGION_UNKNOWN: 'Unknown region code: {code}',
  LIMIT_TOO_LARGE: 'A page holds at most {max} items',
  IDEMPOTENCY_KEY_REQUIRED: 'This operation needs an Idempotency-Key header',
  IMPORT_FILE_INVALID: 'The import file cannot be read: {detail}',
  IMPORT_HEADER_MISSING: 'The import file lacks the column: {column}',
  UNAUTHENTICATED: 'Please sign in',
  INVALID_CREDENTIALS: 'Wrong username or password',
  TOTP_REQUIRED: 'Enter the code from your authenticator app',
  TOTP_INVALID: 'The authenticator code is wrong or already used',
  FORBIDDEN: 'You do not have permission for this action',
  REGION_OUT_OF_SCOPE: 'The region is outside your scope',
  NOT_FOUND: 'Not found',
  CONFLICT: 'This conflicts with existing data',
  ELDER_DUPLICATE: 'This ID number is already registered',
  IDEMPOTENCY_KEY_REUSED: 'The idempotency key was used for another request',
  IDEMPOTENCY_IN_PROGRESS: 'The same request is still being processed',
  VERSION_CONFLICT: 'The record was changed by someone else (now version {current}); reload and retry',
  PAYLOAD_TOO_LARGE: 'The request body is too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported content type',
  IMPORT_NOT_READY: 'The import is {status} and cannot do this',
  ACCOUNT_LOCKED: 'Too many failed sign-ins; the account is locked for {retryAfterSeconds} s',
  VERSION_REQUIRED: 'Changes need an If-Match version',
  RATE_LIMITED: 'Too many requests; retry in {retryAfterSeconds} s',
  INTERNAL: 'Internal error; tell the administrator (request {requestId})',
  DATA_DIR_LOCKED: 'The data directory is held by another process: {holder}',
  DRAINING: 'The platform is shutting down; retry shortly',
} as const satisfies Record<ErrorCode, string>;

export type Locale = 'zh-CN' | 'en-US';

export type ErrorParams = Readonly<Record<string, string | number>>;

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_STATUS, value);
}

export function errorMessage(code: ErrorCode, locale: Locale, params: ErrorParams = {}): string {
  const template: string = locale === 'en-US' ? errorsEnUS[code] : errorsZhCN[code];
  return template.replace(/\{(\w+)\}/g, (_whole, name: string) => String(params[name] ?? ''));
}

/** Picks zh-CN unless the Accept-Language header prefers English. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return 'zh-CN';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en-US' : 'zh-CN';
}

export type ErrorBody = {
  error: { code: ErrorCode; field?: string; message: string; details?: unknown; requestId?: string };
};
