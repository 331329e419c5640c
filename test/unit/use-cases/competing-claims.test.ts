import { closeClaim } from '../../../shared/claims/application/approval/close-claim';
import { decide } from '../../../shared/claims/application/approval/decide';
import { requestDecision } from '../../../shared/claims/application/approval/request-decision';
import { submitClaim } from '../../../shared/claims/application/intake/submit-claim';
import { payClaim } from '../../../shared/claims/application/payout/pay-claim';
import { verifyClaim } from '../../../shared/claims/application/verification/verify-claim';
import { requiredDocuments } from '../../../shared/claims/domain/rules/documents';
import { claimSubmissionSchema } from '../../../shared/claims/schemas/claim';
import { ConflictError, ForbiddenError, ValidationError } from '../../../shared/kernel/errors';
import { validate } from '../../../shared/kernel/validate';
import type { StaffUser } from '../../../shared/staff/domain/roles';
import {
  FakeBank,
  InMemoryClaimStore,
  InMemoryDocuments,
  InMemoryMembers,
  InMemoryUploads,
  messages,
  RecordingNotifier,
  RecordingWorkflow,
  STAFF_EMAILS,
} from '../../support/fakes/claims';
import { type Body, validClaim } from '../../support/fixtures';
import { aMember, paidMonth } from '../../support/members';

/**
 * Competing claims instead of locks (issue "proof", deliver 1): a stranger who knows a member's NIK must not be
 * able to lock the real heirs out. A second claimant's claim is accepted and both go to a supervisor; at most one
 * claim per member and benefit is ever paid; staff close any open claim with a coded reason; a claim waiting for
 * documents expires after a configurable number of days.
 */
const MEMBER = (validClaim().member as { nik: string }).nik;
const memberNik = () => MEMBER;
const REQUIRED = requiredDocuments({ benefit: 'JKM', incidentType: 'death', relationship: 'spouse', cause: 'illness' });
let uploads = 0;
/** A 2 KB file that starts as a PDF does (intake checks the declared type against the first bytes). */
const pdfBytes = new Uint8Array(2048).map((_, i) => '%PDF-1.7\n'.charCodeAt(i) || 32);
const DAY = 86_400_000;
const START = Date.parse('2026-11-30T03:00:00Z');

const setup = (options: { documentsExpiryDays?: number; documentsReminderDays?: number[] } = {}) => {
  let clock = START;
  const claims = new InMemoryClaimStore();
  const uploads = new InMemoryUploads();
  const documents = new InMemoryDocuments();
  const workflow = new RecordingWorkflow();
  const members = new InMemoryMembers();
  const notifier = new RecordingNotifier();
  const bank = new FakeBank();
  const now = () => new Date(clock);
  const policy = {
    secondApprovalAbove: 50_000_000,
    documentsExpiryDays: options.documentsExpiryDays ?? 60,
    ...(options.documentsReminderDays ? { documentsReminderDays: options.documentsReminderDays } : {}),
  };
  const deps = { claims, uploads, documents, workflow, members, notifier, bank, messages, policy, staffEmails: STAFF_EMAILS, now };
  return {
    ...deps,
    deps,
    advance: (days: number) => {
      clock += days * DAY;
    },
  };
};

type Setup = ReturnType<typeof setup>;
const baseUrl = 'https://santunan.test';

/** A claim by a claimant, with every required document (uploaded for real into the fakes) unless `bare`. */
const file = async (t: Setup, claimantNik: string, opts: { bare?: boolean; name?: string } = {}) => {
  const docs = opts.bare ? [] : REQUIRED.map((type) => ({ type, uploadId: '' }));
  const body: Body = validClaim((b) => {
    (b.member as Record<string, unknown>).nik = MEMBER;
    (b.claimant as Record<string, unknown>).nik = claimantNik;
    if (opts.name) (b.claimant as Record<string, unknown>).name = opts.name;
    b.documents = docs;
  });
  for (const [i, d] of docs.entries()) {
    uploads += 1;
    const uploadId = `up_${claimantNik.slice(-6)}${String(uploads * 100 + i).padStart(16, '0')}`;
    d.uploadId = uploadId;
    await t.uploads.put({
      uploadId,
      type: d.type as never,
      contentType: 'application/pdf',
      declaredSize: 2048,
      key: `uploads/${uploadId}`,
      createdAt: '2026-11-30T10:00:00+07:00',
      expiresAt: 1_900_000_000,
    });
    t.documents.store(`uploads/${uploadId}`, pdfBytes, 'application/pdf');
  }
  const outcome = await submitClaim(t.deps, validate(claimSubmissionSchema, body), { channel: 'api', baseUrl });
  return outcome.reference;
};

