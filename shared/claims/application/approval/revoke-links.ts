import { NotFoundError } from '../../../kernel/errors';
import { jakartaIso } from '../../../kernel/time';
import { requireRole, type StaffUser } from '../../../staff/domain/roles';
import { CLAIM_STATUSES } from '../../domain/claim';
import type { ClaimMessages, ClaimStore, Notifier } from '../ports';

/** Who may revoke a claim's status links (api: `POST /staff/claims/{reference}/links/revoke`). */
export const REVOKE_LINK_ROLES = ['supervisor'] as const;

export interface RevokeLinksDeps {
  claims: ClaimStore;
  notifier: Notifier;
  messages: ClaimMessages;
  now?: () => Date;
}

/**
 * POST /staff/claims/{reference}/links/revoke: a supervisor makes every status link sent for a claim stop working
 * (a phone lost or shared, an email forwarded to the wrong person). The claim's link version goes up in one
 * conditional write on the version read, with its audit event; nothing else of the claim changes, in any status. The
 * family then gets a new link by email and SMS (to the contacts they gave: a link never goes anywhere else). The
 * claimant's NIK typed on the lookup page keeps working. The role is checked before anything is read.
 */
export const revokeStatusLinks = async (
  deps: RevokeLinksDeps,
  reference: string,
  user: StaffUser,
  input: { note?: string },
  baseUrl: string,
): Promise<{ reference: string; linkVersion: number; notified: { email: boolean; sms: boolean } }> => {
  const role = requireRole(user, [...REVOKE_LINK_ROLES]);
  const claim = await deps.claims.get(reference);
  if (!claim) throw new NotFoundError('No claim with this reference.');
  const at = jakartaIso(deps.now?.());
  const linkVersion = (claim.linkVersion ?? 0) + 1;
  const note = input.note?.trim().slice(0, 500) || undefined;
  const revoked = await deps.claims.transition(reference, {
    from: CLAIM_STATUSES,
    expectVersion: claim.version,
    at,
    set: { linkVersion },
    audit: { type: 'STATUS_LINKS_REVOKED', at, actor: { kind: 'staff', id: user.username }, details: { role, linkVersion, note } },
  });
  const [email, sms] = await Promise.all([
    deps.notifier.email([revoked.claimant.email ?? ''], deps.messages.family.linksRevoked(revoked, baseUrl)),
    deps.notifier.sms(revoked.claimant.phone, deps.messages.sms.linksRevoked(revoked, baseUrl)),
  ]);
  return { reference, linkVersion, notified: { email, sms } };
};
