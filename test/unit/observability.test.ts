import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import { lambdaContext } from '../../infra/local/gateway';

/**
 * The handler wrappers give every function metrics (EMF on stdout, with a ColdStart metric) and tracing, switched by
 * the Powertools variables as in Lambda, the twin and the tests. No services: Powertools reads its variables when its
 * objects are built, so each case loads the observability module afresh under the environment it sets.
 */
type Wrappers = {
  taskHandler: typeof import('../../shared/platform/lambda/task-handler').taskHandler;
  httpHandler: typeof import('../../shared/platform/http/handler').httpHandler;
  observability: typeof import('../../shared/platform/observability');
  /** From the same module registry as the wrappers, so that `instanceof AppError` holds. */
  errors: typeof import('../../shared/kernel/errors');
};

const loadWith = async (env: Record<string, string | undefined>): Promise<Wrappers> => {
  // As on the twin: without it, loading the X-Ray SDK turns on async hooks for the rest of this Jest worker.
  for (const [name, value] of Object.entries({ AWS_XRAY_MANUAL_MODE: 'true', ...env })) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  let loaded: Wrappers | undefined;
  await jest.isolateModulesAsync(async () => {
    loaded = {
      taskHandler: (await import('../../shared/platform/lambda/task-handler')).taskHandler,
      httpHandler: (await import('../../shared/platform/http/handler')).httpHandler,
      observability: await import('../../shared/platform/observability'),
      errors: await import('../../shared/kernel/errors'),
    };
  });
  return loaded!;
};

/** Everything written to stdout and stderr while `run` runs, as lines. */
const captureOutput = async (run: () => Promise<unknown>): Promise<{ stdout: string[]; stderr: string[] }> => {
  const out = { stdout: [] as string[], stderr: [] as string[] };
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out.stdout.push(String(chunk));
    return true;
  });
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    out.stderr.push(String(chunk));
    return true;
  });
  try {
    await run();
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  return { stdout: out.stdout.join('').split('\n').filter(Boolean), stderr: out.stderr.join('').split('\n').filter(Boolean) };
};

const emf = (lines: string[]) => lines.map((l) => JSON.parse(l) as Record<string, any>).filter((l) => l._aws);

const httpEvent = (body: string): APIGatewayProxyEventV2 =>
  ({
    routeKey: 'POST /things',
    rawPath: '/things',
    headers: { 'content-type': 'application/json' },
    requestContext: { http: { method: 'POST' } },
    body,
    isBase64Encoded: false,
  }) as unknown as APIGatewayProxyEventV2;

const saved = { ...process.env };
afterEach(() => {
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
  Object.assign(process.env, saved);
});

