import type { Lang } from '../../../messages';
import { translator } from '../../../messages';
import type { Claim, Tranche } from '../../domain/claim';
import { correctableReason } from '../../domain/reopening';
import { dateWords, rupiah } from './format';

/**
 * The SMS twin of each family email: at most 160 characters (one GSM-7 message) with the longest realistic values,
 * the private status link included (test/unit/notification-templates.test.ts). Plain ASCII words, so no phone
 * switches to the 70-character Unicode encoding. Never a NIK or an account number.
 */
export const SMS_MAX_LENGTH = 160;

export const familySmsTexts = (lang: Lang) => {
  const tr = translator(lang);
  return {
    needsDocuments: (claim: Claim, url: string, reminder: boolean) =>
      reminder && claim.documentsDueBy
        ? tr('sms.needsDocumentsReminder', { reference: claim.reference, dueBy: dateWords(claim.documentsDueBy, lang), url })
        : tr('sms.needsDocuments', { reference: claim.reference, url }),
    awaitingApproval: (claim: Claim, url: string) => tr('sms.awaitingApproval', { reference: claim.reference, url }),
    rejected: (claim: Claim, url: string) =>
      tr(correctableReason(claim) ? 'sms.rejectedCorrectable' : 'sms.rejected', { reference: claim.reference, url }),
    appealReceived: (claim: Claim, url: string) => tr('sms.appealReceived', { reference: claim.reference, url }),
    appealUpheld: (claim: Claim, url: string) => tr('sms.appealUpheld', { reference: claim.reference, url }),
    appealRefused: (claim: Claim, url: string) => tr('sms.appealRefused', { reference: claim.reference, url }),
    paid: (claim: Claim, amount: number, url: string) => tr('sms.paid', { reference: claim.reference, amount: rupiah(amount), url }),
    payoutDelayed: (claim: Claim, url: string) => tr('sms.payoutDelayed', { reference: claim.reference, url }),
    linksRevoked: (claim: Claim, url: string) => tr('sms.linksRevoked', { reference: claim.reference, url }),
    trancheRequested: (claim: Claim, tranche: Tranche, url: string) =>
      tr('sms.trancheRequested', { reference: claim.reference, tranche: tranche.id, url }),
    trancheRejected: (claim: Claim, tranche: Tranche, url: string) =>
      tr('sms.trancheRejected', { reference: claim.reference, tranche: tranche.id, url }),
    tranchePaid: (claim: Claim, tranche: Tranche, url: string) =>
      tr('sms.tranchePaid', { reference: claim.reference, tranche: tranche.id, amount: rupiah(tranche.amount), url }),
    scholarshipReminder: (claim: Claim, schoolYear: string, url: string) =>
      tr('sms.scholarshipReminder', { reference: claim.reference, schoolYear, url }),
  };
};