const withMember = (t: Setup) => {
  const nik = memberNik();
  const period = (validClaim().incident as { date: string }).date.slice(0, 7);
  t.members.add(aMember({ nik, name: (validClaim().member as { name: string }).name }), [paidMonth(nik, period)]);
  return t;
};

const verify = (t: Setup, reference: string) => verifyClaim(t.deps, { reference, baseUrl });
const ask = (t: Setup, reference: string, token: string) => requestDecision(t.deps, { reference, baseUrl, taskToken: token });
const staff = (username: string, ...roles: StaffUser['roles']): StaffUser => ({ username, roles });
const supervisor = staff('sri', 'supervisor');
const approver = staff('budi', 'approver');

const STRANGER = '3173010101900009';
const HEIR = '3173010203800001';

describe('competing claims instead of a lock', () => {
  it("accepts the real heir's claim after a stranger filed one with no documents for the same member", async () => {
    const t = withMember(setup());
    const stranger = await file(t, STRANGER, { bare: true, name: 'Orang Lain' });
    const heir = await file(t, HEIR);
    expect(heir).not.toBe(stranger);
    expect((await t.claims.openClaimsFor(memberNik(), 'JKM')).map((c) => c.reference).sort()).toEqual([heir, stranger].sort());
  });

  it('still refuses the same claimant a second open claim for the member and benefit', async () => {
    const t = withMember(setup());
    await file(t, HEIR);
    await expect(file(t, HEIR)).rejects.toMatchObject({ code: 'DUPLICATE_CLAIM' });
  });

  it('flags both claims COMPETING_CLAIM and sends both to a supervisor', async () => {
    const t = withMember(setup());
    const first = await file(t, HEIR);
    await verify(t, first);
    await ask(t, first, 'tok-first');
    expect((await t.claims.get(first))?.verification?.approval?.level).toBe('approver');

    const second = await file(t, STRANGER, { name: 'Orang Lain' });
    t.notifier.emails.length = 0;
    await verify(t, second);
    const a = (await t.claims.get(first))!;
    const b = (await t.claims.get(second))!;
    expect(b.verification?.flags).toContain('COMPETING_CLAIM');
    expect(b.verification?.approval?.level).toBe('supervisor');
    expect(b.verification?.competingClaims).toEqual([first]);
    expect(a.verification?.flags).toContain('COMPETING_CLAIM');
    expect(a.verification?.approval?.level).toBe('supervisor');
    expect(a.verification?.competingClaims).toEqual([second]);
    expect((await t.claims.auditTrail(first)).map((e) => e.type)).toContain('COMPETING_CLAIM_FILED');
    // The supervisors hear of the first claim at once (the second asks them when its decision is requested).
    expect(t.notifier.emails.some((e) => e.to.includes('supervisor@test') && e.message.subject.includes(first))).toBe(true);
  });

  it('lets only a supervisor decide, pays at most one, and refuses the other once one is approved', async () => {
    const t = withMember(setup());
    const first = await file(t, HEIR);
    const second = await file(t, STRANGER, { name: 'Orang Lain' });
    await verify(t, first);
    await verify(t, second);
    await ask(t, first, 'tok-1');
    await ask(t, second, 'tok-2');

    await expect(decide(t.deps, first, approver, { decision: 'approve' }, baseUrl)).rejects.toBeInstanceOf(ForbiddenError);
    // A second approval is required for a flagged claim: two supervisors.
    await decide(t.deps, first, supervisor, { decision: 'approve' }, baseUrl);
    await decide(t.deps, first, staff('wati', 'supervisor'), { decision: 'approve' }, baseUrl);
    expect((await t.claims.get(first))?.status).toBe('APPROVED');

    await decide(t.deps, second, supervisor, { decision: 'approve' }, baseUrl);
    const refused = decide(t.deps, second, staff('wati', 'supervisor'), { decision: 'approve' }, baseUrl);
    await expect(refused).rejects.toBeInstanceOf(ConflictError);
    await expect(refused).rejects.toMatchObject({ code: 'COMPETING_CLAIM_APPROVED' });
    expect((await t.claims.get(second))?.status).toBe('AWAITING_APPROVAL');

    await payClaim(t.deps, { reference: first, baseUrl });
    expect((await t.claims.get(first))?.status).toBe('PAID');
    expect(t.bank.transfers.size).toBe(1);

    // Once one is paid, nobody may file again for this member and benefit.
    await expect(file(t, '3173010101900017', { name: 'Orang Ketiga' })).rejects.toMatchObject({ code: 'DUPLICATE_CLAIM' });
  });

  it('never pays a claim whose payout another claim holds, even one approved before the rule existed', async () => {
    const t = withMember(setup());
    const first = await file(t, HEIR);
    const second = await file(t, STRANGER, { name: 'Orang Lain' });
    for (const [ref, tok] of [
      [first, 'a'],
      [second, 'b'],
    ] as const) {
      await verify(t, ref);
      await ask(t, ref, tok);
      await decide(t.deps, ref, supervisor, { decision: 'approve' }, baseUrl).catch(() => undefined);
    }
    await decide(t.deps, first, staff('wati', 'supervisor'), { decision: 'approve' }, baseUrl);
    // Forced into APPROVED behind the store's back (a manual change): Pay must still refuse before the bank.
    const forced = (await t.claims.get(second))!;
    t.claims.claims.set(second, { ...forced, status: 'APPROVED', pendingTask: undefined });
    await expect(payClaim(t.deps, { reference: second, baseUrl })).rejects.toMatchObject({ code: 'COMPETING_CLAIM_APPROVED' });
    expect(t.bank.calls).toBe(0);
  });
});