describe('metrics in the handler wrappers', () => {
  // As Lambda sets them for an on-demand function (the ColdStart metric needs AWS_LAMBDA_INITIALIZATION_TYPE).
  const enabled = {
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    POWERTOOLS_METRICS_DISABLED: 'false',
    POWERTOOLS_METRICS_NAMESPACE: 'Santunan',
    POWERTOOLS_SERVICE_NAME: 'santunan',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
  };

  it('a task flushes its business metrics as EMF after each invocation, with a ColdStart metric on the first only', async () => {
    // Arrange
    const { taskHandler, observability } = await loadWith(enabled);
    const { metrics, MetricUnit } = observability;
    const handler = taskHandler(z.object({ amount: z.number() }), async ({ amount }) => {
      metrics.addMetric('AmountPaidIdr', MetricUnit.NoUnit, amount);
      return { ok: true };
    });

    // Act
    const first = await captureOutput(() => handler({ amount: 1_000 }, lambdaContext('payClaim')));
    const second = await captureOutput(() => handler({ amount: 2_000 }, lambdaContext('payClaim')));

    // Assert
    const [coldStart, business] = emf(first.stdout);
    expect(emf(first.stdout)).toHaveLength(2);
    expect(coldStart).toMatchObject({ ColdStart: 1, function_name: 'payClaim', service: 'santunan' });
    expect(coldStart?._aws.CloudWatchMetrics[0]).toMatchObject({ Namespace: 'Santunan', Metrics: [{ Name: 'ColdStart', Unit: 'Count' }] });
    expect(business).toMatchObject({ AmountPaidIdr: 1_000, service: 'santunan' });
    expect(business?._aws.CloudWatchMetrics[0]).toMatchObject({ Namespace: 'Santunan', Dimensions: [['service']] });
    expect(emf(second.stdout)).toEqual([expect.objectContaining({ AmountPaidIdr: 2_000 })]);
    expect(first.stderr).toEqual([]);
  });

  it('an HTTP request answered with a 4xx still flushes what it recorded, and dimensions do not leak into the next', async () => {
    // Arrange
    const { httpHandler, observability, errors } = await loadWith(enabled);
    const { metrics, MetricUnit } = observability;
    const handler = httpHandler(
      async (request) => {
        metrics.addDimensions({ outcome: 'reject', decidedBy: 'staff' }).addMetric('ClaimDecisions', MetricUnit.Count, 1);
        if ((request.body as { fail?: boolean }).fail) throw new errors.ValidationError([{ path: 'decision', code: 'invalid' }]);
        return { statusCode: 200, headers: {}, body: '{}' };
      },
      { accepts: ['json'] },
    );

    // Act
    let refused: unknown;
    const failed = await captureOutput(async () => (refused = await handler(httpEvent('{"fail":true}'), lambdaContext('staffApi'))));
    const next = await captureOutput(() => handler(httpEvent('{}'), lambdaContext('staffApi')));

    // Assert
    expect(refused).toMatchObject({ statusCode: 400 });
    const decision = emf(failed.stdout).find((l) => 'ClaimDecisions' in l);
    expect(decision).toMatchObject({ ClaimDecisions: 1, outcome: 'reject', decidedBy: 'staff' });
    expect(decision?._aws.CloudWatchMetrics[0].Dimensions).toEqual([['service', 'outcome', 'decidedBy']]);
    expect(emf(next.stdout)).toEqual([expect.objectContaining({ ClaimDecisions: 1, outcome: 'reject' })]);
    expect(emf(next.stdout)[0]?._aws.CloudWatchMetrics[0].Dimensions).toHaveLength(1);
  });

  it('disabled (the twin and the tests): nothing on stdout or stderr, not even for an invocation without metrics', async () => {
    // Arrange
    const disabled = { ...enabled, POWERTOOLS_METRICS_DISABLED: 'true', POWERTOOLS_LOG_LEVEL: 'WARN' };
    const { taskHandler, observability } = await loadWith(disabled);
    const { metrics, MetricUnit } = observability;
    const quiet = taskHandler(z.object({}), async () => undefined);
    const counting = taskHandler(z.object({}), async () => void metrics.addMetric('ClaimsPaid', MetricUnit.Count, 1));

    // Act
    const output = await captureOutput(async () => {
      await quiet({}, lambdaContext('awaitDocuments'));
      await counting({}, lambdaContext('payClaim'));
    });

    // Assert
    expect(output).toEqual({ stdout: [], stderr: [] });
    expect(metrics.hasStoredMetrics()).toBe(false);
  });

  it('an invocation without application metrics logs no Powertools warning at the WARN level', async () => {
    // Arrange: metrics on, as in Lambda; the logger at WARN prints JSON lines on stdout
    const { taskHandler } = await loadWith({ ...enabled, POWERTOOLS_LOG_LEVEL: 'WARN' });
    const handler = taskHandler(z.object({}), async () => undefined);

    // Act
    const output = await captureOutput(() => handler({}, lambdaContext('awaitDocuments')));

    // Assert: only the ColdStart metric, no "No application metrics to publish" warning
    expect(output.stdout.map((l) => JSON.parse(l))).toEqual([expect.objectContaining({ ColdStart: 1 })]);
    expect(output.stderr).toEqual([]);
  });
});

describe('tracer', () => {
  it('is off outside Lambda and leaves SDK clients untouched', async () => {
    // Arrange
    const { observability } = await loadWith({ AWS_EXECUTION_ENV: undefined, POWERTOOLS_TRACE_ENABLED: undefined });
    const client = new DynamoDBClient({ region: 'ap-southeast-3' });

    // Act
    const traced = observability.traced(client);

    // Assert
    expect(observability.tracer.isTracingEnabled()).toBe(false);
    expect(traced).toBe(client);
    expect(client.middlewareStack.identify().join(' ')).not.toContain('XRaySDKInstrumentation');
  });

  it('is on in Lambda (AWS_EXECUTION_ENV) and instruments the clients it wraps with X-Ray', async () => {
    // Arrange: without the global http patching, which would outlive this test in the Jest worker
    const lambda = { AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x', POWERTOOLS_TRACE_ENABLED: undefined };
    const { observability } = await loadWith({ ...lambda, POWERTOOLS_TRACER_CAPTURE_HTTPS_REQUESTS: 'false' });
    const client = new DynamoDBClient({ region: 'ap-southeast-3' });

    // Act
    observability.traced(client);

    // Assert
    expect(observability.tracer.isTracingEnabled()).toBe(true);
    expect(client.middlewareStack.identify().join(' ')).toContain('XRaySDKInstrumentation');
  });

  it('POWERTOOLS_TRACE_ENABLED=false turns it off even in Lambda', async () => {
    // Arrange
    const { observability } = await loadWith({ AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x', POWERTOOLS_TRACE_ENABLED: 'false' });

    // Assert
    expect(observability.tracer.isTracingEnabled()).toBe(false);
  });
});
