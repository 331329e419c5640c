import { randomUUID } from 'node:crypto';
import { type Api, apiClient, startApi } from '../support/api';
import { uniqueNik, validClaim } from '../support/fixtures';
import { givenMember, sandboxUrl, staff, twinUrl, waitForEmails } from '../support/workflow';

/**
 * Private links (issue 8, deliverable 4), on the twin: the family's email, read in the local SES inbox, is HTML with
 * a plain-text part and links to the status page with a signed token instead of the claimant's NIK; the link opens the
 * page (HTML and JSON); a changed, revoked or guessed token is the same 404 as a wrong NIK and counts toward the same
 * limit; a supervisor revokes the links and the family gets a new one; the NIK typed by hand keeps working.
 */
let api: Api;
/** The twin as a family's phone reaches it: the links in its emails point there. */
const twin = () => apiClient(twinUrl());
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.stop();
});

const STATUS_LINK = /(https?:\/\/\S+\/claims\/(SNT-\d{4}-[A-Z0-9]{6})\?t=([0-9a-z]+[A-Za-z0-9_-]{16}))/;
const json = { accept: 'application/json' };
const smsTo = async (reference: string) =>
  ((await (await fetch(`${sandboxUrl()}/sms/messages`)).json()) as { messages: { to: string; text: string }[] }).messages.filter((m) =>
    m.text.includes(reference),
  );

/** A claim filed without documents (it waits in NEEDS_DOCUMENTS and the family is asked for them), with its own inbox. */
const fileWaitingClaim = async () => {
  const member = await givenMember();
  const email = `family-${randomUUID().slice(0, 8)}@example.org`;
  const body = validClaim((b) => {
    b.member = { nik: member.nik, name: member.name };
    b.claimant.email = email;
  });
  const created = await api.postJson('/claims', body);
  expect(created.status).toBe(201);
  return { body, email, reference: created.json.reference as string, member };
};

