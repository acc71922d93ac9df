import { isErrorCode, type ErrorCode, type ErrorParams } from '@kangyang/contracts/errors';

/** The one expected-failure type: a code (status and messages come from contracts), params and a field. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  readonly field: string | undefined;
  readonly details: unknown;
  constructor(code: ErrorCode, params: ErrorParams = {}, field?: string, details?: unknown) {
    super(code);
    this.code = code;
    this.params = params;
    this.field = field;
    this.details = details;
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

/** Turns a pure rule's field error into an AppError; an unknown code becomes VALIDATION_FAILED. */
export function fieldError(error: { code: string; field: string; params?: ErrorParams | undefined }): AppError {
  const params = error.params ?? { field: error.field, detail: '' };
  return isErrorCode(error.code)
    ? new AppError(error.code, params, error.field)
    : new AppError('VALIDATION_FAILED', params, error.field);
}
