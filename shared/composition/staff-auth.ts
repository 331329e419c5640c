import type { HttpRequest } from '../platform/http/handler';
import { linkBase } from '../platform/http/links';
import { StaffSignIn } from '../staff/adapters/sign-in';
import { STAFF_TOKEN_MAX_AGE_SECONDS, StaffAuth } from '../staff/adapters/staff-auth';
import { ENV, optionalEnv, requireEnv } from './env';
import { publicBaseUrl } from './settings';

/** The site's origin (scheme, host, port) from PUBLIC_BASE_URL, for cookie-signed posts; undefined when not set. */
const publicOrigin = (): string | undefined => {
  const base = publicBaseUrl();
  try {
    return base ? new URL(base).origin : undefined;
  } catch {
    return undefined;
  }
};

/** Staff token verification against the configured issuer (Cognito in AWS, the twin's issuer locally). */
export const staffAuth = (): StaffAuth => {
  const maxAge = Number(optionalEnv(ENV.staffTokenMaxAgeSeconds, String(STAFF_TOKEN_MAX_AGE_SECONDS)));
  if (!Number.isInteger(maxAge) || maxAge <= 0) throw new Error(`${ENV.staffTokenMaxAgeSeconds} must be a positive number of seconds`);
  return new StaffAuth(
    requireEnv(ENV.authIssuer),
    requireEnv(ENV.authJwksUrl),
    process.env[ENV.authClientId] || undefined,
    publicOrigin(),
    maxAge,
  );
};

/** Browser sign-in through the hosted sign-in page (STAFF_AUTH_URL) for the app client (AUTH_CLIENT_ID). */
export const staffSignIn = (): StaffSignIn =>
  new StaffSignIn(requireEnv(ENV.staffAuthUrl).replace(/\/$/, ''), requireEnv(ENV.authClientId));

/**
 * For a staff page opened without a session: straight to the hosted sign-in, and back to this page afterwards (the
 * same path for every staff function; the callback is staffApi's `GET /staff/auth/callback`).
 */
export const signInStarter = () => {
  const signIn = staffSignIn();
  const base = publicBaseUrl();
  return (request: Pick<HttpRequest, 'route' | 'params' | 'query' | 'domainName'>) =>
    signIn.start(linkBase(request, base), StaffSignIn.nextOf(request));
};
