import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../../infra/local/sandbox';

/**
 * The sandbox bank's ledger on disk: one line appended per transfer (the whole ledger rewritten on every transfer cost
 * the twin about 50 s of its event loop over the proof suite's 5,000 payouts), kept across a restart, with a ledger
 * of an older twin (one JSON array) still read.
 */
const transfer = (url: string, reference: string) =>
  fetch(`${url}/bank/transfers`, {
    method: 'POST',
    headers: { authorization: 'Bearer key', 'idempotency-key': reference, 'content-type': 'application/json' },
    body: JSON.stringify({ reference, bankCode: '002', accountNumber: '0123', accountHolder: 'A', amount: 42_000_000 }),
  });

describe('the sandbox bank ledger', () => {
  it('appends one line per transfer, keeps it across a restart, and still reads an older ledger', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'santunan-ledger-'));
    writeFileSync(join(dataDir, 'bank-ledger.json'), JSON.stringify([{ transferId: 'TRF-old', idempotencyKey: 'OLD', reference: 'OLD' }]));
    const first = await startSandbox({ dataDir, apiKey: 'key' });
    expect((await transfer(first.url, 'SNT-2026-AAAAAA')).status).toBe(201);
    expect((await transfer(first.url, 'SNT-2026-BBBBBB')).status).toBe(201);
    expect((await transfer(first.url, 'SNT-2026-AAAAAA')).status).toBe(200); // the same key: the first transfer again
    await first.stop();
    const lines = readFileSync(join(dataDir, 'bank-ledger.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).reference)).toEqual(['SNT-2026-AAAAAA', 'SNT-2026-BBBBBB']);

    const again = await startSandbox({ dataDir, apiKey: 'key' });
    expect((await transfer(again.url, 'SNT-2026-BBBBBB')).status).toBe(200);
    expect(again.transfers().map((t) => t.reference)).toEqual(['OLD', 'SNT-2026-AAAAAA', 'SNT-2026-BBBBBB']);
    await again.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
});
