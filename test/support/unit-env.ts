/**
 * The unit tier's environment, set before any test module loads: the logger is built at import and reads it.
 * Unit tests assert on results, not on log lines; `TEST_LOG_LEVEL=INFO npm run test:unit` shows them.
 */
process.env.POWERTOOLS_LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'SILENT';
