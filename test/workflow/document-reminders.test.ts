import { randomUUID } from 'node:crypto';
import { type ProofTwin, proofTwin } from '../proof/twin';

/**
 * Reminders of missing documents on the twin (issue 8, deliverable 7): the synthesized state machine waits in
 * AwaitDocuments for as long as Verify says, and the Verify that follows the timeout reminds the family. Days are
 * shortened to seconds on a twin of this file's own (DOCUMENTS_REMINDER_DAYS, DOCUMENTS_EXPIRY_DAYS are read at cold
 * start, so the suite's shared twin cannot have them): reminders at "3 and 7 days" become 8.6 s and 17.3 s after the
 * claim started waiting, and the claim expires at 21.6 s, before a third.
 */
const DAY_S = 86_400;
const REMINDER_DAYS = [0.0001, 0.0002];
const EXPIRY_DAYS = 0.00025;

let twin: ProofTwin;
let support: typeof import('../support/workflow');
let api: ReturnType<typeof import('../support/api')['apiClient']>;

beforeAll(async () => {
  // This file's own twin: the child gets these through the environment, and once started its environment (the
  // DynamoDB, SES and sandbox endpoints) is copied into this process, so the helpers below reach it.
  process.env.SANTUNAN_TEST_DOCUMENTS_REMINDER_DAYS = REMINDER_DAYS.join(',');
  process.env.SANTUNAN_TEST_DOCUMENTS_EXPIRY_DAYS = String(EXPIRY_DAYS);
  twin = await proofTwin({ name: 'document-reminders' });
  await twin.start();
  // Imported only now: their SDK clients must see the environment of this twin, not the suite's.
  support = await import('../support/workflow');
  api = (await import('../support/api')).apiClient(twin.apiUrl);
}, 180_000);

afterAll(async () => {
  await twin?.stop();
});

test('a claim missing documents is asked once, reminded at the configured days by email and SMS, then closed at its expiry', async () => {
  const member = await support.givenMember();
  const { validClaim } = await import('../support/fixtures');
  const email = `reminders-${randomUUID().slice(0, 8)}@example.org`;
  const body = validClaim((b) => {
    b.member = { nik: member.nik, name: member.name };
    b.claimant.email = email;
  });
  const created = await api.postJson('/claims', body);
  expect(created.status).toBe(201);
  const reference = created.json.reference as string;

  const waiting = await support.waitForStatus(api as never, reference, body.claimant.nik, 'NEEDS_DOCUMENTS', 30_000);
  const since = Date.parse(waiting.timeline.find((e: { status: string }) => e.status === 'NEEDS_DOCUMENTS').at);
  // The claim closes as DOCUMENTS_EXPIRED at its due date; by then every reminder has gone out.
  const closed = await support.waitForStatus(api as never, reference, body.claimant.nik, 'REJECTED', 90_000);
  expect(closed.decision).toMatchObject({ reasonCode: 'DOCUMENTS_EXPIRED' });

  const mails = await support.waitForEmails(email, (es) => es.some((e) => e.subject.includes('tidak dapat dibayarkan')), 30_000);
  const subjects = mails.map((e) => e.subject);
  expect(subjects).toEqual([
    `Klaim ${reference}: dokumen masih kurang`,
    `Pengingat: klaim ${reference} masih menunggu dokumen`,
    `Pengingat: klaim ${reference} masih menunggu dokumen`,
    `Klaim ${reference}: tidak dapat dibayarkan`,
  ]);
  // Each reminder no earlier than its day (counted from when the claim started waiting); the inbox stamps seconds.
  const sentAt = (mails as unknown as { at: number }[]).map((e) => e.at * 1000);
  for (const [i, days] of REMINDER_DAYS.entries()) {
    expect([i, sentAt[i + 1]! - since >= days * DAY_S * 1000 - 1000]).toEqual([i, true]);
  }
  expect(sentAt[1]!).toBeLessThan(since + REMINDER_DAYS[1]! * DAY_S * 1000);
  // Every reminder names what is missing and links to the status page with a token, never the NIK.
  for (const reminder of mails.slice(1, 3)) {
    expect(reminder.body.text).toContain('Akta kematian');
    expect(reminder.body.text).toMatch(new RegExp(`/claims/${reference}\\?t=[0-9a-z]+[A-Za-z0-9_-]{16}\\n`));
    expect(reminder.body.text).not.toContain(body.claimant.nik);
  }

  const sms = ((await (await fetch(`${twin.sandboxUrl}/sms/messages`)).json()) as { messages: { text: string }[] }).messages
    .map((m) => m.text)
    .filter((text) => text.includes(reference));
  expect(sms).toHaveLength(4);
  expect(sms.filter((text) => text.includes('dokumen kurang, batas'))).toHaveLength(2);
  for (const text of sms) expect(text.length).toBeLessThanOrEqual(160);
}, 180_000);
