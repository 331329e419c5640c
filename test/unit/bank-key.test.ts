import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BankClient } from '../../shared/claims/adapters/bank-client';
import { secretOnce } from '../../shared/platform/secrets/secret-once';

/**
 * The bank's API key comes from Secrets Manager, read once per cold start (issue "proof": it was a plaintext
 * environment variable). A failed read is not cached, so the next transfer tries again.
 */
describe('secretOnce', () => {
  it('reads the secret once however many callers ask, and again only after a failure', async () => {
    let reads = 0;
    let fail = true;
    const key = secretOnce(async () => {
      reads += 1;
      if (fail) throw new Error('ThrottlingException');
      return 'k-1';
    });
    await expect(key()).rejects.toThrow('ThrottlingException');
    fail = false;
    expect(await Promise.all([key(), key(), key()])).toEqual(['k-1', 'k-1', 'k-1']);
    expect(await key()).toBe('k-1');
    expect(reads).toBe(2);
  });
});

describe('BankClient', () => {
  let server: Server;
  let url: string;
  const seen: (string | undefined)[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.headers.authorization);
      req.resume();
      req.on('end', () =>
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ status: 'COMPLETED', transferId: 'T-1', amount: 1, completedAt: '2026-11-30T10:00:00+07:00' })),
      );
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('sends the key from its source, read once for every transfer of the process', async () => {
    let reads = 0;
    const bank = new BankClient(
      url,
      secretOnce(async () => {
        reads += 1;
        return 'from-secrets-manager';
      }),
    );
    const request = { reference: 'SNT-2026-BCDFGH', bankCode: '002', accountNumber: '0123', accountHolder: 'A', amount: 1 };
    await bank.transfer(request);
    await bank.transfer({ ...request, reference: 'SNT-2026-BCDFGJ' });
    expect(seen).toEqual(['Bearer from-secrets-manager', 'Bearer from-secrets-manager']);
    expect(reads).toBe(1);
  });
});
