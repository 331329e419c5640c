import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DEFAULT_STATUS_LINK_TTL_DAYS, type StatusLinks, statusLinks } from '../claims/application/status-links';
import { parseStatusLinkKeys } from '../claims/domain/status-link';
import { traced } from '../platform/observability';
import { secretString } from '../platform/secrets/secrets-manager';
import { ENV, requireEnv } from './env';
import { SDK_CLIENT_DEFAULTS } from './sdk';

/** Whole days of at least 1: a typo fails the cold start rather than sending links that never open. */
const ttlDays = (): number => {
  const raw = process.env[ENV.statusLinkTtlDays];
  if (raw === undefined || raw === '') return DEFAULT_STATUS_LINK_TTL_DAYS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${ENV.statusLinkTtlDays} must be a whole number of days, not "${raw}"`);
  return value;
};

/**
 * The status links of messages and the status page: keys from Secrets Manager (STATUS_LINK_KEY_SECRET, read once per
 * cold start; a failed read is tried again by the next caller), validity from STATUS_LINK_TTL_DAYS.
 */
export const statusLinkService = (): StatusLinks => {
  const secret = secretString(traced(new SecretsManagerClient({ ...SDK_CLIENT_DEFAULTS })), requireEnv(ENV.statusLinkKeySecret));
  return statusLinks({ keys: async () => parseStatusLinkKeys(await secret()), ttlDays: ttlDays() });
};
