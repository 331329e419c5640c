import { startGateway } from '../../infra/local/gateway';

/**
 * The twin's access log: one line per request with the method, the route (its template, never the path as sent, which
 * may hold a NIK or a reference), the status and the duration; no query string, no body, no personal data.
 */
const NIK = '3173014107850003';

test('one line per request: method, route template, status, duration; never the path, query or body', async () => {
  const lines: string[] = [];
  const twinRoutes = async (_req: { method?: string }, res: { writeHead: (s: number) => { end: () => void } }, url: URL) => {
    if (url.pathname !== '/auth/token') return false;
    res.writeHead(401).end();
    return true;
  };
  const gateway = await startGateway(0, '127.0.0.1', twinRoutes as never, true, (line) => lines.push(line));
  try {
    await fetch(`${gateway.url}/no/such/${NIK}?nik=${NIK}`);
    await fetch(`${gateway.url}/auth/token`, { method: 'POST', body: JSON.stringify({ username: 'x', password: NIK }) });
    await fetch(`${gateway.url}/claims/SNT-2026-ABCDEF/documents`, { method: 'GET' });
    // Answered before any function runs: a path parameter that is not valid percent-encoding.
    await fetch(`${gateway.url}/claims/%E0%A4%A/documents?nik=${NIK}`, { method: 'POST', body: `{"nik":"${NIK}"}` });
    for (let i = 0; i < 50 && lines.length < 4; i += 1) await new Promise((r) => setTimeout(r, 10));
  } finally {
    await gateway.stop();
  }
  expect(lines.map((l) => l.replace(/ \d+ ms$/, ' <ms>'))).toEqual([
    'GET - 404 <ms>',
    'POST /auth/token 401 <ms>',
    'GET - 404 <ms>',
    'POST /claims/{reference}/documents 400 <ms>',
  ]);
  for (const line of lines) {
    expect(line).toMatch(/ \d+ ms$/);
    expect(line).not.toContain(NIK);
    expect(line).not.toContain('SNT-2026');
  }
});
