import type { Message } from '../../kernel/notifier';
import { longDate } from '../../kernel/time';
import { t } from '../../messages';
import type { Claim, DocumentType, Tranche } from '../domain/claim';
import { DOCUMENT_LABELS } from './labels';

/** Families and staff are written to in Bahasa Indonesia; the catalogue holds English beside it. */
const lang = 'id';
const rupiah = (n: number) => `Rp${n.toLocaleString('id-ID')}`;
const statusLink = (baseUrl: string, claim: Claim) => `${baseUrl}/claims/${claim.reference}?nik=${claim.claimant.nik}`;
const claimLink = (baseUrl: string, reference: string) => `${baseUrl}/staff/claims/${reference}`;
const documentList = (documents: readonly DocumentType[]) => documents.map((d) => `- ${DOCUMENT_LABELS[d][lang]}`).join('\n');
const withFooter = (text: string) => `${text}\n\n${t('email.family.footer', lang)}`;
/** The placeholders every family email has. */
const family = (claim: Claim, baseUrl: string) => ({
  name: claim.claimant.name,
  reference: claim.reference,
  statusUrl: statusLink(baseUrl, claim),
});

/** What the family is told at each step, in Bahasa Indonesia, in words a grieving family understands. */
export const familyMessages = {
  needsDocuments: (claim: Claim, missing: readonly DocumentType[], baseUrl: string): Message => ({
    subject: t('email.needsDocuments.subject', lang, { reference: claim.reference }),
    text: withFooter(
      t('email.needsDocuments.text', lang, {
        ...family(claim, baseUrl),
        documents: documentList(missing),
        dueBy: claim.documentsDueBy ? longDate(claim.documentsDueBy, lang) : '-',
      }),
    ),
  }),
  awaitingApproval: (claim: Claim, baseUrl: string): Message => ({
    subject: t('email.awaitingApproval.subject', lang, { reference: claim.reference }),
    text: withFooter(t('email.awaitingApproval.text', lang, family(claim, baseUrl))),
  }),
  rejected: (claim: Claim, reason: string, baseUrl: string): Message => ({
    subject: t('email.rejected.subject', lang, { reference: claim.reference }),
    text: withFooter(t('email.rejected.text', lang, { ...family(claim, baseUrl), reason })),
  }),
  paid: (claim: Claim, amount: number, baseUrl: string): Message => ({
    subject: t('email.paid.subject', lang, { reference: claim.reference }),
    text: withFooter(
      t('email.paid.text', lang, { ...family(claim, baseUrl), amount: rupiah(amount), accountHolder: claim.bankAccount.accountHolder }),
    ),
  }),
  payoutDelayed: (claim: Claim, baseUrl: string): Message => ({
    subject: t('email.payoutDelayed.subject', lang, { reference: claim.reference }),
    text: withFooter(t('email.payoutDelayed.text', lang, family(claim, baseUrl))),
  }),
};

/** The short SMS twin of each family message (160 characters where possible). */
export const familySms = {
  needsDocuments: (claim: Claim) => t('sms.needsDocuments', lang, { reference: claim.reference }),
  awaitingApproval: (claim: Claim) => t('sms.awaitingApproval', lang, { reference: claim.reference }),
  rejected: (claim: Claim) => t('sms.rejected', lang, { reference: claim.reference }),
  paid: (claim: Claim, amount: number) => t('sms.paid', lang, { reference: claim.reference, amount: rupiah(amount) }),
  payoutDelayed: (claim: Claim) => t('sms.payoutDelayed', lang, { reference: claim.reference }),
};

