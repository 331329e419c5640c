import { Tracer } from '@aws-lambda-powertools/tracer';
import { SERVICE_NAME } from './service-name';

/**
 * X-Ray through Powertools. Tracing switches itself on only in Lambda (AWS_EXECUTION_ENV set) unless
 * POWERTOOLS_TRACE_ENABLED=false; off, every call below is a no-op, so the twin and the tests (no X-Ray daemon) run
 * the same code. The X-Ray SDK it loads turns on Node async hooks at import unless AWS_XRAY_MANUAL_MODE is set: the
 * twin sets it (tracing is off there anyway), because those hooks slow every promise in the process.
 */
export const tracer = new Tracer({ serviceName: SERVICE_NAME });

/** An AWS SDK v3 client whose calls become X-Ray subsegments; the same client, untouched, where tracing is off. */
export const traced = <T>(client: T): T => tracer.captureAWSv3Client(client);
