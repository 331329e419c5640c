import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoStaffDirectory } from '../staff/adapters/cognito-directory';
import { StaffAuditRepository } from '../staff/adapters/staff-audit-repository';
import type { StaffAuditLog, StaffDirectory } from '../staff/application/ports';
import { ENV, requireEnv } from './env';
import { SDK_CLIENT_DEFAULTS } from './sdk';

/** The staff accounts: the Cognito user pool (the twin's stand-in through AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER). */
export const staffDirectory = (): StaffDirectory =>
  new CognitoStaffDirectory(new CognitoIdentityProviderClient({ ...SDK_CLIENT_DEFAULTS }), requireEnv(ENV.staffUserPoolId));

/** Who changed which staff account, when and how: items of the claims table. */
export const staffAuditLog = (): StaffAuditLog => new StaffAuditRepository(requireEnv(ENV.claimsTable));
