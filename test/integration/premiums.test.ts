import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { type Api, startApi } from '../support/api';
import { uniqueNik, validClaim } from '../support/fixtures';
import { completeClaim, givenMember, tokenFor, waitForDecisionTask, waitForStatus } from '../support/workflow';

/**
 * The roster, the premium ledger and the reconciliation against DynamoDB Local: imports through the staff API, the
 * report compared to a hand-computed expectation, files imported twice, bad files, and the workflow's coverage check
 * reading what the reconciliation wrote.
 */
let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.stop();
});

const csv = (rows: (string | number)[][]) => `${rows.map((r) => r.join(',')).join('\n')}\n`;
const ROSTER_HEADER = ['nik', 'name', 'program', 'kpj', 'province', 'regency', 'district', 'enrolledOn', 'monthlyWage', 'phone', 'status'];
const PAYMENT_HEADER = ['period', 'nik', 'jkk', 'jkm', 'receiptNo', 'paidOn'];
const rosterLine = (nik: string, overrides: Partial<Record<string, string | number>> = {}) => {
  const row: Record<string, string | number> = {
    nik,
    name: 'Budi Santoso',
    program: 'TKSK',
    kpj: '',
    province: nik.slice(0, 2),
    regency: nik.slice(0, 4),
    district: nik.slice(0, 6),
    enrolledOn: '2020-01-15',
    monthlyWage: 1_000_000,
    phone: '',
    status: 'active',
    ...overrides,
  };
  return ROSTER_HEADER.map((h) => row[h]!);
};
const postCsv = async (path: string, body: string, user: string) =>
  api.call('POST', path, {
    body,
    headers: { 'content-type': 'text/csv', accept: 'application/json', authorization: `Bearer ${await tokenFor(user)}` },
  });
const staffJson = async (method: string, path: string, user: string, body?: unknown) =>
  api.call(method, path, {
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      accept: 'application/json',
      authorization: `Bearer ${await tokenFor(user)}`,
    },
  });

/** A district of its own for this test file, so that its members are told apart from other files' members. */
const niks = (count: number) => {
  const set = new Set<string>();
  while (set.size < count) set.add(uniqueNik({ province: '35' }));
  return [...set];
};

