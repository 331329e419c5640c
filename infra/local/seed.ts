import { membersRepository, premiumsRepository } from '../../shared/composition/premiums';
import { jakartaIso } from '../../shared/kernel/time';
import { demoCoverage, demoRoster } from './demo-roster';

const SEED_MARKER = 'demo-roster-v4';
/** Members of the demo roster with paid coverage (the example member first). */
export const DEMO_COVERED_MEMBERS = 21;

/**
 * Writes the synthetic roster once per data directory, through the same repository code that roster imports use.
 * The marker is written last, so an interrupted seed runs again (puts are idempotent).
 */
export const seedDemoRoster = async (log: (line: string) => void): Promise<{ members: number; ms: number } | 'already'> => {
  const repo = membersRepository();
  if (await repo.hasMarker(SEED_MARKER)) return 'already';
  const started = Date.now();
  const members = demoRoster();
  log(`Seeding ${members.length} synthetic members...`);
  await repo.putMany(members);
  const today = jakartaIso().slice(0, 7);
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
  );
  await repo.markOnce(SEED_MARKER, { entity: 'META', members: members.length, seededAt: jakartaIso() });
  return { members: members.length, ms: Date.now() - started };
};
