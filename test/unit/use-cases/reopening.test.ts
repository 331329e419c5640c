import { decideAppeal } from '../../../shared/claims/application/approval/decide-appeal';
import { appealClaim, correctClaim } from '../../../shared/claims/application/intake/reopen-claim';
import { verifyClaim } from '../../../shared/claims/application/verification/verify-claim';
import type { Claim, ClaimDocument } from '../../../shared/claims/domain/claim';
import { appealDeadline, appealRefusal, correctionRefusal, MAX_CORRECTIONS, overrideOf } from '../../../shared/claims/domain/reopening';
import { requiredDocuments } from '../../../shared/claims/domain/rules/documents';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../shared/kernel/errors';
import type { StaffUser } from '../../../shared/staff/domain/roles';
import {
  InMemoryClaimStore,
  InMemoryDocuments,
  InMemoryLookupAttempts,
  InMemoryMembers,
  InMemoryUploads,
  messages,
  RecordingNotifier,
  RecordingWorkflow,
  STAFF_EMAILS,
  uploader,
} from '../../support/fakes/claims';
import { aMember, paidMonth } from '../../support/members';

/**
 * The way back from a rejection (shared/claims/domain/reopening.ts): a correction of what the family typed, and an
 * appeal a supervisor decides; both restart verification on the same reference, with the history kept.
 */
const MEMBER_NIK = '3173014107850003';
/** One digit off: the kind of typo the issue names. */
const TYPO_NIK = '3173014107850008';
const CLAIMANT_NIK = '3173010203800001';
const NOW = new Date('2026-11-30T03:00:00Z');

const docsFor = (claim: Pick<Claim, 'benefit' | 'incident' | 'claimant'>): ClaimDocument[] =>
  requiredDocuments({
    benefit: claim.benefit,
    incidentType: claim.incident.type,
    relationship: claim.claimant.relationship,
    cause: claim.incident.cause,
  }).map((type, i) => ({ type, uploadId: `up_${String(i).padStart(22, '0')}`, contentType: 'application/pdf', size: 1000, key: `k${i}` }));

const rejectedClaim = (overrides: Partial<Claim> = {}): Claim => {
  const base: Claim = {
    reference: 'SNT-2026-BCDFGH',
    status: 'REJECTED',
    benefit: 'JKM',
    member: { nik: TYPO_NIK, name: 'Siti Aminah' },
    incident: { type: 'death', date: '2026-10-03', cause: 'illness' },
    claimant: { nik: CLAIMANT_NIK, name: 'Ahmad Fauzi', relationship: 'spouse', phone: '+6281234567890', email: 'ahmad@example.org' },
    bankAccount: { bankCode: '002', accountNumber: '012301000123456', accountHolder: 'Ahmad Fauzi' },
    documents: [],
    submittedAt: '2026-11-20T09:00:00.000+07:00',
    updatedAt: '2026-11-20T09:00:05.000+07:00',
    timeline: [
      { status: 'SUBMITTED', at: '2026-11-20T09:00:00.000+07:00' },
      { status: 'VERIFYING', at: '2026-11-20T09:00:05.000+07:00' },
      { status: 'REJECTED', at: '2026-11-20T09:00:05.000+07:00', note: 'not found' },
    ],
    missingDocuments: [],
    decision: {
      outcome: 'rejected',
      reasonCode: 'MEMBER_NOT_FOUND',
      reason: 'not found',
      decidedBy: 'system',
      at: '2026-11-20T09:00:05.000+07:00',
    },
    version: 3,
  };
  const claim = { ...base, ...overrides };
  if (!overrides.documents) claim.documents = docsFor(claim);
  return claim;
};

const setup = (claim: Claim = rejectedClaim()) => {
  const uploads = new InMemoryUploads();
  const claims = new InMemoryClaimStore(uploads);
  claims.put(claim);
  const members = new InMemoryMembers();
  members.add(aMember({ nik: MEMBER_NIK, name: 'Siti Aminah' }), [paidMonth(MEMBER_NIK, '2026-10')]);
  const documents = new InMemoryDocuments();
  const notifier = new RecordingNotifier();
  const workflow = new RecordingWorkflow();
  const deps = {
    claims,
    uploads,
    documents,
    members,
    notifier,
    workflow,
    messages,
    attempts: new InMemoryLookupAttempts(),
    staffEmails: STAFF_EMAILS,
    appealWindowDays: 30,
    policy: { secondApprovalAbove: 50_000_000 },
    now: () => NOW,
  };
  const upload = uploader(uploads, documents);
  return { ...deps, deps, reference: claim.reference, upload };
};

