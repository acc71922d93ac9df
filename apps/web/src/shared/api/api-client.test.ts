import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, createApiClient, fileNameOf, queryString } from './api-client.ts';

type Call = { url: string; init: RequestInit };

function fakeFetch(status: number, body: unknown, calls: Call[]) {
  return vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(body === null ? null : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('web API client (API-7, PLT-4, API-6)', () => {
  it('builds query strings without empty values', () => {
    expect(queryString({ name: '王', limit: 20, category: undefined, status: '' })).toBe('?name=%E7%8E%8B&limit=20');
    expect(queryString({})).toBe('');
  });

  it('reads RFC 5987 and plain file names from Content-Disposition', () => {
    expect(fileNameOf("attachment; filename*=UTF-8''%E8%80%81%E5%B9%B4%E4%BA%BA.xlsx")).toBe('老年人.xlsx');
    expect(fileNameOf('attachment; filename="elders.xlsx"')).toBe('elders.xlsx');
    expect(fileNameOf(null)).toBeUndefined();
  });

  it('sends Accept-Language of the chosen locale on reads, and the CSRF header only on writes', async () => {
    const calls: Call[] = [];
    vi.stubGlobal('fetch', fakeFetch(200, { ok: true }, calls));
    const api = createApiClient('en-US');
    await api.get('/api/x', z.object({ ok: z.boolean() }));
    await api.send('POST', '/api/y', z.object({ ok: z.boolean() }), { a: 1 });
    const [read, write] = calls.map((call) => new Headers(call.init.headers));
    expect(read?.get('Accept-Language')).toBe('en-US');
    expect(read?.get('X-Kangyang-Csrf')).toBeNull();
    expect(write?.get('X-Kangyang-Csrf')).toBe('1');
    expect(calls[1]?.init.credentials).toBe('same-origin');
  });

  it('turns the one error shape into an ApiError with code, field and the server message', async () => {
    const calls: Call[] = [];
    const body = { error: { code: 'PHONE_FORMAT', field: 'phone', message: '手机号格式不正确' } };
    vi.stubGlobal('fetch', fakeFetch(400, body, calls));
    const failure = await createApiClient('zh-CN')
      .send('PATCH', '/api/elders/1', z.unknown(), {})
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 400, code: 'PHONE_FORMAT', field: 'phone', message: '手机号格式不正确' });
  });

  it('refuses an answer that does not match the contract (BAD_RESPONSE), never passing it on', async () => {
    vi.stubGlobal('fetch', fakeFetch(200, { items: 'nope' }, []));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(
      createApiClient('zh-CN').get('/api/x', z.object({ items: z.array(z.string()) })),
    ).rejects.toMatchObject({
      code: 'BAD_RESPONSE',
    });
    expect(logged).toHaveBeenCalledOnce();
  });
});
