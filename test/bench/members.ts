import { demoRoster } from '../../infra/local/demo-roster';
import type { Member } from '../../shared/premiums/domain/member';

/**
 * Distinct synthetic members for the benchmarks: the demo roster's shape, repeated with other serial numbers (the
 * NIK's last four digits) until `count` are made. `skip` members are generated and left out first, so that a round
 * can get NIKs of its own; `serialStep` is how far each repetition moves the serial (a multiple of 100 keeps each
 * member's bucket, the last two digits; another step spreads the copies over the buckets). Everyone is an active
 * member since 15 January 2020.
 */
export const syntheticMembers = (count: number, options: { skip?: number; serialStep?: number } = {}): Member[] => {
  const { skip = 0, serialStep = 100 } = options;
  const base = demoRoster();
  const out: Member[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (let round = 0; out.length < count; round += 1) {
    for (const m of base) {
      if (out.length >= count) break;
      const serial = String((Number(m.nik.slice(12)) + round * serialStep) % 10000 || 1).padStart(4, '0');
      const nik = `${m.nik.slice(0, 12)}${serial}`;
      if (seen.has(nik)) continue;
      seen.add(nik);
      if (skipped < skip) {
        skipped += 1;
        continue;
      }
      out.push({
        ...m,
        nik,
        enrolledOn: '2020-01-15',
        statusHistory: [{ status: 'active', on: '2020-01-15', recordedAt: '2026-01-01T00:00:00+07:00' }],
      });
    }
  }
  return out;
};
