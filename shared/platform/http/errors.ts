import {
  ConflictError,
  DomainError,
  ForbiddenError,
  IdempotencyKeyReusedError,
  NotFoundError,
  TooManyAttemptsError,
  UnauthorizedError,
  ValidationError,
} from '../../kernel/errors';

/** The body is over the route's byte limit: a transport concern, so it lives at the HTTP edge. */
export class PayloadTooLargeError extends DomainError {
  constructor(limit: number) {
    super('PAYLOAD_TOO_LARGE', `The request body is larger than ${limit} bytes.`);
  }
}

/** The body's media type is not one the route accepts. */
export class UnsupportedMediaTypeError extends DomainError {
  constructor(allowed: readonly string[]) {
    super('UNSUPPORTED_MEDIA_TYPE', `Send the body as ${allowed.join(' or ')}.`);
  }
}

/** A service we depend on is down for a moment (../transient.ts): the client should try again after Retry-After. */
export class ServiceUnavailableError extends DomainError {
  constructor(options?: { cause?: unknown }) {
    super('SERVICE_UNAVAILABLE', 'The service is briefly unavailable. Nothing was saved; please try again in a few seconds.', options);
  }
}

/** The one table from error to HTTP status. The first matching class wins, so subclasses come before their bases. */
const STATUS: [new (...args: never[]) => DomainError, number][] = [
  [ValidationError, 400],
  [UnauthorizedError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
  [PayloadTooLargeError, 413],
  [UnsupportedMediaTypeError, 415],
  [IdempotencyKeyReusedError, 422],
  [TooManyAttemptsError, 429],
  [ServiceUnavailableError, 503],
];

/** The status for a client's mistake or a passing outage; undefined for anything else (a 500 that reveals nothing). */
export const statusOf = (error: unknown): number | undefined => {
  if (!(error instanceof DomainError)) return undefined;
  return STATUS.find(([type]) => error instanceof type)?.[1];
};
