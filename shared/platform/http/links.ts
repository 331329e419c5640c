import type { HttpRequest } from './handler';

/**
 * The base of every link a function writes into an email, an SMS or a redirect that leaves the request: the
 * configured public URL (PUBLIC_BASE_URL: the twin's URL, or a custom domain in AWS) when there is one, else the
 * API's own domain as API Gateway names it. Never the request's Host or X-Forwarded-* headers: a claim filed with a
 * forged Host would otherwise send the staff approval link and the family's status link to that host.
 */
export const linkBase = (request: Pick<HttpRequest, 'domainName'>, configured: string): string => {
  if (configured) return configured.replace(/\/$/, '');
  return request.domainName ? `https://${request.domainName}` : '';
};
