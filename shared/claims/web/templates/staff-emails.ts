import type { Message } from '../../../kernel/notifier';
import { type Lang, translator } from '../../../messages';
import { type EmailBlock, renderEmail } from '../../../platform/web/email';
import type { Claim, ClaimFlag, Tranche } from '../../domain/claim';
import { dateTimeWords, dateWords, rupiah } from './format';

/**
 * Staff emails, one template each: a summary in words (no codes, no ISO timestamps) and the link to the claim page
 * (a GET: opening it never changes anything). No NIK and no account number: staff read those on the claim page,
 * signed in.
 */
export interface StaffContext {
  claimUrl: string;
  lang: Lang;
}
export type Lead = 'first' | 'second' | 'escalated';

const frame = (ctx: StaffContext, subject: string, blocks: EmailBlock[]): Message => {
  const tr = translator(ctx.lang);
  return renderEmail({
    lang: ctx.lang,
    subject,
    blocks: [
      ...blocks,
      { action: { label: tr('email.staff.open'), url: ctx.claimUrl, fallback: tr('email.linkFallback') } },
      { note: tr('email.staff.footer') },
    ],
  });
};

const flagWords = (flags: readonly ClaimFlag[], lang: Lang): string => {
  const tr = translator(lang);
  return flags.length ? flags.map((f) => tr(`flagName.${f}`)).join('; ') : tr('staff.claim.noFlags');
};

/** The claim in a few rows: who, what, when, how much, what to check, by when. */
const claimFacts = (claim: Claim, lang: Lang): (readonly [string, string])[] => {
  const tr = translator(lang);
  const amount = claim.verification?.benefit?.total;
  const deadline = claim.verification?.approval?.deadline;
  return [
    [tr('email.staff.claim'), claim.reference],
    [tr('staff.claim.benefit'), tr(`benefitName.${claim.benefit}`)],
    [
      tr('staff.claim.incident'),
      tr('email.staff.incidentValue', { type: tr(`incidentType.${claim.incident.type}`), date: dateWords(claim.incident.date, lang) }),
    ],
    [tr('staff.claim.member'), claim.member.name],
    [
      tr('staff.claim.claimant'),
      tr('email.staff.claimantValue', { name: claim.claimant.name, relationship: tr(`relationship.${claim.claimant.relationship}`) }),
    ],
    [tr('email.staff.amount'), amount !== undefined ? rupiah(amount) : tr('email.decisionNeeded.assessmentNeeded')],
    [tr('staff.claim.flags'), flagWords(claim.verification?.flags ?? [], lang)],
    ...(deadline ? [[tr('staff.claim.deadline'), dateTimeWords(deadline, lang)] as const] : []),
  ];
};

export const staffEmails = {
  /** A claim awaits a (first or second) decision, or its approval was escalated. */
  decisionNeeded: (ctx: StaffContext, claim: Claim, lead: Lead): Message => {
    const tr = translator(ctx.lang);
    const leadText = tr(`email.decisionNeeded.${lead}`);
    const amount = claim.verification?.benefit?.total;
    const subject = tr('email.decisionNeeded.subject', {
      lead: leadText,
      reference: claim.reference,
      benefit: tr(`benefitName.${claim.benefit}`),
    });
    return frame(ctx, amount !== undefined ? `${subject} ${rupiah(amount)}` : subject, [
      { p: tr('email.decisionNeeded.intro', { lead: leadText, reference: claim.reference }) },
      { facts: claimFacts(claim, ctx.lang) },
    ]);
  },

  trancheDecisionNeeded: (ctx: StaffContext, claim: Claim, tranche: Tranche, lead: Lead): Message => {
    const tr = translator(ctx.lang);
    const leadText = tr(`email.decisionNeeded.${lead}`);
    const kind = tr(`tranche.kind.${tranche.kind}`);
    const amount = rupiah(tranche.amount);
    return frame(
      ctx,
      tr('email.trancheDecisionNeeded.subject', { lead: leadText, reference: claim.reference, tranche: tranche.id, kind, amount }),
      [
        { p: tr('email.trancheDecisionNeeded.intro', { lead: leadText, tranche: tranche.id, reference: claim.reference }) },
        {
          facts: [
            [tr('email.staff.claim'), claim.reference],
            [tr('email.staff.kind'), kind],
            [tr('staff.claim.member'), claim.member.name],
            [tr('staff.claim.claimant'), claim.claimant.name],
            [tr('email.staff.amount'), amount],
            [tr('email.staff.requestedBy'), tranche.requestedBy],
            [tr('staff.claim.deadline'), dateTimeWords(tranche.approval.deadline, ctx.lang)],
          ],
        },
      ],
    );
  },

  payoutFailed: (ctx: StaffContext, reference: string, error: string): Message => {
    const tr = translator(ctx.lang);
    return frame(ctx, tr('email.payoutFailed.subject', { reference }), [
      { p: tr('email.payoutFailed.body', { reference }) },
      { p: tr('email.staff.error', { error }) },
      { p: tr('email.payoutFailed.action') },
    ]);
  },

  workflowFailed: (ctx: StaffContext, reference: string, error: string): Message => {
    const tr = translator(ctx.lang);
    return frame(ctx, tr('email.workflowFailed.subject', { reference }), [
      { p: tr('email.workflowFailed.body', { reference }) },
      { p: tr('email.staff.error', { error }) },
    ]);
  },

  /** The family appealed a rejection: the claim in words, the decision they contest and their statement. */
  appealFiled: (ctx: StaffContext, claim: Claim): Message => {
    const tr = translator(ctx.lang);
    const against = claim.appeal?.against;
    return frame(ctx, tr('email.appealFiled.subject', { reference: claim.reference }), [
      { p: tr('email.appealFiled.body', { reference: claim.reference }) },
      {
        facts: [
          ...claimFacts(claim, ctx.lang),
          [tr('email.appealFiled.against'), against?.reason ?? against?.reasonCode ?? '-'],
          [tr('email.appealFiled.statement'), claim.appeal?.statement ?? ''],
        ],
      },
    ]);
  },
};
