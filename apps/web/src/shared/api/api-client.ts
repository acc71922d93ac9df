import type { z } from 'zod';
import { ErrorResponse } from '@kangyang/contracts/common';

/** The header the server requires on every cookie-authenticated write (security.md API-7). */
export const CSRF_HEADER = 'X-Kangyang-Csrf';

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Readonly<Record<string, QueryValue>>;
type Method = 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * A failed call. `code` is the server's error code (errors.ts), or `NETWORK` / `BAD_RESPONSE` for
 * failures the server never answered; `message` is the server's text in the chosen language.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly details: unknown;
  readonly requestId: string | undefined;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    field?: string;
    details?: unknown;
    requestId?: string;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.field = init.field;
    this.details = init.details;
    this.requestId = init.requestId;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

export type ApiClient = {
  readonly locale: string;
  get<T>(path: string, schema: z.ZodType<T>, query?: QueryParams): Promise<T>;
  send<T>(
    method: Method,
    path: string,
    schema: z.ZodType<T>,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<T>;
  upload<T>(path: string, schema: z.ZodType<T>, form: FormData): Promise<T>;
  /** A GET whose answer is a file (exports, templates, error reports). */
  download(path: string, query?: QueryParams): Promise<{ blob: Blob; fileName: string | undefined }>;
};

/** `?a=1&b=x`, leaving out empty values. */
export function queryString(query: QueryParams | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function jsonOf(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

async function errorOf(response: Response): Promise<ApiError> {
  const parsed = ErrorResponse.safeParse(jsonOf(await response.text().catch(() => '')));
  if (!parsed.success) return new ApiError({ status: response.status, code: 'BAD_RESPONSE', message: '' });
  const { code, message, field, details, requestId } = parsed.data.error;
  return new ApiError({
    status: response.status,
    code,
    message,
    ...(field === undefined ? {} : { field }),
    details,
    ...(requestId === undefined ? {} : { requestId }),
  });
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, path: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  console.error(`unexpected response from ${path}`, parsed.error.issues);
  throw new ApiError({ status: 200, code: 'BAD_RESPONSE', message: '' });
}

/** The file name of a `Content-Disposition` header (RFC 5987 `filename*` first). */
export function fileNameOf(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) return decodeURIComponent(extended[1].trim());
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1]?.trim();
}

/**
 * The one way the web app calls the API: the session cookie (same origin), `Accept-Language` from
 * the chosen locale, the CSRF header on writes, zod-parsed answers and coded errors.
 */
export function createApiClient(locale: string): ApiClient {
  const call = async (path: string, init: RequestInit): Promise<Response> => {
    const headers = new Headers(init.headers);
    headers.set('Accept-Language', locale);
    if (init.method && init.method !== 'GET') headers.set(CSRF_HEADER, '1');
    let response: Response;
    try {
      response = await fetch(path, { ...init, headers, credentials: 'same-origin', cache: 'no-store' });
    } catch {
      throw new ApiError({ status: 0, code: 'NETWORK', message: '' });
    }
    if (!response.ok) throw await errorOf(response);
    return response;
  };
  const json = async <T>(path: string, schema: z.ZodType<T>, init: RequestInit): Promise<T> => {
    const response = await call(path, init);
    if (response.status === 204) return parseWith(schema, null, path);
    const body: unknown = await response.json().catch(() => undefined);
    return parseWith(schema, body, path);
  };
  return {
    locale,
    get: (path, schema, query) => json(path + queryString(query), schema, { method: 'GET' }),
    send: (method, path, schema, body, headers) =>
      json(path, schema, {
        method,
        headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    upload: (path, schema, form) => json(path, schema, { method: 'POST', body: form }),
    download: async (path, query) => {
      const response = await call(path + queryString(query), { method: 'GET' });
      return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('Content-Disposition')) };
    },
  };
}
