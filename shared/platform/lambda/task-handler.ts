import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import { DomainError } from '../../kernel/errors';
import { validate } from '../../kernel/validate';
import { logger, metrics, tracer } from '../observability';
import { isTransientFault, RETRIED_FAULT_NAMES, TRANSIENT_FAULT_NAME } from '../transient';

/** The task input did not match its schema: a bug in the state machine, never retried. */
export class TaskInputError extends Error {
  override name = 'TaskInputError';
}

/**
 * A service down for a moment, reported under a name the state machine retries: the SDK's own error for a refused or
 * reset connection is a plain `Error`, which the workflow would treat as a bug and send to RecordFailure.
 */
export class ServiceUnavailable extends Error {
  override name = TRANSIENT_FAULT_NAME;
}

/** Errors pass by name (Retry/Catch match them); a transient fault under another name is renamed. */
const nameTransientFault = (error: unknown): never => {
  if (error instanceof DomainError || !isTransientFault(error) || RETRIED_FAULT_NAMES.includes((error as Error).name)) throw error;
  throw new ServiceUnavailable((error as Error).message, { cause: error });
};

/**
 * The wrapper of every workflow task and of the scheduled job: the Powertools tracer's handler subsegment, metrics
 * flushed after every invocation (errors included, with a ColdStart metric on the first), the logger context, the
 * task input validated with its schema, and errors left to propagate by name so that the state machine's Retry and
 * Catch can match them. A task never returns an error object: that would let the workflow record a failure as
 * success. Every error here is a fault and goes on the trace; task results stay off it, like HTTP responses.
 */
export const taskHandler = <S extends z.ZodMiniType, R>(schema: S, fn: (input: z.infer<S>, context: Context) => Promise<R>) =>
  middy<unknown, R>()
    .use(captureLambdaHandler(tracer, { captureResponse: false }))
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event, context) => {
      let input: z.infer<S>;
      try {
        input = validate(schema, event);
      } catch (error) {
        throw new TaskInputError(`Invalid task input: ${JSON.stringify((error as { fields?: unknown }).fields ?? String(error))}`);
      }
      const reference = (input as { reference?: string }).reference;
      if (reference) logger.appendKeys({ reference });
      return fn(input, context).catch(nameTransientFault);
    });