describe('roster import, payments and the reconciliation of a month', () => {
  const members = niks(1000);
  const period = '2026-10';
  // Planted discrepancies (expected per member: JKK Rp10,000 + JKM Rp6,800 = Rp16,800 at a wage of Rp1,000,000).
  const unpaid = members.slice(0, 10);
  const underpaid = members.slice(10, 15); // JKK short by Rp1,000
  const overpaid = members.slice(15, 20); // Rp5,000 too much on JKM
  const twoReceipts = members.slice(20, 22); // Rp8,400 + Rp8,400: PAID
  const lateJoiners = members.slice(22, 25); // enrolled 2026-11-10: an October payment is PAID_FOR_INACTIVE
  const strangers = niks(2); // not on the roster: UNKNOWN_MEMBER
  const zeroLine = unpaid[0]!; // a Rp0 line still leaves the month UNPAID

  const rosterCsv = csv([
    ROSTER_HEADER,
    ...members.map((nik) => rosterLine(nik, lateJoiners.includes(nik) ? { enrolledOn: '2026-11-10' } : {})),
  ]);
  const paymentLines: (string | number)[][] = [];
  for (const nik of members) {
    if (unpaid.includes(nik) || twoReceipts.includes(nik)) continue;
    const jkk = underpaid.includes(nik) ? 9_000 : 10_000;
    const jkm = overpaid.includes(nik) ? 11_800 : 6_800;
    paymentLines.push([period, nik, jkk, jkm, `KWT-${nik.slice(-6)}`, '2026-10-14']);
  }
  for (const nik of twoReceipts)
    paymentLines.push(
      [period, nik, 5_000, 3_400, `A-${nik.slice(-6)}`, '2026-10-10'],
      [period, nik, 5_000, 3_400, `B-${nik.slice(-6)}`, '2026-10-20'],
    );
  for (const nik of strangers) paymentLines.push([period, nik, 10_000, 6_800, `X-${nik.slice(-6)}`, '2026-10-14']);
  paymentLines.push([period, zeroLine, 0, 0, 'ZERO-1', '2026-10-15']);
  const paymentsCsv = csv([PAYMENT_HEADER, ...paymentLines]);

  it('imports 1,000 members, and importing the same file again changes nothing', async () => {
    const first = await postCsv('/staff/members/import', rosterCsv, 'admin');
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ lines: 1000, imported: 1000, updated: 0, unchanged: 0, rejected: [] });
    const again = await postCsv('/staff/members/import', rosterCsv, 'admin');
    expect(again.json).toMatchObject({ lines: 1000, imported: 0, updated: 0, unchanged: 1000, rejected: [] });
  });

  it('imports a month of payments, keeps lines for unknown NIKs, and a second import changes nothing', async () => {
    const first = await postCsv('/staff/premiums/payments', paymentsCsv, 'finance');
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({
      lines: paymentLines.length,
      added: paymentLines.length,
      matched: paymentLines.length - 2,
      rejected: [],
    });
    expect(first.json.unknownMembers.map((u: { nik: string }) => u.nik).sort()).toEqual([...strangers].sort());
    const again = await postCsv('/staff/premiums/payments', paymentsCsv, 'finance');
    expect(again.json).toMatchObject({ added: 0, updated: 0, unchanged: paymentLines.length });
  });

  it('runs on demand asynchronously when asked (Prefer: respond-async): 202 with a run to poll, then its report', async () => {
    const res = await api.call('POST', '/staff/reconciliations', {
      body: JSON.stringify({ period }),
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        prefer: 'respond-async',
        authorization: `Bearer ${await tokenFor('finance')}`,
      },
    });
    expect(res.status).toBe(202);
    expect(res.json).toEqual({ runId: expect.stringMatching(/^REC-\d{4}-\d{2}-/), status: 'RUNNING', statusUrl: expect.any(String) });
    expect(res.headers.get('location')).toBe(res.json.statusUrl);
    let run: any;
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
      run = (await staffJson('GET', res.json.statusUrl, 'finance')).json;
      if (run.status !== 'RUNNING') break;
    }
    expect(run).toMatchObject({ period, status: 'SUCCEEDED', requestedBy: 'finance', reportUrl: `/staff/reconciliations/${period}` });
    expect(run.counts.UNPAID).toBeGreaterThanOrEqual(unpaid.length);
    // Only finance reads runs; a forged id is a 404 before the store.
    expect((await staffJson('GET', res.json.statusUrl, 'verifier')).status).toBe(403);
    expect((await staffJson('GET', `/staff/reconciliations/runs/REC-2026-09-${'x'.repeat(2000)}`, 'finance')).status).toBe(404);
  });

  /** Every discrepancy of the month, page after page of `limit` (a page never holds more; the last has no token). */
  const everyDiscrepancy = async (limit: number, category?: string) => {
    const all: { nik: string; category: string; expected: number; paid: number }[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const query = new URLSearchParams({ limit: String(limit), ...(category ? { category } : {}), ...(nextToken ? { nextToken } : {}) });
      const res = await staffJson('GET', `/staff/reconciliations/${period}?${query}`, 'finance');
      expect(res.status).toBe(200);
      expect(res.json.discrepancies.length).toBeLessThanOrEqual(limit);
      all.push(...res.json.discrepancies);
      nextToken = res.json.nextToken;
      pages += 1;
    } while (nextToken && pages < 500);
    return { all, pages };
  };

  it('reconciles the month into a report that names every planted discrepancy', async () => {
    const res = await staffJson('POST', '/staff/reconciliations?limit=1000', 'finance', { period });
    expect(res.status).toBe(200);
    const report = res.json;
    const mine = (list: { nik: string }[]) => list.filter((d) => members.includes(d.nik) || strangers.includes(d.nik));
    const byCategory = (category: string) =>
      mine(report.discrepancies)
        .filter((d: any) => d.category === category)
        .map((d: any) => d.nik)
        .sort();
    expect(byCategory('UNPAID')).toEqual([...unpaid].sort());
    expect(byCategory('UNDERPAID')).toEqual([...underpaid].sort());
    expect(byCategory('OVERPAID')).toEqual([...overpaid].sort());
    expect(byCategory('PAID_FOR_INACTIVE')).toEqual([...lateJoiners].sort());
    expect(byCategory('UNKNOWN_MEMBER')).toEqual([...strangers].sort());
    expect(mine(report.discrepancies)).toHaveLength(25);
    expect(report.discrepancies.find((d: any) => d.nik === underpaid[0])).toMatchObject({ expected: 16_800, paid: 15_800 });
    // Other test files may have members too: the totals hold at least ours.
    expect(report.counts.PAID).toBeGreaterThanOrEqual(1000 - 10 - 5 - 5 - 3);
    expect(report.paid.amount).toBeGreaterThanOrEqual(
      (1000 - 10 - 2 - 3) * 16_800 - 5 * 1_000 + 5 * 5_000 + 2 * 16_800 + 3 * 16_800 + 2 * 16_800,
    );

    // Read back a page at a time: every discrepancy once, in the order of the counts' categories.
    const total = Object.entries(report.counts as Record<string, number>).reduce((n, [c, k]) => (c === 'PAID' ? n : n + k), 0);
    const paged = await everyDiscrepancy(7);
    expect(paged.all).toHaveLength(total);
    expect(new Set(paged.all.map((d) => `${d.category}#${d.nik}`)).size).toBe(total);
    expect(paged.pages).toBeGreaterThanOrEqual(Math.ceil(total / 7));
    expect(mine(paged.all)).toHaveLength(25);
    const order = ['UNPAID', 'UNDERPAID', 'OVERPAID', 'PAID_FOR_INACTIVE', 'UNKNOWN_MEMBER'];
    const ranks = paged.all.map((d) => order.indexOf(d.category));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const underpaidOnly = await everyDiscrepancy(2, 'UNDERPAID');
    expect(underpaidOnly.all.every((d) => d.category === 'UNDERPAID')).toBe(true);
    expect(
      mine(underpaidOnly.all)
        .map((d) => d.nik)
        .sort(),
    ).toEqual([...underpaid].sort());
    // 100 a page unless asked; a bad page query is a 400 naming its field.
    const first = await staffJson('GET', `/staff/reconciliations/${period}`, 'finance');
    expect(first.json.discrepancies.length).toBe(Math.min(100, total));
    expect(first.json).toMatchObject({ period, counts: report.counts, expected: report.expected, paid: report.paid });
    for (const bad of ['limit=0', 'limit=1001', 'category=PAID', 'nextToken=xyz'])
      expect((await staffJson('GET', `/staff/reconciliations/${period}?${bad}`, 'finance')).json.fields?.[0]?.path).toBe(bad.split('=')[0]);
    const asCsv = await api.call('GET', `/staff/reconciliations/${period}?format=csv`, {
      headers: { authorization: `Bearer ${await tokenFor('finance')}` },
    });
    expect(asCsv.headers.get('content-type')).toContain('text/csv');
    expect(asCsv.text.split('\r\n')[0]).toBe('period,nik,name,category,expected,paid,difference');
    expect(asCsv.text).toContain(`${period},${underpaid[0]},Budi Santoso,UNDERPAID,16800,15800,-1000`);
  });

  it('shows a member with coverage by month', async () => {
    const res = await staffJson('GET', `/staff/members/${underpaid[0]}`, 'verifier');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ nik: underpaid[0], program: 'TKSK', status: 'active' });
    expect(res.json.coverage).toEqual([
      expect.objectContaining({
        period,
        category: 'UNDERPAID',
        expected: { jkk: 10_000, jkm: 6_800, total: 16_800 },
        paid: { jkk: 9_000, jkm: 6_800, total: 15_800 },
      }),
    ]);
    expect((await staffJson('GET', `/staff/members/${uniqueNik()}`, 'verifier')).status).toBe(404);
  });

  it('feeds the workflow: a claim for an unpaid month is flagged SPONSOR_ARREARS and routed to a supervisor', async () => {
    const member = { nik: unpaid[1]!, name: 'Budi Santoso' };
    const body = await completeClaim(api, { ...member } as never, (b) => (b.incident.date = '2026-10-20'));
    const created = await api.postJson('/claims', body);
    await waitForStatus(api, created.json.reference, body.claimant.nik, 'AWAITING_APPROVAL');
    const claim = await waitForDecisionTask(api, created.json.reference);
    expect(claim.verification.flags).toContain('SPONSOR_ARREARS');
    expect(claim.verification.approval.level).toBe('supervisor');
  });

  it('runs from the shell with npm run reconcile, against the running twin', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'infra/local/reconcile-cli.ts', '--period', period],
      { env: { ...process.env, SANTUNAN_DATA_DIR: process.env.SANTUNAN_TEST_DIR } },
    );
    const out = JSON.parse(stdout);
    expect(out.reports).toEqual([expect.objectContaining({ period, counts: expect.objectContaining({ UNDERPAID: expect.any(Number) }) })]);
  });

  it('only finance imports payments and reads reports; only admin imports the roster', async () => {
    expect((await postCsv('/staff/premiums/payments', paymentsCsv, 'admin')).status).toBe(403);
    expect((await postCsv('/staff/members/import', rosterCsv, 'finance')).status).toBe(403);
    expect((await staffJson('GET', `/staff/reconciliations/${period}`, 'verifier')).status).toBe(403);
    expect(
      (await api.call('POST', '/staff/premiums/payments', { body: paymentsCsv, headers: { 'content-type': 'text/csv' } })).status,
    ).toBe(401);
  });
});

