import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import {
  ERROR_STATUS,
  errorMessage,
  localeFromAcceptLanguage,
  type ErrorBody,
  type ErrorCode,
  type ErrorParams,
} from '@kangyang/contracts/errors';
import { isAppError } from '@kangyang/services';

/** `/contacts/1/phone` → `contacts[1].phone` (security.md §5: field is the JSON path of the value). */
export function fieldPath(instancePath: string): string {
  return instancePath
    .split('/')
    .filter((part) => part !== '')
    .map((part, index) => (/^\d+$/.test(part) ? `[${part}]` : index === 0 ? part : `.${part}`))
    .join('');
}

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  params: ErrorParams = {},
  field?: string,
  details?: unknown,
): FastifyReply {
  const locale = localeFromAcceptLanguage(request.headers['accept-language']);
  const body: ErrorBody = {
    error: {
      code,
      message: errorMessage(code, locale, { requestId: request.id, ...params }),
      ...(field ? { field } : {}),
      ...(details === undefined ? {} : { details }),
    },
  };
  const retryAfter = params['retryAfterSeconds'];
  if (retryAfter !== undefined) void reply.header('Retry-After', String(retryAfter));
  return reply.code(ERROR_STATUS[code]).send(body);
}

/** One entry of fastify-type-provider-zod's `validation`: the zod issue's code is the keyword, its other keys the params. */
type ValidationItem = { instancePath: string; message?: string; keyword?: string; params?: unknown };

function validationError(
  request: FastifyRequest,
  reply: FastifyReply,
  error: { validation: ValidationItem[]; validationContext?: string },
) {
  const first = error.validation[0];
  const field = fieldPath(first?.instancePath ?? '') || error.validationContext || 'body';
  if (field === 'limit' && first?.keyword === 'too_big') {
    const maximum = (first.params as { maximum?: unknown } | undefined)?.maximum;
    return sendError(request, reply, 'LIMIT_TOO_LARGE', { max: String(maximum ?? '') }, 'limit');
  }
  const details = error.validation
    .slice(0, 20)
    .map((item) => ({ field: fieldPath(item.instancePath) || field, message: item.message }));
  return sendError(
    request,
    reply,
    'VALIDATION_FAILED',
    { field, detail: first?.message ? `（${first.message}）` : '' },
    field,
    details,
  );
}

const FASTIFY_CODES: Readonly<Record<string, ErrorCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
  FST_ERR_NOT_FOUND: 'NOT_FOUND',
  FST_REQ_FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_FILES_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

/** One error shape (API-6): coded, localised, never a stack trace or SQL in a reply. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isAppError(error)) return sendError(request, reply, error.code, error.params, error.field, error.details);
    if (hasZodFastifySchemaValidationErrors(error)) return validationError(request, reply, error);
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped)
      return sendError(
        request,
        reply,
        mapped,
        { field: 'body', detail: '' },
        mapped === 'VALIDATION_FAILED' ? 'body' : undefined,
      );
    if (error instanceof SyntaxError || error.statusCode === 400) return sendError(request, reply, 'INVALID_JSON');
    if (error.statusCode === 413) return sendError(request, reply, 'PAYLOAD_TOO_LARGE');
    if (error.statusCode === 415) return sendError(request, reply, 'UNSUPPORTED_MEDIA_TYPE');
    request.log.error({ err: error }, 'unexpected error');
    return sendError(request, reply, 'INTERNAL');
  });
}
