import type { Message } from '../../kernel/notifier';
import { translator } from '../../messages';
import { renderEmail } from '../../platform/web/email';
import type { ReconciliationEmailInput } from '../application/ports';
import { COVERAGE_CATEGORIES } from '../domain/member';
import { monthWords as monthIn, rupiah, triggerWords as triggerIn } from './words';

/** Staff read Bahasa Indonesia; the catalogue holds English beside it. */
const lang = 'id';
const monthWords = (period: string) => monthIn(period, lang);
const triggerWords = (trigger: string) => triggerIn(trigger, lang);

/**
 * The summary finance gets when a month is reconciled (the template, reviewed like code): HTML with a plain-text part,
 * the totals and the count per category in words, and links to the report and its CSV.
 */
export const reconciliationEmail = (input: ReconciliationEmailInput): Message => {
  const tr = translator(lang);
  const { period, trigger, summary, discrepancies, baseUrl } = input;
  const reportUrl = `${baseUrl}/staff/reconciliations/${period}`;
  return renderEmail({
    lang,
    subject: tr('email.reconciliation.subject', { period: monthWords(period), discrepancies }),
    blocks: [
      { p: tr('email.reconciliation.intro', { period: monthWords(period), trigger: triggerWords(trigger) }) },
      {
        facts: [
          [tr('email.reconciliation.members'), summary.expected.members.toLocaleString('id-ID')],
          [tr('email.reconciliation.expected'), rupiah(summary.expected.amount)],
          [tr('email.reconciliation.paid'), rupiah(summary.paid.amount)],
          ...COVERAGE_CATEGORIES.map((c) => [tr(`coverageCategory.${c}`), (summary.counts[c] ?? 0).toLocaleString('id-ID')] as const),
        ],
      },
      { action: { label: tr('email.reconciliation.report'), url: reportUrl, fallback: tr('email.linkFallback') } },
      { action: { label: tr('email.reconciliation.csv'), url: `${reportUrl}?format=csv`, fallback: tr('email.linkFallback') } },
      { note: tr('email.staff.footer') },
    ],
  });
};
