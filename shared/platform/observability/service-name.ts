/**
 * The service every log line, metric and trace is filed under: POWERTOOLS_SERVICE_NAME as the CDK function construct
 * and the twin set it, with a fallback so that a script or test without it still names the service.
 */
export const SERVICE_NAME = process.env.POWERTOOLS_SERVICE_NAME || 'santunan';
