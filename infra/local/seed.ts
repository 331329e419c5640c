import { MembersRepository } from '../../shared/adapters/members-repository';
import { requireEnv } from '../../shared/config';
import { demoRoster } from '../../shared/domain/demo-roster';
import { jakartaIso } from '../../shared/domain/time';

const SEED_MARKER = 'demo-roster-v1';

/**
 * Writes the synthetic roster once per data directory, through the same repository code that roster imports use.
 * The marker is written last, so an interrupted seed runs again (puts are idempotent).
 */
export const seedDemoRoster = async (log: (line: string) => void): Promise<{ members: number; ms: number } | 'already'> => {
  const repo = new MembersRepository(requireEnv('MEMBERS_TABLE_NAME'));
  if (await repo.hasMarker(SEED_MARKER)) return 'already';
  const started = Date.now();
  const members = demoRoster();
  log(`Seeding ${members.length} synthetic members...`);
  await repo.putMany(members);
  await repo.markOnce(SEED_MARKER, { entity: 'META', members: members.length, seededAt: jakartaIso() });
  return { members: members.length, ms: Date.now() - started };
};
