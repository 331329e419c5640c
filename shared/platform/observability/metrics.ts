import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logger } from './logger';
import { SERVICE_NAME } from './service-name';

export { MetricUnit };

/**
 * Powertools warns on every flush that holds no application metric, and the handler wrappers flush after every
 * invocation (logMetrics). Most requests here record none by design (a status page, a form), so that one message is
 * logged at debug level; a reworded message would simply show up as a warning again.
 */
const EMPTY_FLUSH = /^No application metrics to publish/;

/** Metrics' own warnings (an invalid dimension, a missing namespace) go through the one logger and its level. */
const metricsLogger = {
  debug: (message: string) => logger.debug(message),
  info: (message: string) => logger.info(message),
  warn: (message: string) => (EMPTY_FLUSH.test(message) ? logger.debug(message) : logger.warn(message)),
  error: (message: string) => logger.error(message),
};

/**
 * Business metrics in CloudWatch Embedded Metric Format: JSON lines on stdout that CloudWatch Logs turns into metrics,
 * with no API call and no added latency. Namespace from POWERTOOLS_METRICS_NAMESPACE (the CDK function construct
 * sets it). Record them in function entry files, never in domain code; the wrappers flush them after each invocation.
 * POWERTOOLS_METRICS_DISABLED=true (the twin and the tests) keeps stdout free of EMF lines.
 */
export const metrics = new Metrics({ serviceName: SERVICE_NAME, logger: metricsLogger });
