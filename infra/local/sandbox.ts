import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { html } from '../../shared/platform/web/html';

export type BankFailure = 'timeout' | '5xx' | 'reject';

interface Transfer {
  transferId: string;
  idempotencyKey: string;
  reference: string;
  bankCode: string;
  accountNumber: string;
  accountHolder: string;
  amount: number;
  status: 'COMPLETED';
  completedAt: string;
}

/**
 * The ledger on disk: one JSON line per transfer, appended as it is made (rewriting the whole ledger on every transfer
 * cost the twin's event loop about 50 s over 5,000 transfers). A ledger of an older twin (`bank-ledger.json`, one
 * array) is read first.
 */
const loadLedger = (dataDir: string): Transfer[] => {
  const legacy = join(dataDir, 'bank-ledger.json');
  const lines = join(dataDir, 'bank-ledger.jsonl');
  return [
    ...(existsSync(legacy) ? (JSON.parse(readFileSync(legacy, 'utf8')) as Transfer[]) : []),
    ...(existsSync(lines)
      ? readFileSync(lines, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Transfer)
      : []),
  ];
};

/**
 * The twin's sandbox for the two outside services a claim touches:
 * - a disbursement bank (`POST /bank/transfers` with an Idempotency-Key), with switchable failures
 *   (`POST /_sandbox/failures {"mode":"timeout"|"5xx"|"reject","count":n}`) and a ledger of the transfers it
 *   received (`GET /bank/transfers`, kept in the data directory across restarts);
 * - an SMS gateway (`POST /sms/messages {"to","text"}`) with an outbox (`GET /sms/messages`).
 * `GET /` shows both to a person.
 */
export const startSandbox = async (options: { dataDir: string; port?: number; apiKey: string; timeoutHoldMs?: number }) => {
  const ledgerFile = join(options.dataDir, 'bank-ledger.jsonl');
  const ledger = loadLedger(options.dataDir);
  const byKey = new Map(ledger.map((t) => [t.idempotencyKey, t]));
  const sms: { to: string; text: string; at: string }[] = [];
  const failures: BankFailure[] = [];
  const holdMs = options.timeoutHoldMs ?? 15_000;
  const save = (transfer: Transfer) => appendFileSync(ledgerFile, `${JSON.stringify(transfer)}\n`);
  const port = () => {
    const a = server.address();
    return typeof a === 'object' && a ? a.port : 0;
  };

  const body = (req: IncomingMessage): Promise<Record<string, unknown>> =>
    new Promise((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>);
        } catch {
          resolve({});
        }
      });
    });
  const json = (res: ServerResponse, status: number, value: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    if (req.method === 'POST' && url.pathname === '/bank/transfers') {
      if (req.headers.authorization !== `Bearer ${options.apiKey}`) return json(res, 401, { code: 'UNAUTHORIZED', message: 'bad API key' });
      const key = String(req.headers['idempotency-key'] ?? '');
      const input = await body(req);
      if (!key) return json(res, 400, { code: 'IDEMPOTENCY_KEY_REQUIRED', message: 'Idempotency-Key required' });
      const failure = failures.shift();
      if (failure === '5xx') return json(res, 503, { code: 'UNAVAILABLE', message: 'switch down (sandbox)' });
      if (failure === 'reject') return json(res, 422, { code: 'ACCOUNT_REJECTED', message: 'account closed or name mismatch (sandbox)' });
      const existing = byKey.get(key);
      const transfer =
        existing ??
        ({
          transferId: `TRF-${randomUUID()}`,
          idempotencyKey: key,
          reference: String(input.reference),
          bankCode: String(input.bankCode),
          accountNumber: String(input.accountNumber),
          accountHolder: String(input.accountHolder),
          amount: Number(input.amount),
          status: 'COMPLETED',
          completedAt: new Date().toISOString(),
        } satisfies Transfer);
      if (!existing) {
        ledger.push(transfer);
        byKey.set(key, transfer);
        save(transfer);
      }
      // A timeout after the money moved: the caller must retry with the same key and get this transfer back.
      if (failure === 'timeout') await new Promise((r) => setTimeout(r, holdMs));
      if (res.destroyed) return;
      return json(res, existing ? 200 : 201, transfer);
    }
    if (req.method === 'GET' && url.pathname === '/bank/transfers') return json(res, 200, { transfers: ledger });
    if (req.method === 'POST' && url.pathname === '/_sandbox/failures') {
      const input = await body(req);
      const mode = input.mode as BankFailure;
      if (!['timeout', '5xx', 'reject'].includes(mode)) return json(res, 400, { message: 'mode: timeout | 5xx | reject' });
      const count = Math.max(1, Math.min(100, Number(input.count ?? 1)));
      for (let i = 0; i < count; i += 1) failures.push(mode);
      return json(res, 200, { queued: failures });
    }
    if (req.method === 'DELETE' && url.pathname === '/_sandbox/failures') {
      failures.length = 0;
      return json(res, 200, { queued: [] });
    }
    if (req.method === 'POST' && url.pathname === '/sms/messages') {
      const input = await body(req);
      if (typeof input.to !== 'string' || typeof input.text !== 'string') return json(res, 400, { message: 'to and text required' });
      sms.push({ to: input.to, text: input.text, at: new Date().toISOString() });
      return json(res, 202, { accepted: true });
    }
    if (req.method === 'GET' && url.pathname === '/sms/messages') return json(res, 200, { messages: sms });
    if (req.method === 'GET' && url.pathname === '/') {
      const transfers = ledger.map((t) => [
        html`<tr><td>${t.completedAt}</td><td>${t.reference}</td><td>${t.bankCode}</td><td>****${t.accountNumber.slice(-4)}</td>`,
        html`<td>${t.accountHolder}</td><td>Rp${t.amount.toLocaleString('id-ID')}</td><td>${t.transferId}</td></tr>`,
      ]);
      const page =
        html`<!doctype html><meta charset="utf-8"><title>Santunan sandbox</title><body style="font-family:system-ui;max-width:60rem;margin:auto">
<h1>Sandbox bank: transfers received (${ledger.length})</h1><table border="1" cellpadding="4"><tr><th>at</th><th>reference</th><th>bank</th><th>account</th><th>holder</th><th>amount</th><th>transfer</th></tr>
${transfers}</table>
<p>Next failures: ${failures.join(', ') || 'none'}. Queue one: <code>curl -X POST -d '{"mode":"5xx","count":2}' http://127.0.0.1:${port()}/_sandbox/failures</code></p>
<h1>SMS outbox (${sms.length})</h1><ul>${sms.map((m) => html`<li>${m.at} to ${m.to}: ${m.text}</li>`)}</ul></body>`.toString();
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    }
    json(res, 404, { message: 'Not Found' });
  });
  await new Promise<void>((r) => server.listen(options.port ?? 0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${port()}`;
  return {
    url,
    failNext: (mode: BankFailure, count = 1) => {
      for (let i = 0; i < count; i += 1) failures.push(mode);
    },
    transfers: () => [...ledger],
    sms: () => [...sms],
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
};
export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
