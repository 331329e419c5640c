import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One logger for every function. Personal data never goes in as is: use maskNik / maskAccount / maskPhone
 * (shared/domain) for anything that identifies a family.
 */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'santunan' });