describe('closing a claim', () => {
  it('lets a supervisor close a claim waiting for documents, with a coded reason, and ends its wait', async () => {
    const t = withMember(setup());
    const squat = await file(t, STRANGER, { bare: true, name: 'Orang Lain' });
    await verify(t, squat);
    await t.claims.transition(squat, {
      from: ['NEEDS_DOCUMENTS'],
      at: '2026-11-30T10:00:00.000+07:00',
      set: { pendingTask: { kind: 'documents', token: 'docs-1', since: '2026-11-30T10:00:00.000+07:00' } },
      audit: { type: 'WAITING_FOR_DOCUMENTS', at: '2026-11-30T10:00:00.000+07:00', actor: { kind: 'system' } },
    });
    const closed = await closeClaim(t.deps, squat, supervisor, { reasonCode: 'SUSPECTED_FRAUD', note: 'not the heir' }, baseUrl);
    expect(closed).toMatchObject({
      status: 'REJECTED',
      decision: { outcome: 'rejected', reasonCode: 'SUSPECTED_FRAUD', decidedBy: 'sri' },
    });
    expect(closed.pendingTask).toBeUndefined();
    expect(t.workflow.answers).toEqual([{ token: 'docs-1', output: { documents: 'closed' } }]);
    expect((await t.claims.auditTrail(squat)).at(-1)).toMatchObject({
      type: 'CLAIM_CLOSED',
      actor: { kind: 'staff', id: 'sri' },
      details: { reasonCode: 'SUSPECTED_FRAUD', note: 'not the heir' },
    });
    expect(await t.claims.openClaimsFor(memberNik(), 'JKM')).toEqual([]);
    // The same person may file again properly (the lock of the closed claim is gone).
    await expect(file(t, STRANGER, { name: 'Orang Lain' })).resolves.toMatch(/^SNT-/);
  });

  it('closes a claim the family withdrew as WITHDRAWN, and answers a waiting decision so the workflow ends', async () => {
    const t = withMember(setup());
    const ref = await file(t, HEIR);
    await verify(t, ref);
    await ask(t, ref, 'dec-1');
    const closed = await closeClaim(t.deps, ref, supervisor, { reasonCode: 'WITHDRAWN_BY_FAMILY' }, baseUrl);
    expect(closed.status).toBe('WITHDRAWN');
    expect(t.workflow.answers).toEqual([{ token: 'dec-1', output: { outcome: 'closed' } }]);
  });

  it('checks the role before reading anything, the reason, and refuses a claim past approval', async () => {
    const t = withMember(setup());
    const ref = await file(t, HEIR);
    await expect(closeClaim(t.deps, 'SNT-2026-ZZZZZZ', approver, { reasonCode: 'OTHER', note: 'x' }, baseUrl)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(closeClaim(t.deps, ref, supervisor, { reasonCode: 'BECAUSE' }, baseUrl)).rejects.toBeInstanceOf(ValidationError);
    await expect(closeClaim(t.deps, ref, supervisor, { reasonCode: 'OTHER' }, baseUrl)).rejects.toMatchObject({
      fields: [{ path: 'note', code: 'required' }],
    });
    await verify(t, ref);
    await ask(t, ref, 'd');
    await decide(t.deps, ref, approver, { decision: 'approve' }, baseUrl);
    await expect(closeClaim(t.deps, ref, supervisor, { reasonCode: 'FILED_IN_ERROR' }, baseUrl)).rejects.toMatchObject({
      code: 'CLAIM_NOT_CLOSABLE',
    });
  });

  it('a decision wait that finds the claim closed ends the workflow instead of paying it', async () => {
    const t = withMember(setup());
    const ref = await file(t, HEIR);
    await verify(t, ref);
    await closeClaim(t.deps, ref, supervisor, { reasonCode: 'WITHDRAWN_BY_FAMILY' }, baseUrl);
    await ask(t, ref, 'late-token');
    expect(t.workflow.answers.at(-1)).toEqual({ token: 'late-token', output: { outcome: 'closed' } });
  });
});

describe('a claim waiting for documents expires', () => {
  it('waits at most until the expiry date, reminds the family of it, and then rejects with notice', async () => {
    const t = withMember(setup({ documentsExpiryDays: 60 }));
    const ref = await file(t, HEIR, { bare: true });
    const first = await verify(t, ref);
    // The first wait ends at the first reminder, 3 days on (issue 8: reminders after 3 and 7 days, then every 14).
    expect(first).toMatchObject({ next: 'NEEDS_DOCUMENTS', documentsTimeoutSeconds: 3 * 86_400 });
    const waiting = (await t.claims.get(ref))!;
    expect(waiting.documentsDueBy).toBe('2027-01-29T10:00:00.000+07:00');
    expect(t.notifier.emails.at(-1)?.message.text).toContain('29 Januari 2027');

    t.advance(50);
    const later = await verify(t, ref);
    expect(later).toMatchObject({ next: 'NEEDS_DOCUMENTS', documentsTimeoutSeconds: 10 * 86_400 });
    expect((await t.claims.get(ref))?.documentsDueBy).toBe('2027-01-29T10:00:00.000+07:00');

    t.advance(10);
    const expired = await verify(t, ref);
    expect(expired).toMatchObject({ next: 'DONE' });
    expect(await t.claims.get(ref)).toMatchObject({ status: 'REJECTED', decision: { reasonCode: 'DOCUMENTS_EXPIRED' } });
    expect(t.notifier.emails.at(-1)?.message.subject).toContain(ref);
    expect(await t.claims.openClaimsFor(memberNik(), 'JKM')).toEqual([]);
  });

  it('takes the number of days from the policy', async () => {
    const t = withMember(setup({ documentsExpiryDays: 5, documentsReminderDays: [10] }));
    const ref = await file(t, HEIR, { bare: true });
    expect(await verify(t, ref)).toMatchObject({ documentsTimeoutSeconds: 5 * 86_400 });
    t.advance(5);
    expect(await verify(t, ref)).toMatchObject({ next: 'DONE' });
  });
});

describe('reminders of missing documents (issue 8: after 3 and 7 days, then every 14)', () => {
  it('reminds the family by email and SMS 3 and 7 days after the claim started waiting, then every 14 days, until it expires', async () => {
    const t = withMember(setup({ documentsExpiryDays: 60 }));
    const ref = await file(t, HEIR, { bare: true });
    expect(await verify(t, ref)).toMatchObject({ next: 'NEEDS_DOCUMENTS', documentsTimeoutSeconds: 3 * 86_400 });
    const [asked] = t.notifier.emails.map((e) => e.message.subject);
    expect(asked).toBe(`Klaim ${ref}: dokumen masih kurang`);
    const waits: number[] = [];
    for (const days of [3, 4, 14, 14, 14]) {
      t.advance(days);
      waits.push((await verify(t, ref)).documentsTimeoutSeconds / 86_400);
    }
    // At day 3: 4 more to day 7; then 14 to day 21, 35, 49; at day 49 the claim expires on day 60, 11 days on.
    expect(waits).toEqual([4, 14, 14, 14, 11]);
    const reminders = t.notifier.emails.slice(1).map((e) => e.message.subject);
    expect(reminders).toEqual(Array(5).fill(`Pengingat: klaim ${ref} masih menunggu dokumen`));
    expect(t.notifier.texts).toHaveLength(6);
    expect(t.notifier.texts.at(-1)!.text).toContain('batas 29 Januari 2027');
    // Every reminder names the documents and carries the private link, never the NIK.
    const last = t.notifier.emails.at(-1)!.message;
    expect(last.text).toContain('Akta kematian');
    expect(last.text).toMatch(new RegExp(`${baseUrl}/claims/${ref}\\?t=[0-9a-z]+[A-Za-z0-9_-]{16}\\n`));
    expect(`${last.text}${last.html}`).not.toContain(HEIR);
  });

  it('counts from the day the claim started waiting, not from the last reminder, and takes the days from the policy', async () => {
    const t = withMember(setup({ documentsExpiryDays: 60, documentsReminderDays: [1, 2, 5] }));
    const ref = await file(t, HEIR, { bare: true });
    expect(await verify(t, ref)).toMatchObject({ documentsTimeoutSeconds: 86_400 });
    t.advance(1.5); // a reminder that ran late (a retry, a restart): the next is still on day 2
    expect(await verify(t, ref)).toMatchObject({ documentsTimeoutSeconds: 0.5 * 86_400 });
    t.advance(0.5);
    expect(await verify(t, ref)).toMatchObject({ documentsTimeoutSeconds: 3 * 86_400 });
    t.advance(3);
    expect(await verify(t, ref)).toMatchObject({ documentsTimeoutSeconds: 3 * 86_400 });
  });
});
