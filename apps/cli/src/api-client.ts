import { createWriteStream, openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { ErrorResponse } from '@kangyang/contracts/common';

/** Any schema of contracts: replies are parsed, never cast (architecture.md §6). */
type Schema<T> = { parse(value: unknown): T };

/** A coded error reply of the server (API-6). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** The CLI's way through a running server (`--server URL --token TOKEN`): the same API as the web. */
export function createApiClient(server: { url: string; token: string }) {
  const headers = { authorization: `Bearer ${server.token}`, 'accept-language': 'zh-CN', 'user-agent': 'kangyang-cli' };

  async function send(
    method: string,
    path: string,
    init: { body?: FormData | string; json?: unknown } = {},
  ): Promise<Response> {
    const body = init.json === undefined ? init.body : JSON.stringify(init.json);
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { ...headers, ...(init.json === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body }),
    });
    if (response.ok) return response;
    const parsed = ErrorResponse.safeParse(await response.json().catch(() => undefined));
    throw parsed.success
      ? new ApiError(response.status, parsed.data.error.code, parsed.data.error.message)
      : new ApiError(response.status, 'HTTP_ERROR', `HTTP ${response.status}`);
  }

  return {
    async json<T>(schema: Schema<T>, method: string, path: string, payload?: unknown): Promise<T> {
      const response = await send(method, path, payload === undefined ? {} : { json: payload });
      return schema.parse(await response.json());
    },
    async upload<T>(schema: Schema<T>, path: string, file: string): Promise<T> {
      const form = new FormData();
      form.append('file', await openAsBlob(file), basename(file));
      const response = await send('POST', path, { body: form });
      return schema.parse(await response.json());
    },
    async download(path: string, target: string): Promise<void> {
      const response = await send('GET', path);
      if (!response.body) throw new ApiError(response.status, 'HTTP_ERROR', 'empty reply');
      await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), createWriteStream(target));
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
