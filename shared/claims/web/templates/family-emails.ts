import type { Message } from '../../../kernel/notifier';
import { type Lang, translator } from '../../../messages';
import { type EmailBlock, renderEmail } from '../../../platform/web/email';
import type { StatusLink } from '../../application/status-links';
import type { Claim, DocumentType, Tranche } from '../../domain/claim';
import { correctableReason } from '../../domain/reopening';
import { componentLabel } from '../labels';
import { bankName, dateTimeWords, dateWords, lastFour, rupiah } from './format';

/**
 * The family's emails, one template each: what the family reads at each step, in the order they read it. Every one
 * greets by name, says what happened and what to do, carries the private status link (a button, and the address
 * alone on its line in the text part) and ends with how to keep that link private. The words are in the message
 * catalogue (shared/messages, keys `email.*`); amounts, dates and accounts are written by ./format.ts.
 * No NIK and no full account number ever appear: the account shows its last 4 digits.
 */
export interface FamilyContext {
  claim: Claim;
  /** The private link to the status page, and until when it opens. */
  link: StatusLink;
  /** The lookup form, for when the link has expired (reference and NIK typed by hand). */
  lookupUrl: string;
  lang: Lang;
}

const frame = (ctx: FamilyContext, subject: string, blocks: EmailBlock[]): Message => {
  const tr = translator(ctx.lang);
  return renderEmail({
    lang: ctx.lang,
    subject,
    blocks: [
      { p: tr('email.greeting', { name: ctx.claim.claimant.name }) },
      ...blocks,
      { action: { label: tr('email.statusLink'), url: ctx.link.url, fallback: tr('email.linkFallback') } },
      { note: tr('email.family.footer', { validUntil: dateWords(ctx.link.validUntil, ctx.lang), lookupUrl: ctx.lookupUrl }) },
    ],
  });
};

/** Where the money went: the bank, the account's last 4 digits, the holder. */
const account = (ctx: FamilyContext): readonly [string, string] => {
  const tr = translator(ctx.lang);
  const a = ctx.claim.bankAccount;
  return [
    tr('email.paid.account'),
    tr('email.paid.accountValue', { bank: bankName(a.bankCode), last4: lastFour(a.accountNumber), holder: a.accountHolder }),
  ];
};

const breakdown = (
  ctx: FamilyContext,
  components: readonly { code: string; amount: number }[],
  total: number,
  withAccount: boolean,
): EmailBlock => ({
  facts: [...components.map((c) => [componentLabel(c.code, ctx.lang), rupiah(c.amount)] as const), ...(withAccount ? [account(ctx)] : [])],
  total: [translator(ctx.lang)('email.paid.total'), rupiah(total)],
});

