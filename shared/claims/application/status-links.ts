import type { Claim } from '../domain/claim';
import { signStatusToken, statusLinkQuery, verifyStatusToken } from '../domain/status-link';
import type { StatusLinkKeys } from './ports';

/** Days a status link stays valid unless configured (STATUS_LINK_TTL_DAYS): a claim and its payments take months. */
export const DEFAULT_STATUS_LINK_TTL_DAYS = 90;

export interface StatusLinkSettings {
  /** The signing keys, newest first (a Secrets Manager secret read once per cold start). */
  keys: StatusLinkKeys;
  ttlDays: number;
  now?: () => Date;
}

export interface StatusLink {
  /** `<base>/claims/<reference>?t=<token>`: no NIK in it. */
  url: string;
  /** The last day (YYYY-MM-DD, UTC) the link opens the page, for the message that carries it. */
  validUntil: string;
}

/** Private links to a claim's status page (domain/status-link.ts): made for messages, checked by the status page. */
export interface StatusLinks {
  link(claim: Pick<Claim, 'reference' | 'linkVersion'>, baseUrl: string): Promise<StatusLink>;
  /** Whether the token opens this claim's page now (the right claim and link version, not expired). */
  opens(claim: Pick<Claim, 'reference' | 'linkVersion'>, token: string): Promise<boolean>;
}

const DAY_MS = 86_400_000;

export const statusLinks = (settings: StatusLinkSettings): StatusLinks => {
  const now = () => settings.now?.() ?? new Date();
  return {
    async link(claim, baseUrl) {
      const at = now();
      const token = signStatusToken(await settings.keys(), claim, { now: at, ttlDays: settings.ttlDays });
      const lastDay = Math.floor((at.getTime() + settings.ttlDays * DAY_MS) / DAY_MS);
      return {
        url: `${baseUrl}/claims/${encodeURIComponent(claim.reference)}?${statusLinkQuery(token)}`,
        validUntil: new Date(lastDay * DAY_MS).toISOString().slice(0, 10),
      };
    },
    async opens(claim, token) {
      return verifyStatusToken(await settings.keys(), token, claim, { now: now() });
    },
  };
};