describe('members written before the byShard index', () => {
  it('get its keys when their unchanged row is imported again, so the sharded reconciliation finds them', async () => {
    const { GetCommand, UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
    const { documentClient } = await import('../../shared/platform/dynamodb/client');
    const [nik] = niks(1);
    const key = { pk: `MEMBER#${nik}`, sk: 'PROFILE' };
    const file = csv([ROSTER_HEADER, rosterLine(nik!)]);
    expect((await postCsv('/staff/members/import', file, 'admin')).json).toMatchObject({ imported: 1 });
    // As an item written by the roster import before the index existed.
    await documentClient.send(
      new UpdateCommand({ TableName: process.env.MEMBERS_TABLE_NAME, Key: key, UpdateExpression: 'REMOVE gsi3pk, gsi3sk' }),
    );

    const again = await postCsv('/staff/members/import', file, 'admin');

    expect(again.json).toMatchObject({ imported: 0, updated: 0, unchanged: 1, rejected: [] });
    const item = (await documentClient.send(new GetCommand({ TableName: process.env.MEMBERS_TABLE_NAME, Key: key, ConsistentRead: true })))
      .Item;
    expect(item).toMatchObject({ gsi3pk: `SHARD#${nik!.slice(-2)}`, gsi3sk: nik });
  });
});

describe('histories and coverage written by the payment import, before any reconciliation', () => {
  const [died, raised] = niks(2);
  const period = (m: string) => `2026-${m}`;
  const withDates = (...rows: (string | number)[][]) => csv([[...ROSTER_HEADER, 'statusDate', 'wageFrom'], ...rows]);

  it('imports a roster with statusDate and wageFrom, and keeps both histories', async () => {
    // Arrange: both active at Rp1,000,000 first, from a file without the new columns
    const first = await postCsv('/staff/members/import', csv([ROSTER_HEADER, rosterLine(died!), rosterLine(raised!)]), 'admin');
    expect(first.json).toMatchObject({ imported: 2, rejected: [] });

    // Act: the death on 20 September, and a raise from 1 October
    const second = await postCsv(
      '/staff/members/import',
      withDates(
        [...rosterLine(died!, { status: 'deceased' }), '2026-09-20', ''],
        [...rosterLine(raised!, { monthlyWage: 2_500_000 }), '', '2026-10-01'],
      ),
      'admin',
    );

    // Assert
    expect(second.json).toMatchObject({ lines: 2, imported: 0, updated: 2, rejected: [] });
    const d = (await staffJson('GET', `/staff/members/${died}`, 'verifier')).json;
    expect(d.statusHistory.map((c: { status: string; on: string }) => [c.status, c.on])).toEqual([
      ['active', '2020-01-15'],
      ['deceased', '2026-09-20'],
    ]);
    const r = (await staffJson('GET', `/staff/members/${raised}`, 'verifier')).json;
    expect(r.monthlyWage).toBe(2_500_000);
    expect(r.wageHistory.map((c: { monthlyWage: number; from: string }) => [c.monthlyWage, c.from])).toEqual([
      [1_000_000, '2020-01-15'],
      [2_500_000, '2026-10-01'],
    ]);
  });

  it('writes the coverage of the months a payment import touches at once, priced by the status and wage of each month', async () => {
    // Act
    const res = await postCsv(
      '/staff/premiums/payments',
      csv([
        PAYMENT_HEADER,
        [period('09'), died!, 10_000, 6_800, 'H-D09', '2026-09-10'],
        [period('10'), died!, 10_000, 6_800, 'H-D10', '2026-10-10'],
        [period('09'), raised!, 10_000, 6_800, 'H-R09', '2026-09-10'],
        [period('10'), raised!, 25_000, 6_800, 'H-R10', '2026-10-10'],
      ]),
      'finance',
    );

    // Assert: no reconciliation ran for these members; the member page reads what the import wrote
    expect(res.json).toMatchObject({ lines: 4, added: 4, matched: 4, rejected: [] });
    const coverageOf = async (nik: string) =>
      Object.fromEntries(
        (
          (await staffJson('GET', `/staff/members/${nik}`, 'verifier')).json.coverage as {
            period: string;
            category: string;
            expected: { total: number };
          }[]
        ).map((c) => [c.period, [c.category, c.expected.total]]),
      );
    expect(await coverageOf(died!)).toEqual({ [period('09')]: ['PAID', 16_800], [period('10')]: ['PAID_FOR_INACTIVE', 0] });
    expect(await coverageOf(raised!)).toEqual({ [period('09')]: ['PAID', 16_800], [period('10')]: ['PAID', 31_800] });
  });

  it('so a claim filed before the nightly run is not flagged SPONSOR_ARREARS for a paid month', async () => {
    const body = await completeClaim(api, { nik: raised!, name: 'Budi Santoso' } as never, (b) => (b.incident.date = '2026-10-20'));
    const created = await api.postJson('/claims', body);
    await waitForStatus(api, created.json.reference, body.claimant.nik, 'AWAITING_APPROVAL');
    const claim = await waitForDecisionTask(api, created.json.reference);
    expect(claim.verification.flags).not.toContain('SPONSOR_ARREARS');
  });
});

describe('bad files get clear per-line errors and write nothing wrong', () => {
  it('refuses a wrong header, an empty file and binary junk as a whole (400)', async () => {
    const wrong = await postCsv('/staff/members/import', 'nik,nama,program\n3201011501900001,Budi,TKSK\n', 'admin');
    expect(wrong.status).toBe(400);
    expect(wrong.json.fields[0]).toMatchObject({ path: 'line 1', code: 'header.missing' });
    const empty = await postCsv('/staff/members/import', '', 'admin');
    expect(empty.status).toBe(400);
    expect(empty.json.fields[0].code).toBe('csv.empty');
    const junk = await api.call('POST', '/staff/premiums/payments', {
      body: Buffer.from([0x00, 0xff, 0x13, 0x37, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a]),
      headers: { 'content-type': 'text/csv', accept: 'application/json', authorization: `Bearer ${await tokenFor('finance')}` },
    });
    expect(junk.status).toBe(400);
  });

  it('answers a broken quote or random bytes with 400 naming the line, never 500', async () => {
    const broken = await postCsv(
      '/staff/members/import',
      `${ROSTER_HEADER.join(',')}\n"3201011501900001"x,Budi,TKSK,,32,3201,320101,2020-01-01,1000000,,active\n`,
      'admin',
    );
    expect(broken.status).toBe(400);
    expect(broken.json.fields[0]).toMatchObject({ path: 'line 2', code: 'csv.invalid' });
    expect(broken.text).not.toContain('3201011501900001');
    const random = Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919 + 13) % 256));
    const res = await api.call('POST', '/staff/premiums/payments', {
      body: random,
      headers: { 'content-type': 'text/csv', accept: 'application/json', authorization: `Bearer ${await tokenFor('finance')}` },
    });
    expect(res.status).toBe(400);
  });

  it('reads a file with a BOM and CRLF line ends', async () => {
    const nik = niks(1)[0]!;
    const body = `\ufeff${ROSTER_HEADER.join(',')}\r\n${rosterLine(nik).join(',')}\r\n`;
    const res = await postCsv('/staff/members/import', body, 'admin');
    expect(res.json).toMatchObject({ lines: 1, imported: 1, rejected: [] });
  });

  it('rejects bad lines with their line numbers and keeps the good ones', async () => {
    const [good, dup] = niks(2);
    const roster = csv([
      ROSTER_HEADER,
      rosterLine(good!),
      rosterLine('12345'),
      rosterLine(dup!, { monthlyWage: '1.500.000' }),
      rosterLine(good!),
      rosterLine(dup!, { province: '11' }),
    ]);
    const res = await postCsv('/staff/members/import', roster, 'admin');
    expect(res.status).toBe(200);
    expect(res.json.imported).toBe(1);
    expect(res.json.rejected.map((r: { line: number }) => r.line)).toEqual([3, 4, 5, 6]);
    expect(res.json.rejected[0].errors[0]).toMatchObject({ field: 'nik' });
    expect(res.json.rejected[1].errors[0]).toMatchObject({ field: 'monthlyWage', code: 'amount.notWhole' });
    expect(res.json.rejected[2].errors[0].code).toBe('csv.duplicate');
    expect(res.json.rejected[3].errors.map((e: { code: string }) => e.code)).toContain('region.mismatch');
    expect((await staffJson('GET', `/staff/members/${dup}`, 'verifier')).status).toBe(404);

    const nik = good!;
    const payments = csv([
      PAYMENT_HEADER,
      ['2026-13', nik, 10000, 6800, 'R1', '2026-10-01'],
      ['2026-10', nik, -5, 6800, 'R2', '2026-10-01'],
      ['2026-10', nik, 10000, 6800, 'R3', '2026-10-01'],
      ['2026-10', nik, 10000, 6800, 'R3', '2026-10-01'],
    ]);
    const pay = await postCsv('/staff/premiums/payments', payments, 'finance');
    expect(pay.json.added).toBe(1);
    expect(pay.json.rejected.map((r: { line: number; errors: { field: string; code: string }[] }) => [r.line, r.errors[0]!.field])).toEqual(
      [
        [2, 'period'],
        [3, 'jkk'],
        [5, '*'],
      ],
    );
  });

  it('imports a large file through storage: /staff/uploads, then the import names the upload', async () => {
    const list = niks(30);
    const body = csv([ROSTER_HEADER, ...list.map((n) => rosterLine(n))]);
    const upload = await staffJson('POST', '/staff/uploads', 'admin', { kind: 'roster', size: Buffer.byteLength(body) });
    expect(upload.status).toBe(201);
    const form = new FormData();
    for (const [k, v] of Object.entries(upload.json.fields as Record<string, string>)) form.append(k, v);
    form.append('file', new Blob([body], { type: 'text/csv' }));
    expect((await fetch(upload.json.url, { method: 'POST', body: form })).status).toBeLessThan(300);
    const res = await staffJson('POST', '/staff/members/import', 'admin', { uploadId: upload.json.uploadId });
    expect(res.json).toMatchObject({ lines: 30, imported: 30 });
    const missing = await staffJson('POST', '/staff/members/import', 'admin', { uploadId: 'imp_AAAAAAAAAAAAAAAAAAAAAA' });
    expect(missing.status).toBe(400);
    expect(missing.json.fields).toEqual([expect.objectContaining({ path: 'uploadId', code: 'uploadId.notFound' })]);

    // A file in storage is a job: asked not to wait (a 50 MB roster takes minutes), the import answers 202 and a job
    // to poll, which ends with the same result as the synchronous import.
    const again = await api.call('POST', '/staff/members/import', {
      body: JSON.stringify({ uploadId: upload.json.uploadId }),
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        prefer: 'respond-async',
        authorization: `Bearer ${await tokenFor('admin')}`,
      },
    });
    expect(again.status).toBe(202);
    expect(again.headers.get('location')).toBe(again.json.statusUrl);
    let job: any;
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
      job = (await staffJson('GET', again.json.statusUrl, 'admin')).json;
      if (job.status !== 'RUNNING') break;
    }
    expect(job).toMatchObject({ kind: 'roster', status: 'SUCCEEDED', requestedBy: 'admin', result: { lines: 30, unchanged: 30 } });
    // The roster job is admin's to read, not finance's.
    expect((await staffJson('GET', again.json.statusUrl, 'finance')).status).toBe(403);
  });

  it('refuses a reconciliation of a period that is not YYYY-MM', async () => {
    const res = await staffJson('POST', '/staff/reconciliations', 'finance', { period: '2026-13' });
    expect(res.status).toBe(400);
    expect(res.json.fields[0].path).toBe('period');
  });
});
void validClaim;
void givenMember;
