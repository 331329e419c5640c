import { membersRepository, premiumsRepository } from '../../shared/composition/premiums';
import { jakartaIso } from '../../shared/kernel/time';
import { runReconciliation } from '../../shared/premiums/application/reconciliation-steps';
import { DEMO_COVERED_MEMBERS, DEMO_PLANTED, demoCoverage, demoPremiumMonths, demoPremiums, demoRoster } from './demo-roster';

const SEED_MARKER = 'demo-roster-v4';
/** The demo premiums (payment lines, coverage and reports of demoPremiumMonths), seeded after the roster. */
const PREMIUMS_MARKER = 'demo-premiums-v1';
/** Payment lines per call (each call is BatchWriteItems of 25, 8 in flight): a stop is noticed between calls. */
const CHUNK = 2_000;

/**
 * Writes the synthetic roster once per data directory, through the same repository code that roster imports use.
 * The marker is written last, so an interrupted seed runs again (puts are idempotent).
 */
export const seedDemoRoster = async (log: (line: string) => void): Promise<{ members: number; ms: number } | 'already'> => {
  const repo = membersRepository();
  if (await repo.hasMarker(SEED_MARKER)) return 'already';
  const started = Date.now();
  const today = jakartaIso().slice(0, 7);
  // The roster as the demo premiums need it (one planted death: demoPremiums).
  const { members } = demoPremiums(demoRoster(), demoPremiumMonths(today), jakartaIso());
  log(`Seeding ${members.length} synthetic members...`);
  await repo.putMany(members);
  const coverage = demoCoverage(members.slice(0, DEMO_COVERED_MEMBERS), '2024-01', today, jakartaIso());
  const premiums = premiumsRepository();
  await premiums.putCoverage(coverage);
  // The payment lines behind that coverage, so that the daily reconciliation (the twin's 01:00 cron) finds these
  // members paid again rather than turning their months UNPAID.
  await premiums.putPayments(
    coverage.map((c) => ({
      period: c.period,
      nik: c.nik,
      jkk: c.expected.jkk,
      jkm: c.expected.jkm,
      receiptNo: `DEMO-${c.period}`,
      paidOn: `${c.period}-10`,
    })),
    jakartaIso(),
    { fresh: true },
  );
  await repo.markOnce(SEED_MARKER, { entity: 'META', members: members.length, seededAt: jakartaIso() });
  return { members: members.length, ms: Date.now() - started };
};

export type PremiumSeedResult = { lines: number; months: string[]; ms: number } | 'already' | 'stopped';

/**
 * The demo premiums, after the roster and while the twin already serves (the twin starts it without waiting): the
 * payment lines of most demo members for the month before the seed's and the seed's own, a few planted
 * discrepancies (DEMO_PLANTED), and each month reconciled in this process (coverage and report, no email), so the
 * report pages tell a story at once. About 19,000 lines and 19,000 coverage items: written in the background so that
 * the first start stays as fast as before (docs/operations.md). `stopping` is asked between chunks; an interrupted
 * seed runs again at the next start (every write is idempotent; the marker comes last).
 */
export const seedDemoPremiums = async (log: (line: string) => void, stopping: () => boolean = () => false): Promise<PremiumSeedResult> => {
  const repo = membersRepository();
  if (await repo.hasMarker(PREMIUMS_MARKER)) return 'already';
  const started = Date.now();
  const months = demoPremiumMonths(jakartaIso().slice(0, 7));
  const { members, payments } = demoPremiums(demoRoster(), months, jakartaIso());
  // A data directory seeded before the demo premiums: the planted death too.
  await repo.putMany([members[DEMO_PLANTED.deceased]!]);
  const premiums = premiumsRepository();
  const at = jakartaIso();
  for (let i = 0; i < payments.length; i += CHUNK) {
    if (stopping()) return 'stopped';
    await premiums.putPayments(payments.slice(i, i + CHUNK), at, { fresh: true });
  }
  for (const period of months) {
    if (stopping()) return 'stopped';
    await runReconciliation({ members: repo, premiums }, period, 'seed');
  }
  await repo.markOnce(PREMIUMS_MARKER, { entity: 'META', lines: payments.length, months, seededAt: jakartaIso() });
  const result = { lines: payments.length, months, ms: Date.now() - started };
  log(
    `Demo premiums seeded: ${result.lines} payment lines for ${months.join(' and ')}, reconciled, in ${(result.ms / 1000).toFixed(1)} s.`,
  );
  return result;
};