export const familyEmails = {
  /** Documents are missing (first request, then the reminders after 3 and 7 days, then every 14). */
  needsDocuments: (ctx: FamilyContext, missing: readonly DocumentType[], reminder: boolean): Message => {
    const tr = translator(ctx.lang);
    const { reference, documentsDueBy } = ctx.claim;
    return frame(
      ctx,
      reminder ? tr('email.needsDocuments.reminderSubject', { reference }) : tr('email.needsDocuments.subject', { reference }),
      [
        { p: reminder ? tr('email.needsDocuments.reminderIntro', { reference }) : tr('email.needsDocuments.intro', { reference }) },
        { list: missing.map((d) => tr(`document.${d}`)) },
        { p: tr('email.needsDocuments.how') },
        ...(documentsDueBy ? [{ p: tr('email.needsDocuments.due', { dueBy: dateWords(documentsDueBy, ctx.lang) }) }] : []),
      ],
    );
  },

  awaitingApproval: (ctx: FamilyContext): Message => {
    const tr = translator(ctx.lang);
    const { reference } = ctx.claim;
    return frame(ctx, tr('email.awaitingApproval.subject', { reference }), [{ p: tr('email.awaitingApproval.body', { reference }) }]);
  },

  /** Rejected by the workflow or staff, or closed: the reason in words, once. */
  rejected: (ctx: FamilyContext, reason: string): Message => {
    const tr = translator(ctx.lang);
    const { reference } = ctx.claim;
    // What the family can correct themselves comes first, before they read "not payable" (reopening.ts).
    const correctable = correctableReason(ctx.claim) !== undefined;
    return frame(ctx, tr('email.rejected.subject', { reference }), [
      ...(correctable ? [{ p: tr('email.rejected.correctable') }] : []),
      { p: tr('email.rejected.body', { reference }) },
      { p: tr('email.rejected.reason', { reason }) },
      { p: tr('email.rejected.appeal') },
      { p: tr('email.rejected.help') },
    ]);
  },

  /** The family's appeal was received; a supervisor reviews it. */
  appealReceived: (ctx: FamilyContext): Message => {
    const tr = translator(ctx.lang);
    const { reference } = ctx.claim;
    return frame(ctx, tr('email.appealReceived.subject', { reference }), [{ p: tr('email.appealReceived.body', { reference }) }]);
  },

  /** Upheld: the claim is verified again; the family hears of every step as before. */
  appealUpheld: (ctx: FamilyContext): Message => {
    const tr = translator(ctx.lang);
    const { reference } = ctx.claim;
    return frame(ctx, tr('email.appealUpheld.subject', { reference }), [{ p: tr('email.appealUpheld.body', { reference }) }]);
  },

  /** Refused: the earlier decision stands, with the supervisor's note. */
  appealRefused: (ctx: FamilyContext): Message => {
    const tr = translator(ctx.lang);
    const { reference, appeal } = ctx.claim;
    return frame(ctx, tr('email.appealRefused.subject', { reference }), [
      { p: tr('email.appealRefused.body', { reference }) },
      ...(appeal?.note ? [{ p: tr('email.appealRefused.note', { note: appeal.note }) }] : []),
      { p: tr('email.rejected.help') },
    ]);
  },

  /** Paid: the amount, the date, the breakdown by component and where it went (the account's last 4 digits). */
  paid: (ctx: FamilyContext, amount: number): Message => {
    const tr = translator(ctx.lang);
    const { reference, payment } = ctx.claim;
    const paidAt = payment?.paidAt ?? ctx.claim.updatedAt;
    return frame(ctx, tr('email.paid.subject', { reference }), [
      { p: tr('email.paid.body', { amount: rupiah(amount), paidAt: dateTimeWords(paidAt, ctx.lang) }) },
      breakdown(ctx, payment?.components ?? [], amount, true),
    ]);
  },

  payoutDelayed: (ctx: FamilyContext): Message => {
    const tr = translator(ctx.lang);
    return frame(ctx, tr('email.payoutDelayed.subject', { reference: ctx.claim.reference }), [{ p: tr('email.payoutDelayed.body') }]);
  },

  /** A supervisor revoked the earlier links: here is the new one. */
  linksRevoked: (ctx: FamilyContext): Message => {
    const tr = translator(ctx.lang);
    const { reference } = ctx.claim;
    return frame(ctx, tr('email.linksRevoked.subject', { reference }), [{ p: tr('email.linksRevoked.body', { reference }) }]);
  },

  trancheRequested: (ctx: FamilyContext, tranche: Tranche): Message => {
    const tr = translator(ctx.lang);
    const { reference } = ctx.claim;
    const kind = tr(`tranche.kind.${tranche.kind}`);
    return frame(ctx, tr('email.trancheRequested.subject', { reference }), [
      { p: tr('email.trancheRequested.body', { reference, tranche: tranche.id, kind, amount: rupiah(tranche.amount) }) },
    ]);
  },

  trancheRejected: (ctx: FamilyContext, tranche: Tranche, reason: string): Message => {
    const tr = translator(ctx.lang);
    const { reference } = ctx.claim;
    return frame(ctx, tr('email.trancheRejected.subject', { reference }), [
      { p: tr('email.trancheRejected.body', { reference, tranche: tranche.id, kind: tr(`tranche.kind.${tranche.kind}`) }) },
      { p: tr('email.rejected.reason', { reason }) },
      { p: tr('email.rejected.help') },
    ]);
  },

  tranchePaid: (ctx: FamilyContext, tranche: Tranche): Message => {
    const tr = translator(ctx.lang);
    const { reference } = ctx.claim;
    const paidAt = tranche.payment?.paidAt ?? ctx.claim.updatedAt;
    return frame(ctx, tr('email.tranchePaid.subject', { reference, tranche: tranche.id }), [
      {
        p: tr('email.tranchePaid.body', {
          tranche: tranche.id,
          kind: tr(`tranche.kind.${tranche.kind}`),
          amount: rupiah(tranche.amount),
          paidAt: dateTimeWords(paidAt, ctx.lang),
        }),
      },
      breakdown(ctx, tranche.payment?.components ?? tranche.components, tranche.amount, true),
    ]);
  },

  scholarshipReminder: (ctx: FamilyContext, schoolYear: string): Message => {
    const tr = translator(ctx.lang);
    return frame(ctx, tr('email.scholarshipReminder.subject', { reference: ctx.claim.reference, schoolYear }), [
      { p: tr('email.scholarshipReminder.body', { schoolYear }) },
    ]);
  },
};
