/**
 * A fault of a service we depend on that goes away by itself: the connection refused or reset (DynamoDB restarting,
 * a network blip), a timeout, throttling, or a 5xx answer, once the AWS SDK's own retries are spent. Not a bug in our
 * code and not the client's mistake: the HTTP edge answers 503 with Retry-After (./http/handler.ts), and a workflow
 * task fails under a name the state machine retries (./lambda/task-handler.ts).
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** AWS error names that mean "try again later" (the SDK's throttling and transient lists, as names). */
const TRANSIENT_NAMES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TransactionInProgressException',
  'SlowDown',
  'InternalServerError',
  'InternalFailure',
  'ServiceUnavailable',
]);

export const isTransientFault = (error: unknown): boolean => {
  // By shape, not `instanceof Error`: Node's socket errors come from another realm under Jest.
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; code?: unknown; $metadata?: { httpStatusCode?: number } };
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return true;
  if (typeof e.name === 'string' && TRANSIENT_NAMES.has(e.name)) return true;
  return (e.$metadata?.httpStatusCode ?? 0) >= 500;
};

/** The name under which a workflow task reports a transient fault; the state machine's Retry lists it. */
export const TRANSIENT_FAULT_NAME = 'ServiceUnavailable';
/** AWS's own names the state machine's Retry lists too: a task error with one of them keeps it. */
export const RETRIED_FAULT_NAMES: readonly string[] = [
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'InternalServerError',
  TRANSIENT_FAULT_NAME,
];

/** Seconds a client should wait before trying again (Retry-After): a restart or a throttling burst is over by then. */
export const RETRY_AFTER_SECONDS = 5;