/** Staff emails: a summary and a link to the claim page (GET only: opening it never changes anything). */
export const staffMessages = {
  decisionNeeded: (claim: Claim, baseUrl: string, opts: { escalated: boolean; secondApproval: boolean }): Message => {
    const amount = claim.verification?.benefit?.total;
    const flags = claim.verification?.flags ?? [];
    const lead = t(`email.decisionNeeded.${opts.escalated ? 'escalated' : opts.secondApproval ? 'second' : 'first'}`, lang);
    const subject = t('email.decisionNeeded.subject', lang, { lead, reference: claim.reference, benefit: claim.benefit });
    return {
      subject: amount !== undefined ? `${subject} ${rupiah(amount)}` : subject,
      text: t('email.decisionNeeded.text', lang, {
        lead,
        reference: claim.reference,
        benefit: claim.benefit,
        incidentType: claim.incident.type,
        incidentDate: claim.incident.date,
        member: claim.member.name,
        claimant: claim.claimant.name,
        relationship: claim.claimant.relationship,
        amount: amount !== undefined ? rupiah(amount) : t('email.decisionNeeded.assessmentNeeded', lang),
        flags: flags.length ? flags.join(', ') : '-',
        deadline: claim.verification?.approval?.deadline ?? '-',
        claimUrl: claimLink(baseUrl, claim.reference),
      }),
    };
  },
  payoutFailed: (claim: Claim, error: string, baseUrl: string): Message => ({
    subject: t('email.payoutFailed.subject', lang, { reference: claim.reference }),
    text: t('email.payoutFailed.text', lang, { reference: claim.reference, error, claimUrl: claimLink(baseUrl, claim.reference) }),
  }),
  workflowFailed: (reference: string, error: string, baseUrl: string): Message => ({
    subject: t('email.workflowFailed.subject', lang, { reference }),
    text: t('email.workflowFailed.text', lang, { reference, error, claimUrl: claimLink(baseUrl, reference) }),
  }),
};

const kindOf = (tranche: Tranche) => t(`tranche.kind.${tranche.kind}`, lang);
const trancheParams = (claim: Claim, tranche: Tranche) => ({
  reference: claim.reference,
  tranche: tranche.id,
  kind: kindOf(tranche),
  amount: rupiah(tranche.amount),
});

/** A further payment (tranche) and the yearly scholarship reminder: the family and the approvers are told as for the first. */
export const trancheMessages = {
  family: {
    requested: (claim: Claim, tranche: Tranche, baseUrl: string): Message => ({
      subject: t('email.trancheRequested.subject', lang, { reference: claim.reference }),
      text: withFooter(t('email.trancheRequested.text', lang, { ...family(claim, baseUrl), ...trancheParams(claim, tranche) })),
    }),
    rejected: (claim: Claim, tranche: Tranche, reason: string, baseUrl: string): Message => ({
      subject: t('email.trancheRejected.subject', lang, { reference: claim.reference }),
      text: withFooter(
        t('email.trancheRejected.text', lang, { ...family(claim, baseUrl), tranche: tranche.id, kind: kindOf(tranche), reason }),
      ),
    }),
    paid: (claim: Claim, tranche: Tranche, baseUrl: string): Message => ({
      subject: t('email.tranchePaid.subject', lang, { reference: claim.reference, tranche: tranche.id }),
      text: withFooter(
        t('email.tranchePaid.text', lang, {
          ...family(claim, baseUrl),
          ...trancheParams(claim, tranche),
          accountHolder: claim.bankAccount.accountHolder,
        }),
      ),
    }),
    scholarshipReminder: (claim: Claim, schoolYear: string, baseUrl: string): Message => ({
      subject: t('email.scholarshipReminder.subject', lang, { reference: claim.reference, schoolYear }),
      text: withFooter(t('email.scholarshipReminder.text', lang, { ...family(claim, baseUrl), schoolYear })),
    }),
  },
  sms: {
    requested: (claim: Claim, tranche: Tranche) =>
      t('sms.trancheRequested', lang, { reference: claim.reference, tranche: tranche.id, amount: rupiah(tranche.amount) }),
    rejected: (claim: Claim, tranche: Tranche) => t('sms.trancheRejected', lang, { reference: claim.reference, tranche: tranche.id }),
    paid: (claim: Claim, tranche: Tranche) =>
      t('sms.tranchePaid', lang, { reference: claim.reference, tranche: tranche.id, amount: rupiah(tranche.amount) }),
    scholarshipReminder: (claim: Claim, schoolYear: string) =>
      t('sms.scholarshipReminder', lang, { reference: claim.reference, schoolYear }),
  },
  staff: {
    decisionNeeded: (claim: Claim, tranche: Tranche, baseUrl: string, opts: { escalated: boolean; secondApproval: boolean }): Message => {
      const lead = t(`email.decisionNeeded.${opts.escalated ? 'escalated' : opts.secondApproval ? 'second' : 'first'}`, lang);
      return {
        subject: t('email.trancheDecisionNeeded.subject', lang, { lead, ...trancheParams(claim, tranche) }),
        text: t('email.trancheDecisionNeeded.text', lang, {
          lead,
          ...trancheParams(claim, tranche),
          member: claim.member.name,
          claimant: claim.claimant.name,
          requestedBy: tranche.requestedBy,
          deadline: tranche.approval.deadline,
          claimUrl: claimLink(baseUrl, claim.reference),
        }),
      };
    },
  },
};
