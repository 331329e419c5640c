import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import { TRANSIENT_ERRORS } from '../../infra/constructs/claim-workflow';
import { lambdaContext } from '../../infra/local/gateway';
import { httpHandler } from '../../shared/platform/http/handler';
import { json } from '../../shared/platform/http/responses';
import { taskHandler } from '../../shared/platform/lambda/task-handler';
import { RETRIED_FAULT_NAMES } from '../../shared/platform/transient';

/**
 * A service we depend on that is down for a moment (DynamoDB restarting, throttling, a 5xx) is not our bug and not the
 * client's: the HTTP edge answers 503 with Retry-After, so a client (or the family's browser) tries again, and a
 * workflow task fails under a name the state machine retries.
 *
 * The error is the one the AWS SDK throws when DynamoDB refuses the connection, after its own retries: Node's socket
 * error with its `code`, and the SDK's `$metadata` (as seen on the twin with DynamoDB Local stopped). It is built here
 * because under Jest the SDK gets the socket error from another realm and wraps it into a plain message, losing the
 * code, which a real process keeps.
 */
const connectionRefused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), {
    errno: -111,
    code: 'ECONNREFUSED',
    syscall: 'connect',
    address: '127.0.0.1',
    port: 8000,
    $metadata: { attempts: 4, totalRetryDelay: 64 },
  });

const event = (body = '{}') =>
  ({
    routeKey: 'POST /things',
    rawPath: '/things',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    requestContext: { http: { method: 'POST' } },
    body,
    isBase64Encoded: false,
  }) as unknown as APIGatewayProxyEventV2;

describe('a dependency that is down for a moment', () => {
  it('is a 503 with Retry-After in the api.md error shape, not a 500', async () => {
    const error = connectionRefused();
    const handler = httpHandler(
      async () => {
        throw error;
      },
      { accepts: ['json'] },
    );
    const res = (await handler(event(), lambdaContext('test'))) as { statusCode: number; headers: Record<string, string>; body: string };
    expect(res.statusCode).toBe(503);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.parse(res.body)).toEqual({ error: 'SERVICE_UNAVAILABLE', message: expect.any(String) });
  });

  it('is a 503 for throttling and for a 5xx from the service too; any other error stays a 500', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } });
    const serverError = Object.assign(new Error('We encountered an internal error'), {
      name: 'InternalServerError',
      $metadata: { httpStatusCode: 500 },
    });
    const bug = new TypeError("Cannot read properties of undefined (reading 'x')");
    const statusFor = async (error: Error) => {
      const handler = httpHandler(
        async () => {
          throw error;
        },
        { accepts: ['json'] },
      );
      return ((await handler(event(), lambdaContext('test'))) as { statusCode: number }).statusCode;
    };
    expect(await statusFor(throttled)).toBe(503);
    expect(await statusFor(serverError)).toBe(503);
    expect(await statusFor(bug)).toBe(500);
  });

  it('lets a page answer it in its own way (the claim form comes back with its values)', async () => {
    const error = connectionRefused();
    const handler = httpHandler(
      async () => {
        throw error;
      },
      { accepts: ['json'], renderError: (e, status) => json(status, { page: e.code }) },
    );
    const res = (await handler(event(), lambdaContext('test'))) as { statusCode: number; headers: Record<string, string>; body: string };
    expect(res.statusCode).toBe(503);
    expect(JSON.parse(res.body)).toEqual({ page: 'SERVICE_UNAVAILABLE' });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('fails a workflow task under a name the state machine retries', async () => {
    const error = connectionRefused();
    const task = taskHandler(z.object({ reference: z.string() }), async () => {
      throw error;
    });
    const failure = await task({ reference: 'SNT-2026-ABCDEF' }, lambdaContext('test')).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(TRANSIENT_ERRORS).toContain(failure?.name);
    expect(failure?.message).toContain('ECONNREFUSED');
  });

  it('keeps the AWS names the state machine retries, and retries every one of them', async () => {
    for (const name of RETRIED_FAULT_NAMES) expect(TRANSIENT_ERRORS).toContain(name);
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } });
    const task = taskHandler(z.object({}), async () => {
      throw throttled;
    });
    await expect(task({}, lambdaContext('test'))).rejects.toBe(throttled);
  });

  it('leaves the task errors the workflow routes on by name as they are', async () => {
    class BankRejectedError extends Error {
      override name = 'BankRejectedError';
    }
    const task = taskHandler(z.object({}), async () => {
      throw new BankRejectedError('account closed');
    });
    await expect(task({}, lambdaContext('test'))).rejects.toMatchObject({ name: 'BankRejectedError' });
  });
});
