import type { Message } from '../../kernel/notifier';
import type { ClaimMessages } from '../application/ports';
import type { StatusLinks } from '../application/status-links';
import type { Claim, Tranche } from '../domain/claim';
import { type FamilyContext, familyEmails } from './templates/family-emails';
import { familySmsTexts } from './templates/sms';
import { type Lead, type StaffContext, staffEmails } from './templates/staff-emails';

/** Families and staff are written to in Bahasa Indonesia; the catalogue holds English beside it. */
const lang = 'id';
const claimLink = (baseUrl: string, reference: string) => `${baseUrl}/staff/claims/${encodeURIComponent(reference)}`;
const staff = (baseUrl: string, reference: string): StaffContext => ({ claimUrl: claimLink(baseUrl, reference), lang });
const leadOf = (opts: { escalated: boolean; secondApproval: boolean }): Lead =>
  opts.escalated ? 'escalated' : opts.secondApproval ? 'second' : 'first';

/**
 * The texts of every claim notification (the ClaimMessages port), from the templates in ./templates. Family messages
 * carry a private status link (application/status-links.ts: a signed, expiring token, never the NIK), which needs the
 * link key: they are built asynchronously, and the notifier sends them once built (a message that cannot be built
 * is logged as not sent, like one the mail service refused).
 */
export const claimMessagesWith = (links: Pick<StatusLinks, 'link'>): ClaimMessages => {
  const family = async (claim: Claim, baseUrl: string): Promise<FamilyContext> => ({
    claim,
    link: await links.link(claim, baseUrl),
    lookupUrl: `${baseUrl}/status?reference=${encodeURIComponent(claim.reference)}`,
    lang,
  });
  const url = async (claim: Claim, baseUrl: string) => (await links.link(claim, baseUrl)).url;
  const sms = familySmsTexts(lang);
  return {
    family: {
      needsDocuments: async (claim, missing, baseUrl, opts) =>
        familyEmails.needsDocuments(await family(claim, baseUrl), missing, opts?.reminder ?? false),
      awaitingApproval: async (claim, baseUrl) => familyEmails.awaitingApproval(await family(claim, baseUrl)),
      rejected: async (claim, reason, baseUrl) => familyEmails.rejected(await family(claim, baseUrl), reason),
      paid: async (claim, amount, baseUrl) => familyEmails.paid(await family(claim, baseUrl), amount),
      payoutDelayed: async (claim, baseUrl) => familyEmails.payoutDelayed(await family(claim, baseUrl)),
      linksRevoked: async (claim, baseUrl) => familyEmails.linksRevoked(await family(claim, baseUrl)),
    },
    sms: {
      needsDocuments: async (claim, baseUrl, opts) => sms.needsDocuments(claim, await url(claim, baseUrl), opts?.reminder ?? false),
      awaitingApproval: async (claim, baseUrl) => sms.awaitingApproval(claim, await url(claim, baseUrl)),
      rejected: async (claim, baseUrl) => sms.rejected(claim, await url(claim, baseUrl)),
      paid: async (claim, amount, baseUrl) => sms.paid(claim, amount, await url(claim, baseUrl)),
      payoutDelayed: async (claim, baseUrl) => sms.payoutDelayed(claim, await url(claim, baseUrl)),
      linksRevoked: async (claim, baseUrl) => sms.linksRevoked(claim, await url(claim, baseUrl)),
    },
    staff: {
      decisionNeeded: (claim, baseUrl, opts): Message => staffEmails.decisionNeeded(staff(baseUrl, claim.reference), claim, leadOf(opts)),
      payoutFailed: (claim, error, baseUrl): Message => staffEmails.payoutFailed(staff(baseUrl, claim.reference), claim.reference, error),
      workflowFailed: (reference, error, baseUrl): Message => staffEmails.workflowFailed(staff(baseUrl, reference), reference, error),
    },
    appeals: {
      family: {
        received: async (claim, baseUrl) => familyEmails.appealReceived(await family(claim, baseUrl)),
        upheld: async (claim, baseUrl) => familyEmails.appealUpheld(await family(claim, baseUrl)),
        refused: async (claim, baseUrl) => familyEmails.appealRefused(await family(claim, baseUrl)),
      },
      sms: {
        received: async (claim, baseUrl) => sms.appealReceived(claim, await url(claim, baseUrl)),
        upheld: async (claim, baseUrl) => sms.appealUpheld(claim, await url(claim, baseUrl)),
        refused: async (claim, baseUrl) => sms.appealRefused(claim, await url(claim, baseUrl)),
      },
      staff: { filed: (claim, baseUrl): Message => staffEmails.appealFiled(staff(baseUrl, claim.reference), claim) },
    },
    tranches: {
      family: {
        requested: async (claim: Claim, tranche: Tranche, baseUrl: string) =>
          familyEmails.trancheRequested(await family(claim, baseUrl), tranche),
        rejected: async (claim: Claim, tranche: Tranche, reason: string, baseUrl: string) =>
          familyEmails.trancheRejected(await family(claim, baseUrl), tranche, reason),
        paid: async (claim: Claim, tranche: Tranche, baseUrl: string) => familyEmails.tranchePaid(await family(claim, baseUrl), tranche),
        scholarshipReminder: async (claim: Claim, schoolYear: string, baseUrl: string) =>
          familyEmails.scholarshipReminder(await family(claim, baseUrl), schoolYear),
      },
      sms: {
        requested: async (claim, tranche, baseUrl) => sms.trancheRequested(claim, tranche, await url(claim, baseUrl)),
        rejected: async (claim, tranche, baseUrl) => sms.trancheRejected(claim, tranche, await url(claim, baseUrl)),
        paid: async (claim, tranche, baseUrl) => sms.tranchePaid(claim, tranche, await url(claim, baseUrl)),
        scholarshipReminder: async (claim, schoolYear, baseUrl) => sms.scholarshipReminder(claim, schoolYear, await url(claim, baseUrl)),
      },
      staff: {
        decisionNeeded: (claim, tranche, baseUrl, opts): Message =>
          staffEmails.trancheDecisionNeeded(staff(baseUrl, claim.reference), claim, tranche, leadOf(opts)),
      },
    },
  };
};
