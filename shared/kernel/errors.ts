/**
 * Typed errors. API handlers throw these; one middleware (shared/http/handler.ts) maps them to status codes.
 * Workflow tasks throw them too, so the state machine's Retry/Catch can match on `name`.
 */
export interface FieldError {
  path: string;
  code: string;
  message?: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(readonly fields: FieldError[], message = 'The request has invalid fields.') {
    super(400, 'VALIDATION_FAILED', message);
  }
}
export class NotFoundError extends AppError {
  constructor(message = 'Not found.') { super(404, 'NOT_FOUND', message); }
}
export class ConflictError extends AppError {
  constructor(code: string, message: string, readonly details?: Record<string, unknown>) { super(409, code, message); }
}
export class PayloadTooLargeError extends AppError {
  constructor(limit: number) { super(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${limit} bytes.`); }
}
export class UnsupportedMediaTypeError extends AppError {
  constructor(allowed: readonly string[]) { super(415, 'UNSUPPORTED_MEDIA_TYPE', `Send the body as ${allowed.join(' or ')}.`); }
}
export class IdempotencyKeyReusedError extends AppError {
  constructor() { super(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used with a different request body.'); }
}
export class UnauthorizedError extends AppError {
  constructor(message = 'Sign in first.') { super(401, 'UNAUTHORIZED', message); }
}
export class ForbiddenError extends AppError {
  constructor(message = 'Your role does not allow this.') { super(403, 'FORBIDDEN', message); }
}
/** A concurrent writer won; the caller may retry. Maps to 409 at the edge. */
export class WriteConflictError extends AppError {
  constructor(message = 'The record was changed by another request.', options?: { cause?: unknown }) { super(409, 'CONFLICT', message, options); }
}