describe('status links in notifications', () => {
  it('the email is HTML with a text part, its link carries a token (no NIK) and opens the status page; the SMS has the same link', async () => {
    const { body, email, reference, member } = await fileWaitingClaim();
    const [mail] = await waitForEmails(email, (es) => es.some((e) => e.subject.includes('dokumen masih kurang')), 30_000);
    const { text, html } = mail!.body as { text: string; html?: string };
    const [, url, linked, token] = STATUS_LINK.exec(text)!;
    expect(linked).toBe(reference);
    // A bare URL on its own line in the text part, a real <a href> in the HTML part.
    expect(text).toContain(`\n${url}\n`);
    expect(html).toContain(`href="${url}"`);
    for (const part of [mail!.subject, text, html]) {
      expect(part).not.toContain(body.claimant.nik);
      expect(part).not.toContain(member.nik);
      expect(part).not.toContain(body.payout.accountNumber);
    }

    const page = await twin().call('GET', new URL(url!).pathname + new URL(url!).search, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.text).toContain(reference);
    const status = await twin().call('GET', `/claims/${reference}?t=${token}`, { headers: json });
    expect([status.status, status.json.reference, status.json.status]).toEqual([200, reference, 'NEEDS_DOCUMENTS']);

    const sms = await smsTo(reference);
    expect(sms.length).toBeGreaterThan(0);
    expect(sms[0]!.text).toContain(url);
    expect(sms[0]!.text.length).toBeLessThanOrEqual(160);
    expect(sms[0]!.text).not.toContain(body.claimant.nik);
  });

  it('a changed token is the same 404 as a wrong NIK; the NIK typed by hand still opens the page', async () => {
    const { body, email, reference } = await fileWaitingClaim();
    const [mail] = await waitForEmails(email, (es) => es.length > 0, 30_000);
    const token = STATUS_LINK.exec(mail!.body.text!)![3]!;
    const changed = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const byToken = await api.call('GET', `/claims/${reference}?t=${changed}`, { headers: json });
    const byNik = await api.call('GET', `/claims/${reference}?nik=${uniqueNik()}`, { headers: json });
    expect([byToken.status, byToken.json]).toEqual([404, byNik.json]);
    const pageByToken = await api.call('GET', `/claims/${reference}?t=${changed}`, { headers: { accept: 'text/html' } });
    expect(pageByToken.status).toBe(404);
    expect(pageByToken.text).toContain('Klaim tidak ditemukan');
    expect((await api.call('GET', `/claims/${reference}?nik=${body.claimant.nik}`, { headers: json })).status).toBe(200);
    // A token for another claim opens nothing here.
    const other = await fileWaitingClaim();
    const [otherMail] = await waitForEmails(other.email, (es) => es.length > 0, 30_000);
    const otherToken = STATUS_LINK.exec(otherMail!.body.text!)![3]!;
    expect((await api.call('GET', `/claims/${reference}?t=${otherToken}`, { headers: json })).status).toBe(404);
  });

  it('wrong tokens count toward the limit on wrong NIKs: the 11th is a 429', async () => {
    const left = 15 * 60 - ((Date.now() / 1000) % (15 * 60));
    if (left < 20) await new Promise((resolve) => setTimeout(resolve, left * 1000 + 100));
    const { reference } = await fileWaitingClaim();
    const wrong = () => `${Math.floor(Date.now() / 86_400_000 + 30).toString(36)}${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    for (let i = 0; i < 10; i += 1)
      expect((await api.call('GET', `/claims/${reference}?t=${wrong()}`, { headers: json })).status).toBe(404);
    const eleventh = await api.call('GET', `/claims/${reference}?t=${wrong()}`, { headers: json });
    expect([eleventh.status, eleventh.json.error]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
  });
});

describe('POST /staff/claims/{reference}/links/revoke', () => {
  it('a supervisor revokes: the old link opens nothing, the family gets a new one that works, and the audit trail says who', async () => {
    const { body, email, reference } = await fileWaitingClaim();
    const [first] = await waitForEmails(email, (es) => es.length > 0, 30_000);
    const oldToken = STATUS_LINK.exec(first!.body.text!)![3]!;

    const verifier = await staff(api, 'verifier', 'POST', `/staff/claims/${reference}/links/revoke`, {});
    expect([verifier.status, verifier.json.error]).toEqual([403, 'FORBIDDEN']);
    const revoked = await staff(api, 'supervisor', 'POST', `/staff/claims/${reference}/links/revoke`, { note: 'Ponsel keluarga hilang.' });
    expect([revoked.status, revoked.json]).toEqual([200, { reference, linkVersion: 1, notified: { email: true, sms: true } }]);
    expect((await api.call('GET', `/claims/${reference}?t=${oldToken}`, { headers: json })).status).toBe(404);

    const mails = await waitForEmails(email, (es) => es.some((e) => e.subject.includes('tautan status yang baru')), 30_000);
    const fresh = mails.find((e) => e.subject.includes('tautan status yang baru'))!;
    const [, url, , newToken] = STATUS_LINK.exec(fresh.body.text!)!;
    expect(newToken).not.toBe(oldToken);
    const opened = await twin().call('GET', new URL(url!).pathname + new URL(url!).search, { headers: json });
    expect([opened.status, opened.json.reference]).toEqual([200, reference]);
    expect((await smsTo(reference)).some((m) => m.text.includes(url!))).toBe(true);
    expect((await api.call('GET', `/claims/${reference}?nik=${body.claimant.nik}`, { headers: json })).status).toBe(200);

    const audit = (await staff(api, 'supervisor', 'GET', `/staff/claims/${reference}`)).json.audit as { type: string; actor: unknown }[];
    expect(audit.filter((e) => e.type === 'STATUS_LINKS_REVOKED')).toEqual([
      expect.objectContaining({ actor: { kind: 'staff', id: 'supervisor' }, details: expect.objectContaining({ linkVersion: 1 }) }),
    ]);
    expect((await staff(api, 'supervisor', 'POST', '/staff/claims/SNT-2026-ZZZZZZ/links/revoke', {})).status).toBe(404);
  });
});