const request = { reference: 'SNT-2026-BCDFGH', nik: CLAIMANT_NIK, sourceIp: '203.0.113.9', baseUrl: 'https://api.test' };
const staff = (username: string, ...roles: StaffUser['roles']): StaffUser => ({ username, roles });
const verify = (t: ReturnType<typeof setup>) => verifyClaim(t.deps, { reference: t.reference, baseUrl: 'https://api.test' });
const codeOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (e: unknown) => (e instanceof ConflictError ? e.code : (e as Error).name),
  );

describe('the rules of a way back (pure)', () => {
  const today = '2026-11-30';
  it('a correction answers only the rejections a family can fix, within the claim window, at most MAX_CORRECTIONS times', () => {
    expect(correctionRefusal(rejectedClaim(), today)).toBeUndefined();
    expect(correctionRefusal(rejectedClaim({ status: 'AWAITING_APPROVAL' }), today)).toBe('NOT_REJECTED');
    const heir = rejectedClaim({ decision: { outcome: 'rejected', reasonCode: 'HEIR_NOT_ENTITLED', at: '2026-11-20T09:00:05+07:00' } });
    expect(correctionRefusal(heir, today)).toBe('NOT_CORRECTABLE');
    const corrections = Array.from({ length: MAX_CORRECTIONS }, () => ({
      at: today,
      reasonCode: 'MEMBER_NOT_FOUND',
      before: { nikLast4: '0008', name: 'x' },
      memberChanged: true,
      documentsAdded: 0,
    }));
    expect(correctionRefusal(rejectedClaim({ corrections }), today)).toBe('TOO_MANY_CORRECTIONS');
    // JKK: 5 years after the accident (the anniversary is still in time); JKM never expires.
    const jkk = rejectedClaim({ benefit: 'JKK', incident: { type: 'injury', date: '2021-11-30', cause: 'work_accident' } });
    expect(correctionRefusal(jkk, '2026-11-30')).toBeUndefined();
    expect(correctionRefusal(jkk, '2026-12-01')).toBe('CLAIM_WINDOW_EXPIRED');
    expect(correctionRefusal(rejectedClaim({ incident: { type: 'death', date: '2001-01-01', cause: 'illness' } }), today)).toBeUndefined();
  });

  it('an appeal is taken once, within the window after the rejection (Jakarta dates)', () => {
    const claim = rejectedClaim();
    expect(appealDeadline(claim, 30)).toBe('2026-12-20');
    expect(appealRefusal(claim, '2026-12-20', 30)).toBeUndefined();
    expect(appealRefusal(claim, '2026-12-21', 30)).toBe('APPEAL_WINDOW_CLOSED');
    expect(appealRefusal(claim, '2026-12-21', 31)).toBeUndefined();
    expect(appealRefusal(rejectedClaim({ status: 'PAID' }), today, 30)).toBe('NOT_REJECTED');
    expect(
      appealRefusal(
        rejectedClaim({ appeal: { at: today, statement: 'x', against: {}, documentsAdded: 0, outcome: 'refused' } }),
        today,
        30,
      ),
    ).toBe('ALREADY_APPEALED');
  });

  it('an upheld appeal sets an eligibility rejection aside, never a missing member', () => {
    expect(overrideOf('NOT_ACTIVE_AT_INCIDENT')).toEqual(['NOT_ACTIVE_AT_INCIDENT']);
    expect(overrideOf('MEMBER_NOT_FOUND')).toEqual([]);
    expect(overrideOf(undefined)).toEqual([]);
  });
});

