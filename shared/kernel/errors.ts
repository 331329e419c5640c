/**
 * Errors named by what went wrong, for every layer. They carry an api.md error code and, for invalid input, the
 * fields; never an HTTP status: the HTTP edge (shared/platform/http/error-status.ts) chooses the status in one
 * place. Workflow tasks throw them too, so the state machine's Retry/Catch can match on `name`.
 */
export interface FieldError {
  path: string;
  code: string;
  message?: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The input breaks a rule; `fields` says which and why (message codes, translated at the edge). */
export class ValidationError extends DomainError {
  constructor(
    readonly fields: FieldError[],
    message = 'The request has invalid fields.',
  ) {
    super('VALIDATION_FAILED', message);
  }
}

/** Nothing by that id, or nothing the caller may see (the same answer, so ids cannot be probed). */
export class NotFoundError extends DomainError {
  constructor(message = 'Not found.') {
    super('NOT_FOUND', message);
  }
}

/** The request is valid but the state does not allow it (a duplicate claim, a claim that awaits no decision). */
export class ConflictError extends DomainError {
  constructor(
    code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(code, message);
  }
}

/** A concurrent writer won; the caller may retry. */
export class WriteConflictError extends ConflictError {
  constructor(message = 'The record was changed by another request.', options?: { cause?: unknown }) {
    super('CONFLICT', message);
    if (options?.cause !== undefined) Object.defineProperty(this, 'cause', { value: options.cause });
  }
}

/** The same idempotency key came back with a different request. */
export class IdempotencyKeyReusedError extends DomainError {
  constructor() {
    super('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used with a different request body.');
  }
}

/** Nobody signed in, or the credentials are not valid. */
export class UnauthorizedError extends DomainError {
  constructor(message = 'Sign in first.') {
    super('UNAUTHORIZED', message);
  }
}

/** Signed in, but this person may not do this (role, scope, the two-person rule, a form without its session token). */
export class ForbiddenError extends DomainError {
  constructor(message = 'Your role does not allow this.', code = 'FORBIDDEN') {
    super(code, message);
  }
}

/**
 * Too many failed attempts in a while (wrong claimant NIKs on one claim reference): nothing is checked until
 * `retryAfterSeconds` have passed.
 */
export class TooManyAttemptsError extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    message = 'Too many attempts with a wrong claimant NIK for this claim. Try again later.',
  ) {
    super('TOO_MANY_ATTEMPTS', message);
  }
}
