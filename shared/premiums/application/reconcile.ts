import { jakartaIso } from '../../kernel/time';
import { t } from '../../messages';
import { logger } from '../../platform/observability/logger';
import { PROGRAMMES } from '../../reference-data/programmes';
import type { Member } from '../domain/member';
import { reconcile } from '../domain/reconciliation';
import type { Notifier, PremiumLedger, RosterStore, StoredReport } from './ports';

export interface ReconcileDeps {
  members: Pick<RosterStore, 'membersOf'>;
  premiums: PremiumLedger;
  notifier?: Notifier;
  financeEmails?: string[];
}

const rupiah = (n: number) => `Rp${n.toLocaleString('id-ID')}`;

/**
 * One month's reconciliation, the same code for the daily schedule, the on-demand API and the shell: read the
 * roster (Query per programme on byProgram, no Scan) and the month's payment lines (10 partitions), reconcile in
 * memory (shared/domain/reconciliation.ts), write one coverage item per member (batched) and the report, which
 * replaces the previous run's. Finance is emailed a summary with the link to the report.
 */
export const runReconciliation = async (
  deps: ReconcileDeps,
  period: string,
  trigger: string,
  baseUrl?: string,
): Promise<StoredReport & { discrepancies: ReturnType<typeof reconcile>['report']['discrepancies'] }> => {
  const started = Date.now();
  // Only a rerun can leave stale coverage behind; the first run of a month skips that check (and its reads).
  const rerun = await deps.premiums.hasReport(period);
  const members: Member[] = [];
  for (const program of Object.keys(PROGRAMMES)) for await (const page of deps.members.membersOf(program)) members.push(...page);
  const payments = await deps.premiums.paymentsFor(period);
  const reconciledAt = jakartaIso();
  const result = reconcile({ period, members, payments, reconciledAt });
  const names = new Map(result.report.discrepancies.filter((d) => d.name).map((d) => [d.nik, d.name!]));
  await deps.premiums.putCoverage(result.coverage.map((c) => (names.has(c.nik) ? { ...c, name: names.get(c.nik) } : c)));
  // A rerun replaces the month: items an earlier run wrote and this one did not are removed.
  if (rerun) await deps.premiums.removeStaleCoverage(period, new Set(result.coverage.map((c) => c.nik)));
  const { discrepancies, ...summary } = result.report;
  const stored: StoredReport = { ...summary, reconciledAt, trigger };
  await deps.premiums.putReport(stored);
  logger.info('reconciled', {
    period,
    members: members.length,
    payments: payments.length,
    discrepancies: discrepancies.length,
    ms: Date.now() - started,
  });
  if (deps.notifier && deps.financeEmails?.length) {
    const c = summary.counts;
    await deps.notifier.email(deps.financeEmails, {
      subject: t('email.reconciliation.subject', 'id', { period, discrepancies: discrepancies.length }),
      text: t('email.reconciliation.text', 'id', {
        ...c,
        period,
        trigger,
        members: summary.expected.members,
        expected: rupiah(summary.expected.amount),
        paid: rupiah(summary.paid.amount),
        reportUrl: `${baseUrl ?? ''}/staff/reconciliations/${period}`,
        csvUrl: `${baseUrl ?? ''}/staff/reconciliations/${period}?format=csv`,
      }),
    });
  }
  return { ...stored, discrepancies };
};