describe('correctClaim', () => {
  it('a member NIK mistyped by one digit: corrected, verified again on the same reference, the history kept', async () => {
    const t = setup();
    const result = await correctClaim(t.deps, { ...request, member: { nik: MEMBER_NIK, name: 'Siti Aminah' } });
    expect(result).toEqual({ reference: t.reference, status: 'SUBMITTED', replayed: false });
    expect(t.workflow.started).toEqual([{ reference: t.reference, baseUrl: 'https://api.test', round: 1 }]);
    const stored = (await t.claims.get(t.reference))!;
    expect(stored.member.nik).toBe(MEMBER_NIK);
    expect(stored.decision).toBeUndefined();
    expect(stored.corrections).toEqual([
      {
        at: expect.any(String),
        reasonCode: 'MEMBER_NOT_FOUND',
        before: { nikLast4: '0008', name: 'Siti Aminah' },
        memberChanged: true,
        documentsAdded: 0,
      },
    ]);
    // The earlier steps stay in the timeline; the correction is one more.
    expect(stored.timeline.map((e) => e.status)).toEqual(['SUBMITTED', 'VERIFYING', 'REJECTED', 'SUBMITTED']);
    const audit = (await t.claims.auditTrail(t.reference)).at(-1)!;
    expect(audit).toMatchObject({
      type: 'CLAIM_CORRECTED',
      actor: { kind: 'family' },
      details: { reasonCode: 'MEMBER_NOT_FOUND', memberNikLast4: '0003' },
    });
    expect(JSON.stringify(audit)).not.toContain(MEMBER_NIK);
    // The workflow's verification then finds the member.
    const out = await verify(t);
    expect(out.next).toBe('AWAIT_DECISION');
    expect((await t.claims.get(t.reference))!.status).toBe('AWAITING_APPROVAL');
  });

  it('a retry of the same correction answers again and starts the same run, never a second one', async () => {
    const t = setup();
    const input = { ...request, member: { nik: MEMBER_NIK, name: 'Siti Aminah' } };
    await correctClaim(t.deps, input);
    const again = await correctClaim(t.deps, input);
    expect(again).toEqual({ reference: t.reference, status: 'SUBMITTED', replayed: true });
    expect(t.workflow.started.map((s) => s.round)).toEqual([1, 1]);
    expect((await t.claims.get(t.reference))!.corrections).toHaveLength(1);
  });

  it('refuses the same member again (400), a wrong claimant NIK (404), and a reason a correction cannot answer (409)', async () => {
    const t = setup();
    await expect(correctClaim(t.deps, { ...request, member: { nik: TYPO_NIK, name: 'Siti Aminah' } })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(
      correctClaim(t.deps, { ...request, nik: '3173010203800002', member: { nik: MEMBER_NIK, name: 'Siti' } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const heir = setup(
      rejectedClaim({ decision: { outcome: 'rejected', reasonCode: 'HEIR_NOT_ENTITLED', at: '2026-11-20T09:00:05+07:00' } }),
    );
    expect(await codeOf(correctClaim(heir.deps, { ...request, member: { nik: MEMBER_NIK, name: 'Siti Aminah' } }))).toBe('NOT_CORRECTABLE');
    expect(t.workflow.started).toEqual([]);
    expect((await t.claims.get(t.reference))!.status).toBe('REJECTED');
  });

  it('a claimant with another open claim for the corrected member gets DUPLICATE_CLAIM and nothing changes', async () => {
    const t = setup();
    t.claims.put(
      rejectedClaim({
        reference: 'SNT-2026-OTHERX',
        status: 'NEEDS_DOCUMENTS',
        member: { nik: MEMBER_NIK, name: 'Siti Aminah' },
        decision: undefined,
      }),
    );
    expect(await codeOf(correctClaim(t.deps, { ...request, member: { nik: MEMBER_NIK, name: 'Siti Aminah' } }))).toBe('DUPLICATE_CLAIM');
    expect((await t.claims.get(t.reference))!).toMatchObject({ status: 'REJECTED', member: { nik: TYPO_NIK } });
    expect(t.workflow.started).toEqual([]);
  });

  it('documents that did not arrive in time: sent with the correction, verified again', async () => {
    const claim = rejectedClaim({
      member: { nik: MEMBER_NIK, name: 'Siti Aminah' },
      decision: { outcome: 'rejected', reasonCode: 'DOCUMENTS_EXPIRED', decidedBy: 'system', at: '2026-11-20T09:00:05+07:00' },
    });
    claim.documents = claim.documents.filter((d) => d.type !== 'DEATH_CERTIFICATE');
    const t = setup(claim);
    await expect(correctClaim(t.deps, request)).rejects.toBeInstanceOf(ValidationError);
    const uploadId = await t.upload('DEATH_CERTIFICATE');
    await correctClaim(t.deps, { ...request, documents: [{ type: 'DEATH_CERTIFICATE', uploadId }] });
    const stored = (await t.claims.get(t.reference))!;
    expect(stored.status).toBe('SUBMITTED');
    expect(stored.missingDocuments).toEqual([]);
    expect((await verify(t)).next).toBe('AWAIT_DECISION');
  });
});

describe('appealClaim and decideAppeal', () => {
  const notActive = () =>
    rejectedClaim({
      member: { nik: MEMBER_NIK, name: 'Siti Aminah' },
      decision: {
        outcome: 'rejected',
        reasonCode: 'NOT_ACTIVE_AT_INCIDENT',
        reason: 'tidak aktif',
        decidedBy: 'system',
        at: '2026-11-20T09:00:05+07:00',
      },
    });

  it('an appeal goes to the supervisors (APPEALED), the family is told, a retry answers the same', async () => {
    const t = setup(notActive());
    const statement = 'Suami saya masih bertugas sampai hari itu.';
    expect(await appealClaim(t.deps, { ...request, statement })).toEqual({ reference: t.reference, status: 'APPEALED', replayed: false });
    expect(await appealClaim(t.deps, { ...request, statement })).toEqual({ reference: t.reference, status: 'APPEALED', replayed: true });
    const stored = (await t.claims.get(t.reference))!;
    expect(stored.appeal).toMatchObject({ statement, against: { reasonCode: 'NOT_ACTIVE_AT_INCIDENT', decidedBy: 'system' } });
    expect(t.notifier.emails.map((e) => e.to)).toEqual([STAFF_EMAILS.supervisor, ['ahmad@example.org']]);
    expect(t.notifier.texts).toHaveLength(1);
    // A second, different appeal is refused.
    expect(await codeOf(appealClaim(t.deps, { ...request, statement: 'Another statement, different.' }))).toBe('ALREADY_APPEALED');
  });

  it('too late is APPEAL_WINDOW_CLOSED, and a claim that is not rejected is NOT_REJECTED', async () => {
    const late = setup(
      rejectedClaim({ decision: { outcome: 'rejected', reasonCode: 'NOT_ACTIVE_AT_INCIDENT', at: '2026-10-01T09:00:00+07:00' } }),
    );
    expect(await codeOf(appealClaim(late.deps, { ...request, statement: 'I disagree with this.' }))).toBe('APPEAL_WINDOW_CLOSED');
    const open = setup(rejectedClaim({ status: 'NEEDS_DOCUMENTS', decision: undefined }));
    expect(await codeOf(appealClaim(open.deps, { ...request, statement: 'I disagree with this.' }))).toBe('NOT_REJECTED');
  });

  it('upheld: the rejection is set aside, verification runs again and a supervisor approves; audited', async () => {
    const t = setup(notActive());
    // The roster says the member was not active: verification alone would reject again.
    t.members.add(aMember({ nik: MEMBER_NIK, name: 'Siti Aminah', enrolledOn: '2026-11-01' }), [paidMonth(MEMBER_NIK, '2026-10')]);
    await appealClaim(t.deps, { ...request, statement: 'Dia sudah bertugas sejak 2019.' });
    await expect(
      decideAppeal(t.deps, t.reference, staff('budi', 'approver'), { decision: 'uphold' }, 'https://api.test'),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const upheld = await decideAppeal(
      t.deps,
      t.reference,
      staff('sari', 'supervisor'),
      { decision: 'uphold', note: 'Surat tugas ada.' },
      'https://api.test',
    );
    expect(upheld).toMatchObject({
      status: 'SUBMITTED',
      round: 1,
      overriddenRejections: ['NOT_ACTIVE_AT_INCIDENT'],
      appeal: { outcome: 'upheld', decidedBy: 'sari' },
    });
    expect(t.workflow.started).toEqual([{ reference: t.reference, baseUrl: 'https://api.test', round: 1 }]);
    expect((await verify(t)).next).toBe('AWAIT_DECISION');
    const verified = (await t.claims.get(t.reference))!;
    expect(verified.verification?.flags).toContain('APPEAL_UPHELD');
    expect(verified.verification?.approval).toMatchObject({ level: 'supervisor', secondApprovalRequired: true });
    expect((await t.claims.auditTrail(t.reference)).map((a) => a.type)).toEqual(
      expect.arrayContaining(['APPEAL_FILED', 'APPEAL_UPHELD', 'CLAIM_VERIFIED']),
    );
  });

  it('refused: the rejection stands, final; the lock is released and the family told', async () => {
    const t = setup(notActive());
    await appealClaim(t.deps, { ...request, statement: 'Dia sudah bertugas sejak 2019.' });
    expect(t.claims.openLocks()).toContain(t.reference);
    const refused = await decideAppeal(
      t.deps,
      t.reference,
      staff('sari', 'supervisor'),
      { decision: 'refuse', note: 'Tidak ada bukti baru.' },
      'https://api.test',
    );
    expect(refused).toMatchObject({ status: 'REJECTED', appeal: { outcome: 'refused', note: 'Tidak ada bukti baru.' } });
    expect(t.claims.openLocks()).not.toContain(t.reference);
    expect(t.notifier.emails.at(-1)?.message.text).toContain('Tidak ada bukti baru.');
    expect(await codeOf(decideAppeal(t.deps, t.reference, staff('sari', 'supervisor'), { decision: 'uphold' }, 'https://api.test'))).toBe(
      'NOT_APPEALED',
    );
    expect(await codeOf(appealClaim(t.deps, { ...request, statement: 'Once more, please reconsider.' }))).toBe('ALREADY_APPEALED');
  });

  it('whoever rejected the claim cannot judge the appeal against it', async () => {
    const t = setup(
      rejectedClaim({
        member: { nik: MEMBER_NIK, name: 'Siti Aminah' },
        decision: { outcome: 'rejected', reasonCode: 'DOCUMENTS_INVALID', decidedBy: 'sari', at: '2026-11-25T09:00:00+07:00' },
      }),
    );
    await appealClaim(t.deps, { ...request, statement: 'The documents are genuine.' });
    await expect(
      decideAppeal(t.deps, t.reference, staff('sari', 'supervisor'), { decision: 'uphold' }, 'https://api.test'),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});
