import { Readable } from 'node:stream';
import { demoRoster } from '../../infra/local/demo-roster';
import { Limiter } from '../../shared/platform/dynamodb/batch';
import { importCsv } from '../../shared/premiums/application/csv-import';
import { importRoster } from '../../shared/premiums/application/import-roster';
import type { RosterStore } from '../../shared/premiums/application/ports';
import { parseRosterRow, ROSTER_HEADER, type RosterRow } from '../../shared/premiums/domain/roster-row';

const HEADER = ROSTER_HEADER.join(',');
const rosterCsv = (count: number, extra = ''): string => {
  const rows = demoRoster()
    .slice(0, count)
    .map((m) => [m.nik, m.name, m.program, '', m.province, m.regency, m.district, m.enrolledOn, m.monthlyWage, '', 'active'].join(','));
  return `${HEADER}\n${rows.join('\n')}\n${extra}`;
};
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A roster store that takes its time and remembers how many batches it was given at once. */
class SlowRoster implements Pick<RosterStore, 'upsertRoster'> {
  readonly written: string[] = [];
  running = 0;
  maxRunning = 0;
  constructor(private readonly fail?: number) {}
  async upsertRoster(rows: readonly RosterRow[]) {
    this.running += 1;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    const batch = this.written.length / 500;
    await tick(5);
    this.running -= 1;
    if (batch === this.fail) throw new Error('write failed');
    this.written.push(...rows.map((r) => r.nik));
    return { imported: rows.length, updated: 0, unchanged: 0 };
  }
}

describe('Limiter', () => {
  it('runs at most its size at once, in order of arrival, and hands every result back', async () => {
    const limiter = new Limiter(3);
    let running = 0;
    let max = 0;
    const started: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        limiter.run(async () => {
          started.push(i);
          running += 1;
          max = Math.max(max, running);
          await tick(2);
          running -= 1;
          return i * 2;
        }),
      ),
    );
    expect(max).toBe(3);
    expect(started).toEqual([...Array(10).keys()]);
    expect(results).toEqual([...Array(10).keys()].map((i) => i * 2));
  });

  it('frees the slot of a task that fails', async () => {
    const limiter = new Limiter(1);
    await expect(limiter.run(async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    await expect(limiter.run(async () => 'next')).resolves.toBe('next');
  });
});

describe('roster import with batches in flight', () => {
  it('writes the next batches while one is written, never more than three at once, and counts every row', async () => {
    const members = new SlowRoster();
    const result = await importRoster(
      { members: members as unknown as RosterStore, now: () => new Date('2026-11-30T03:00:00Z') },
      rosterCsv(1600),
    );
    expect(result).toMatchObject({ lines: 1600, imported: 1600, updated: 0, unchanged: 0, rejected: [] });
    expect(new Set(members.written).size).toBe(1600);
    expect(members.maxRunning).toBeGreaterThan(1);
    expect(members.maxRunning).toBeLessThanOrEqual(3);
  });

  it('fails with the write error once the batches in flight have finished', async () => {
    const members = new SlowRoster(1);
    await expect(importRoster({ members: members as unknown as RosterStore }, rosterCsv(1600))).rejects.toThrow('write failed');
    expect(members.running).toBe(0);
  });

  it('a file that breaks off as invalid CSV is refused after the batches before it are written', async () => {
    const writes: number[] = [];
    let running = 0;
    const error = await importCsv(rosterCsv(1200, 'bad,"unclosed\n'), {
      header: ROSTER_HEADER,
      parseRow: parseRosterRow,
      keyOf: (r) => r.nik,
      today: '2026-11-30',
      writesInFlight: 3,
      write: async (rows) => {
        running += 1;
        await tick(5);
        running -= 1;
        writes.push(rows.length);
      },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ fields: [expect.objectContaining({ code: 'csv.invalid' })] });
    expect(running).toBe(0);
    expect(writes).toEqual([500, 500]);
  });
});

describe('the separator: comma or semicolon, from the header', () => {
  /** Excel with Indonesian regional settings saves "CSV" with semicolons, and often a byte-order mark. */
  const semicolons = (count: number) => `\ufeff${rosterCsv(count).replaceAll(',', ';')}`;
  const roster = async (source: string | Buffer) => {
    const store = new SlowRoster();
    const members = store as unknown as RosterStore;
    const result = await importRoster({ members, now: () => new Date('2026-11-30T03:00:00Z') }, Readable.from([source]));
    return { ...result, written: store.written.length };
  };

  it('imports a semicolon-separated file with a BOM as it imports a comma-separated one', async () => {
    const result = await roster(semicolons(20));
    expect(result).toMatchObject({ lines: 20, rejected: [], written: 20 });
    expect(await roster(Buffer.from(semicolons(20), 'utf8'))).toMatchObject({ lines: 20, rejected: [] });
  });

  it('reads a comma inside a field of a semicolon file as part of the field', async () => {
    const line = demoRoster()[0]!;
    const csv = `${ROSTER_HEADER.join(';')}\n${[line.nik, '"Aminah, Siti"', line.program, '', line.province, line.regency, line.district, line.enrolledOn, line.monthlyWage, '', 'active'].join(';')}\n`;
    expect(await roster(csv)).toMatchObject({ lines: 1, rejected: [], written: 1 });
  });

  it('refuses a file separated by anything else, saying that a comma or a semicolon is expected', async () => {
    const error = await roster(rosterCsv(3).replaceAll(',', '\t')).catch((e: unknown) => e);
    expect(String((error as { fields?: { message: string }[] }).fields?.[0]?.message)).toMatch(/comma.*semicolon|semicolon.*comma/i);
  });
});
