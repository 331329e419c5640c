import { randomBytes } from 'node:crypto';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { CLAIMS_TABLE } from '../../infra/definitions/tables';
import { ensureTables } from '../../infra/local/dynamodb';
import { ClaimsRepository } from '../../shared/claims/adapters/claims-repository';
import { queueCounts, queuePage } from '../../shared/claims/application/approval/staff-queues';
import { searchClaims } from '../../shared/claims/application/approval/staff-search';
import { buildClaim } from '../../shared/claims/application/intake/submit-claim';
import type { Claim, ClaimStatus } from '../../shared/claims/domain/claim';
import { newReference } from '../../shared/claims/domain/reference';
import { claimSubmissionSchema } from '../../shared/claims/schemas/claim';
import { validate } from '../../shared/kernel/validate';
import { dynamoClient } from '../../shared/platform/dynamodb/client';
import { type Api, startApi } from '../support/api';
import { uniqueNik, validClaim } from '../support/fixtures';
import { givenMember, tokenFor } from '../support/workflow';

/**
 * The console's reads against DynamoDB Local: queue counts (`Select COUNT` on byStatus), a status oldest first, every
 * status merged and paged, claims by NIK (byNik: the member on the claim item, the claimant on its index item, moved by
 * a correction), names, and the routes' JSON. The repository tests run on a table of their own, so that the counts
 * are exactly this file's claims; the route tests on the twin's table with NIKs of their own.
 */
const TABLE = `staff-console-${randomBytes(4).toString('hex')}`;
const repo = new ClaimsRepository(TABLE);
const names = { members: { get: async () => undefined } };
let api: Api;

beforeAll(async () => {
  await ensureTables(dynamoClient, [CLAIMS_TABLE], () => TABLE);
  api = await startApi();
}, 60_000);
afterAll(async () => {
  await api.stop();
  await dynamoClient.send(new DeleteTableCommand({ TableName: TABLE }));
});

/** A claim stored in a status, submitted `minutesAgo` before a fixed day. */
const stored = async (
  status: ClaimStatus,
  minutesAgo: number,
  over: (b: Record<string, any>) => void = () => undefined,
  table: ClaimsRepository = repo,
): Promise<Claim> => {
  const at = new Date(Date.parse('2026-11-30T10:00:00+07:00') - minutesAgo * 60_000);
  const claim = buildClaim(validate(claimSubmissionSchema, validClaim(over)), [], newReference(2026), at);
  await table.create({ ...claim, status }, { type: 'CLAIM_SUBMITTED', at: claim.submittedAt, actor: { kind: 'system' } });
  return { ...claim, status };
};

