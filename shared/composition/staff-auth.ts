import { StaffAuth } from '../staff/adapters/staff-auth';
import { ENV, requireEnv } from './env';

/** Staff token verification against the configured issuer (Cognito in AWS, the twin's issuer locally). */
export const staffAuth = (): StaffAuth =>
  new StaffAuth(requireEnv(ENV.authIssuer), requireEnv(ENV.authJwksUrl), process.env[ENV.authClientId] || undefined);
