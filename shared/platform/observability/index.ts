/**
 * Observability for every function, in one place: the Powertools logger, metrics (EMF) and tracer (X-Ray). The handler
 * wrappers (shared/platform/http/handler.ts, shared/platform/lambda/task-handler.ts) attach all three to each
 * invocation; SDK clients are wrapped with `traced` where they are built.
 */
export { logger } from './logger';
export { MetricUnit, metrics } from './metrics';
export { traced, tracer } from './tracer';
