import type { Message } from '../../kernel/notifier';
import { t } from '../../messages';
import type { Claim } from '../domain/claim';

/** Families and staff are written to in Bahasa Indonesia; the catalogue holds English beside it. */
const lang = 'id';
const statusLink = (baseUrl: string, claim: Claim) => `${baseUrl}/claims/${claim.reference}?nik=${claim.claimant.nik}`;
const withFooter = (text: string) => `${text}\n\n${t('email.family.footer', lang)}`;
const family = (claim: Claim, baseUrl: string) => ({
  name: claim.claimant.name,
  reference: claim.reference,
  statusUrl: statusLink(baseUrl, claim),
});

/** What the family and the supervisors are told about an appeal (reopening.ts). */
export const appealMessages = {
  family: {
    received: (claim: Claim, baseUrl: string): Message => ({
      subject: t('email.appealReceived.subject', lang, { reference: claim.reference }),
      text: withFooter(t('email.appealReceived.text', lang, family(claim, baseUrl))),
    }),
    upheld: (claim: Claim, baseUrl: string): Message => ({
      subject: t('email.appealUpheld.subject', lang, { reference: claim.reference }),
      text: withFooter(t('email.appealUpheld.text', lang, family(claim, baseUrl))),
    }),
    refused: (claim: Claim, baseUrl: string): Message => ({
      subject: t('email.appealRefused.subject', lang, { reference: claim.reference }),
      text: withFooter(t('email.appealRefused.text', lang, { ...family(claim, baseUrl), note: claim.appeal?.note || '-' })),
    }),
  },
  sms: {
    received: (claim: Claim) => t('sms.appealReceived', lang, { reference: claim.reference }),
    upheld: (claim: Claim) => t('sms.appealUpheld', lang, { reference: claim.reference }),
    refused: (claim: Claim) => t('sms.appealRefused', lang, { reference: claim.reference }),
  },
  staff: {
    filed: (claim: Claim, baseUrl: string): Message => ({
      subject: t('email.appealFiled.subject', lang, { reference: claim.reference }),
      text: t('email.appealFiled.text', lang, {
        reference: claim.reference,
        reason: claim.appeal?.against.reason ?? '-',
        statement: claim.appeal?.statement ?? '',
        claimUrl: `${baseUrl}/staff/claims/${claim.reference}`,
      }),
    }),
  },
};
