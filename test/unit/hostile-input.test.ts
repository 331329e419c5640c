import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { queuePage } from '../../shared/claims/application/approval/staff-queues';
import type { ClaimQueues } from '../../shared/claims/application/ports';
import { ValidationError } from '../../shared/kernel/errors';
import { parseForm, parseJson } from '../../shared/platform/http/body';
import { httpHandler } from '../../shared/platform/http/handler';
import { json } from '../../shared/platform/http/responses';

/**
 * Issue 10, "unauthenticated 5xx": hostile input that used to reach a recursion, a throwing decoder or DynamoDB must
 * be a 4xx (or be ignored) before it does.
 */
const event = (over: Partial<APIGatewayProxyEventV2>): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    routeKey: 'POST /x',
    rawPath: '/x',
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    requestContext: { http: { method: 'POST', path: '/x' } },
    isBase64Encoded: false,
    ...over,
  }) as APIGatewayProxyEventV2;
const context = { functionName: 'test', awsRequestId: 'r' } as Context;

describe('hostile input never becomes a 5xx', () => {
  it('deeply nested JSON is a 400 naming the body, not a stack overflow', () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    expect(() => parseJson(deep)).toThrow(ValidationError);
    const nested = `${'{"a":'.repeat(100)}1${'}'.repeat(100)}`;
    expect(() => parseJson(nested)).toThrow(expect.objectContaining({ fields: [{ path: '', code: 'body.tooDeep' }] }));
    expect(parseJson('{"a":{"b":[1,{"c":2}]}}')).toEqual({ a: { b: [1, { c: 2 }] } });
  });

  it('a form field name with thousands of dots is a 400 naming it, not a recursion', () => {
    const name = Array.from({ length: 5_000 }, (_, i) => `a${i}`).join('.');
    expect(() => parseForm(`${name}=x`)).toThrow(expect.objectContaining({ fields: [{ path: name.slice(0, 60), code: 'invalid' }] }));
    expect(parseForm('member.nik=1&documents[0].type=X')).toEqual({ member: { nik: '1' }, documents: [{ type: 'X' }] });
  });

  it('a malformed cookie is ignored, not a 500 for everyone who carries it', async () => {
    const handler = httpHandler(async (request) => json(200, { cookies: request.cookies }), { accepts: ['json'] });
    const res = (await handler(event({ cookies: ['broken=%E0%A4%A', 'santunan_session=abc%20def'], body: '{}' }), context)) as {
      statusCode: number;
      body: string;
    };
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ cookies: { santunan_session: 'abc def' } });
  });

  it('with ORIGIN_VERIFY set (AWS, behind CloudFront and its WAF), a request without the origin header is a 403', async () => {
    const handler = httpHandler(async () => json(200, { ok: true }), { accepts: ['json'] });
    const call = async (headers: Record<string, string>) =>
      (
        (await handler(event({ headers: { 'content-type': 'application/json', ...headers }, body: '{}' }), context)) as {
          statusCode: number;
        }
      ).statusCode;
    process.env.ORIGIN_VERIFY = 'from-the-distribution';
    try {
      // Straight to https://<id>.execute-api...: past the WAF's rate rules, so refused.
      expect(await call({})).toBe(403);
      expect(await call({ 'x-origin-verify': 'guessed' })).toBe(403);
      expect(await call({ 'X-Origin-Verify': 'from-the-distribution' })).toBe(200);
    } finally {
      delete process.env.ORIGIN_VERIFY;
    }
    // The twin (no distribution) sets nothing, and nothing is asked.
    expect(await call({})).toBe(200);
  });

  it("behind CloudFront the client's address is the viewer's (CloudFront-Viewer-Address), not the edge's; a forged one is ignored elsewhere", async () => {
    const handler = httpHandler(async (req) => json(200, { ip: req.sourceIp }));
    const ipOf = async (headers: Record<string, string>, sourceIp = '130.176.1.2') => {
      const res = (await handler(
        { ...event({ headers }), requestContext: { http: { method: 'GET', sourceIp }, domainName: 'x' } } as never,
        context,
      )) as { body: string };
      return JSON.parse(res.body).ip as string;
    };
    process.env.ORIGIN_VERIFY = 'from-the-distribution';
    try {
      const via = { 'x-origin-verify': 'from-the-distribution' };
      expect(await ipOf({ ...via, 'cloudfront-viewer-address': '198.51.100.7:46532' })).toBe('198.51.100.7');
      expect(await ipOf({ ...via, 'CloudFront-Viewer-Address': '2001:db8:4::1:443' })).toBe('2001:db8:4::1');
      // No or a malformed header: the connection's address, never the header's text.
      expect(await ipOf(via)).toBe('130.176.1.2');
      expect(await ipOf({ ...via, 'cloudfront-viewer-address': 'not an address' })).toBe('130.176.1.2');
    } finally {
      delete process.env.ORIGIN_VERIFY;
    }
    // Without a distribution (the twin) nothing vouches for the header: a client cannot choose its own address.
    expect(await ipOf({ 'cloudfront-viewer-address': '198.51.100.7:46532' }, '127.0.0.1')).toBe('127.0.0.1');
  });

  it('a forged nextToken (another index, other key names, huge values) is a 400, never sent to the store', async () => {
    const good0 = () => ({ pk: 'CLAIM#SNT-2026-BCDFGH', sk: 'CLAIM', gsi1pk: 'STATUS#PAID', gsi1sk: '2026-11-01#SNT-2026-BCDFGH' });
    const sent: unknown[] = [];
    const listByStatus = async (...args: unknown[]) => {
      sent.push(args);
      return { items: [] };
    };
    const listAll = async (...args: unknown[]) => {
      sent.push(args);
      return { items: [] };
    };
    const store = { listByStatus, listAll } as unknown as ClaimQueues;
    const forged = [
      { pk: 'MEMBER#1', sk: 'PROFILE' },
      { pk: 'CLAIM#SNT-2026-BCDFGH', sk: 'CLAIM', gsi1pk: 'STATUS#PAID', gsi1sk: '2026-11-01#SNT-2026-BCDFGH' },
      { pk: `CLAIM#${'X'.repeat(3000)}`, sk: 'CLAIM', gsi1pk: 'STATUS#AWAITING_APPROVAL', gsi1sk: 'x' },
    ];
    for (const cursor of forged) await expect(queuePage(store, 'AWAITING_APPROVAL', { cursor })).rejects.toThrow(ValidationError);
    // The ALL queue's cursor is a sort key of the index, nothing else.
    const forgedAll = [{ before: 'x'.repeat(3000) }, { before: '2026-11-01T10:00:00.000+07:00#SNT', pk: 'CLAIM#X' }, good0()];
    for (const cursor of forgedAll) await expect(queuePage(store, 'ALL', { cursor })).rejects.toThrow(ValidationError);
    expect(sent).toEqual([]);
    const good = {
      pk: 'CLAIM#SNT-2026-BCDFGH',
      sk: 'CLAIM',
      gsi1pk: 'STATUS#AWAITING_APPROVAL',
      gsi1sk: '2026-11-01T10:00:00.000+07:00#SNT-2026-BCDFGH',
    };
    await queuePage(store, 'AWAITING_APPROVAL', { cursor: good });
    await queuePage(store, 'ALL', { cursor: { before: '2026-11-01T10:00:00.000+07:00#SNT-2026-BCDFGH' } });
    expect(sent).toHaveLength(2);
  });
});