describe('queues, counts and claims by NIK on a table of their own', () => {
  const made: Claim[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 5; i += 1) made.push(await stored('AWAITING_APPROVAL', 100 - i));
    made.push(await stored('PAID', 50), await stored('PAID', 40), await stored('NEEDS_DOCUMENTS', 30));
  });

  it('counts each status from the byStatus index, and stops at the cap', async () => {
    const counts = await queueCounts(repo);
    expect(counts.AWAITING_APPROVAL).toEqual({ count: 5, capped: false });
    expect(counts.PAID).toEqual({ count: 2, capped: false });
    expect(counts.NEEDS_DOCUMENTS).toEqual({ count: 1, capped: false });
    expect(counts.REJECTED).toEqual({ count: 0, capped: false });
    expect(await repo.countByStatus('AWAITING_APPROVAL', 3)).toEqual({ count: 3, capped: true });
    expect(await repo.countByStatus('AWAITING_APPROVAL', 5)).toEqual({ count: 5, capped: false });
  });

  it('a status oldest first, page by page with the cursor the store gives', async () => {
    const first = await queuePage(repo, 'AWAITING_APPROVAL', { limit: 2 });
    const second = await queuePage(repo, 'AWAITING_APPROVAL', { limit: 2, cursor: first.next });
    const third = await queuePage(repo, 'AWAITING_APPROVAL', { limit: 2, cursor: second.next });
    const waiting = made.filter((c) => c.status === 'AWAITING_APPROVAL').map((c) => c.reference);
    expect([...first.rows, ...second.rows, ...third.rows].map((r) => r.reference)).toEqual(waiting);
    const newest = await queuePage(repo, 'AWAITING_APPROVAL', { limit: 5, order: 'newest' });
    expect(newest.rows.map((r) => r.reference)).toEqual([...waiting].reverse());
  });

  it('ALL merges every status newest first, and its pages neither repeat nor skip a claim', async () => {
    const seen: string[] = [];
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await queuePage(repo, 'ALL', { limit: 3, cursor });
      expect(page.rows.length).toBeLessThanOrEqual(3);
      seen.push(...page.rows.map((r) => r.reference));
      cursor = page.next;
    } while (cursor);
    const newestFirst = [...made].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt)).map((c) => c.reference);
    expect(seen).toEqual(newestFirst);
  });

  it('finds claims by the member NIK and by the claimant NIK; a correction moves the claim to the new member', async () => {
    const member = uniqueNik({ female: true });
    const claimant = uniqueNik();
    const asMember = await stored('AWAITING_APPROVAL', 5, (b) => {
      b.member = { nik: member, name: 'Sri Wahyuni' };
    });
    const asClaimant = await stored('REJECTED', 4, (b) => {
      b.claimant.nik = member;
      b.member = { nik: uniqueNik({ female: true }), name: 'Dewi Lestari' };
      b.claimant.name = 'Sri Wahyuni';
      b.payout.accountHolder = 'Sri Wahyuni';
    });
    // Newest first.
    const byMember = await repo.claimsByNik(member, 10);
    expect(byMember.map((f) => [f.claim.reference, f.as])).toEqual([
      [asClaimant.reference, ['claimant']],
      [asMember.reference, ['member']],
    ]);
    // The whole claim comes back, without index keys.
    expect(byMember[0]!.claim).toMatchObject({ reference: asClaimant.reference, status: 'REJECTED', member: { name: 'Dewi Lestari' } });
    expect(Object.keys(byMember[0]!.claim).filter((k) => /^(pk|sk|gsi)/.test(k))).toEqual([]);
    expect((await repo.claimsByNik(claimant, 10)).map((f) => f.claim.reference)).toEqual([]);
    // A correction of the member: found under the corrected NIK, no longer under the old one.
    const corrected = uniqueNik({ female: true });
    await repo.transition(asMember.reference, {
      from: ['AWAITING_APPROVAL'],
      at: '2026-11-30T11:00:00.000+07:00',
      set: { member: { nik: corrected, name: 'Sri Wahyuni' } },
      audit: { type: 'CLAIM_CORRECTED', at: '2026-11-30T11:00:00.000+07:00', actor: { kind: 'family' } },
    });
    expect((await repo.claimsByNik(corrected, 10)).map((f) => f.claim.reference)).toEqual([asMember.reference]);
    expect((await repo.claimsByNik(member, 10)).map((f) => f.claim.reference)).toEqual([asClaimant.reference]);
  });

  it('200 claims in a queue: four pages of 50, the longest waiting first, counted 200', async () => {
    const times = Array.from({ length: 200 }, (_, i) => 2000 + i * 7);
    const claims: Claim[] = [];
    for (let i = 0; i < times.length; i += 20)
      claims.push(...(await Promise.all(times.slice(i, i + 20).map((m) => stored('APPROVED', m)))));
    const pages: string[][] = [];
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await queuePage(repo, 'APPROVED', { cursor });
      pages.push(page.rows.map((r) => r.reference));
      cursor = page.next;
    } while (cursor);
    expect(pages.filter((p) => p.length > 0).map((p) => p.length)).toEqual([50, 50, 50, 50]);
    // Oldest first: submitted longest ago (the most minutes before the fixed day) on top.
    const oldestFirst = [...claims].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt)).map((c) => c.reference);
    expect(pages.flat()).toEqual(oldestFirst);
    expect((await queueCounts(repo)).APPROVED).toEqual({ count: 200, capped: false });
  }, 120_000);

  it("finds names in the newest claims, without regard to case or accents, the member's or the claimant's", async () => {
    await stored('SUBMITTED', 1, (b) => {
      b.member = { nik: uniqueNik({ female: true }), name: 'Ñurul Hidáyah' };
    });
    const result = await searchClaims({ claims: repo, ...names }, 'nurul hida');
    expect(result.hits.map((h) => h.memberName)).toEqual(['Ñurul Hidáyah']);
    const sri = await searchClaims({ claims: repo, ...names }, 'WAHYU');
    // Newest first: the claim where she is the claimant was filed a minute after the one where she is the member.
    expect(sri.hits.map((h) => h.matched)).toEqual([['claimant'], ['member']]);
    expect(sri.bounded).toBe(false);
  });
});

