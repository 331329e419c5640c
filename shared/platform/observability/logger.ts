import { Logger } from '@aws-lambda-powertools/logger';
import { SERVICE_NAME } from './service-name';

/**
 * One logger for every function. Personal data never goes in as is: use maskNik / maskAccount / maskPhone
 * (shared/domain) for anything that identifies a family.
 */
export const logger = new Logger({ serviceName: SERVICE_NAME });