describe('the routes', () => {
  const json = async (path: string, user = 'verifier') =>
    api.call('GET', path, { headers: { accept: 'application/json', authorization: `Bearer ${await tokenFor(user)}` } });
  const page = async (path: string, user = 'verifier') =>
    api.call('GET', path, { headers: { accept: 'text/html', authorization: `Bearer ${await tokenFor(user)}` } });

  it('GET /staff/claims keeps its JSON shape; counts and ALL are extensions', async () => {
    const plain = await json('/staff/claims?status=AWAITING_APPROVAL');
    expect(plain.status).toBe(200);
    expect(Object.keys(plain.json).filter((k) => k !== 'nextToken')).toEqual(['items']);
    const counted = await json('/staff/claims?status=ALL&counts=true');
    expect(counted.status).toBe(200);
    expect(Object.keys(counted.json.counts)).toContain('AWAITING_APPROVAL');
    expect(counted.json.counts).not.toHaveProperty('VERIFYING');
    for (const item of counted.json.items)
      expect(Object.keys(item).sort()).toEqual(expect.arrayContaining(['reference', 'status', 'benefit', 'memberName', 'submittedAt']));
    const bad = await json('/staff/claims?status=ALL&order=sideways');
    expect(bad.status).toBe(400);
    expect(bad.json.fields[0].path).toBe('order');
  });

  it('GET /staff/search finds by NIK (member on the roster and the claims) and by reference; bad input is a 400 on q', async () => {
    const member = await givenMember({ name: 'Rukmini Saputri' });
    const claim = await stored(
      'AWAITING_APPROVAL',
      0,
      (b) => {
        b.member = { nik: member.nik, name: member.name };
      },
      new ClaimsRepository(process.env.CLAIMS_TABLE_NAME!),
    );
    const byNik = await json(`/staff/search?q=${member.nik.replace(/(\d{4})/g, '$1.').slice(0, -1)}`);
    expect(byNik.status).toBe(200);
    expect(byNik.json.member).toEqual({ nik: member.nik, name: 'Rukmini Saputri', program: member.program });
    expect(byNik.json.items.map((i: { reference: string }) => i.reference)).toEqual([claim.reference]);
    const byReference = await json(`/staff/search?q=${encodeURIComponent(claim.reference.toLowerCase().replace(/-/g, ' '))}`);
    expect(byReference.json.items).toMatchObject([{ reference: claim.reference, matched: ['reference'] }]);
    for (const [q, code] of [
      ['ab', 'tooShort'],
      ['x'.repeat(101), 'tooLong'],
      ['abc%00def', 'controlCharacters'],
      ['12345', 'nik.length'],
    ]) {
      const refused = await json(`/staff/search?q=${q}`);
      expect([refused.status, refused.json.fields]).toEqual([400, [expect.objectContaining({ path: 'q', code })]]);
    }
    // The page says it in words beside the box, with the 400.
    const refusedPage = await page('/staff/search?q=ab');
    expect(refusedPage.status).toBe(400);
    expect(refusedPage.text).toContain('Ketik paling sedikit 3 karakter.');
    const found = await page(`/staff/search?q=${member.nik}&lang=en`);
    expect(found.text).toContain(`<a href="/staff/members/${member.nik}?lang=en"><strong>Rukmini Saputri</strong></a>`);
    expect(found.text).toContain(`href="/staff/claims/${claim.reference}?lang=en"`);
  });

  it("GET /staff/members/{nik}: the JSON as before, the page for browsers with the member's claims", async () => {
    const member = await givenMember({ name: 'Wulan Sari' });
    const claim = await stored(
      'NEEDS_DOCUMENTS',
      0,
      (b) => {
        b.member = { nik: member.nik, name: member.name };
      },
      new ClaimsRepository(process.env.CLAIMS_TABLE_NAME!),
    );
    const asJson = await json(`/staff/members/${member.nik}`);
    expect(asJson.status).toBe(200);
    expect(asJson.json).toMatchObject({ nik: member.nik, name: 'Wulan Sari' });
    expect(asJson.json).not.toHaveProperty('claims');
    const asPage = await page(`/staff/members/${member.nik}`);
    expect(asPage.status).toBe(200);
    expect(asPage.text).toContain('<h1>Wulan Sari</h1>');
    expect(asPage.text).toContain(
      `<a href="/staff/claims/${claim.reference}"><strong>${claim.reference}</strong></a> · Perlu dokumen tambahan`,
    );
    expect(asPage.text).toContain('Lunas');
  });
});
