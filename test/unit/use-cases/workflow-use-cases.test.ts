import { decide } from '../../../shared/claims/application/approval/decide';
import { requestDecision } from '../../../shared/claims/application/approval/request-decision';
import { payClaim } from '../../../shared/claims/application/payout/pay-claim';
import { recordPayoutFailure } from '../../../shared/claims/application/payout/record-payout-failure';
import { retryPayout } from '../../../shared/claims/application/payout/retry-payout';
import { BankUnavailableError } from '../../../shared/claims/application/ports';
import { verifyClaim } from '../../../shared/claims/application/verification/verify-claim';
import type { Claim, ClaimDocument } from '../../../shared/claims/domain/claim';
import { requiredDocuments } from '../../../shared/claims/domain/rules/documents';
import { ConflictError, ForbiddenError, ValidationError } from '../../../shared/kernel/errors';
import type { StaffUser } from '../../../shared/staff/domain/roles';
import {
  FakeBank,
  InMemoryClaimStore,
  InMemoryMembers,
  messages,
  RecordingNotifier,
  RecordingWorkflow,
  STAFF_EMAILS,
} from '../../support/fakes/claims';
import { aMember, paidMonth } from '../../support/members';

/**
 * The verification, approval and payout use cases against in-memory ports: the same rules the workflow tests run
 * on the synthesized state machine, here in milliseconds and without Java.
 */
const MEMBER_NIK = '3173014107850003';
const CLAIMANT_NIK = '3173010203800001';
const NOW = () => new Date('2026-11-30T03:00:00Z');

const aClaim = (overrides: Partial<Claim> = {}): Claim => {
  const base: Claim = {
    reference: 'SNT-2026-BCDFGH',
    status: 'SUBMITTED',
    benefit: 'JKM',
    member: { nik: MEMBER_NIK, name: 'Siti Aminah' },
    incident: { type: 'death', date: '2026-10-03', cause: 'illness' },
    claimant: { nik: CLAIMANT_NIK, name: 'Ahmad Fauzi', relationship: 'spouse', phone: '+6281234567890', email: 'ahmad@example.org' },
    bankAccount: { bankCode: '002', accountNumber: '012301000123456', accountHolder: 'Ahmad Fauzi' },
    documents: [],
    submittedAt: '2026-11-30T09:00:00.000+07:00',
    updatedAt: '2026-11-30T09:00:00.000+07:00',
    timeline: [{ status: 'SUBMITTED', at: '2026-11-30T09:00:00.000+07:00' }],
    missingDocuments: [],
    version: 1,
  };
  const claim = { ...base, ...overrides };
  if (!overrides.documents) {
    const types = requiredDocuments({
      benefit: claim.benefit,
      incidentType: claim.incident.type,
      relationship: claim.claimant.relationship,
      cause: claim.incident.cause,
    });
    claim.documents = types.map(
      (type, i): ClaimDocument => ({ type, uploadId: `up_${i}`, contentType: 'application/pdf', size: 1000, key: `k${i}` }),
    );
  }
  return claim;
};

const setup = (claim: Claim = aClaim(), options: { member?: boolean; paid?: boolean } = {}) => {
  const claims = new InMemoryClaimStore();
  claims.put(claim);
  const members = new InMemoryMembers();
  if (options.member !== false)
    members.add(aMember({ nik: MEMBER_NIK }), options.paid === false ? [] : [paidMonth(MEMBER_NIK, claim.incident.date.slice(0, 7))]);
  const notifier = new RecordingNotifier();
  const workflow = new RecordingWorkflow();
  const bank = new FakeBank();
  const policy = { secondApprovalAbove: 50_000_000 };
  const deps = { claims, members, notifier, messages, policy, workflow, bank, staffEmails: STAFF_EMAILS, now: NOW };
  return { ...deps, deps, reference: claim.reference };
};

const staff = (username: string, ...roles: StaffUser['roles']): StaffUser => ({ username, roles });
const verify = (t: ReturnType<typeof setup>) => verifyClaim(t.deps, { reference: t.reference, baseUrl: 'https://api.test' });
const awaitDecision = async (t: ReturnType<typeof setup>, token = 'decision-1') => {
  await requestDecision(t.deps, { reference: t.reference, baseUrl: 'https://api.test', taskToken: token });
};

describe('verifyClaim', () => {
  it('computes a JKM death under PP 82/2019 and asks an approver, telling the family', async () => {
    const t = setup();
    const out = await verify(t);
    expect(out).toMatchObject({ next: 'AWAIT_DECISION', reference: t.reference });
    const claim = (await t.claims.get(t.reference))!;
    expect(claim.status).toBe('AWAITING_APPROVAL');
    expect(claim.verification?.benefit).toMatchObject({ ruleSet: 'PP 82/2019', total: 42_000_000 });
    expect(claim.verification?.approval).toMatchObject({ level: 'approver', secondApprovalRequired: false });
    expect(t.notifier.emails.map((e) => e.to)).toEqual([['ahmad@example.org']]);
    expect(t.notifier.texts).toHaveLength(1);
  });

  it('rejects an unknown member with MEMBER_NOT_FOUND and releases the open-claim lock', async () => {
    const t = setup(aClaim(), { member: false });
    expect(await verify(t)).toMatchObject({ next: 'DONE' });
    expect(await t.claims.get(t.reference)).toMatchObject({
      status: 'REJECTED',
      decision: { outcome: 'rejected', reasonCode: 'MEMBER_NOT_FOUND' },
    });
    expect(t.claims.openLocks()).toEqual([]);
  });

  it('waits for missing documents, and a month the sponsor did not pay goes to a supervisor', async () => {
    const waiting = setup(aClaim({ documents: [] }));
    expect(await verify(waiting)).toMatchObject({ next: 'NEEDS_DOCUMENTS' });
    expect((await waiting.claims.get(waiting.reference))!.missingDocuments.length).toBeGreaterThan(0);

    const arrears = setup(aClaim(), { paid: false });
    await verify(arrears);
    expect((await arrears.claims.get(arrears.reference))!.verification).toMatchObject({
      flags: ['SPONSOR_ARREARS'],
      approval: { level: 'supervisor', secondApprovalRequired: true },
    });
  });

  it('computes a JKK death from the wage in force on the incident date, not the wage reported since', async () => {
    // Arrange: Rp2,000,000 until a raise to Rp5,000,000 on 2026-11-01, after the accident of 2026-10-03
    const t = setup(aClaim({ benefit: 'JKK', incident: { type: 'death', date: '2026-10-03', cause: 'work_accident' } }));
    t.members.add(
      aMember({
        nik: MEMBER_NIK,
        monthlyWage: 5_000_000,
        wageHistory: [
          { monthlyWage: 2_000_000, from: '2019-01-01', recordedAt: '2019-01-02T09:00:00+07:00' },
          { monthlyWage: 5_000_000, from: '2026-11-01', recordedAt: '2026-11-02T09:00:00+07:00' },
        ],
      }),
    );

    // Act
    await verify(t);

    // Assert: 48 x Rp2,000,000
    const components = (await t.claims.get(t.reference))!.verification?.benefit?.components ?? [];
    expect(components.find((c) => c.code === 'JKK_DEATH')?.amount).toBe(96_000_000);
  });

  it('routes a claim already past verification by its stored status (a restarted execution)', async () => {
    expect(await verify(setup(aClaim({ status: 'PAID' })))).toMatchObject({ next: 'DONE' });
    expect(await verify(setup(aClaim({ status: 'APPROVED' })))).toMatchObject({ next: 'PAY' });
  });
});

describe('decide', () => {
  it('approves a claim awaiting a decision, on the stored token, and answers the workflow', async () => {
    const t = setup();
    await verify(t);
    await awaitDecision(t);
    const approved = await decide(t.deps, t.reference, staff('ani', 'approver'), { decision: 'approve' }, 'https://api.test');
    expect(approved).toMatchObject({ status: 'APPROVED', decision: { outcome: 'approved', decidedBy: 'ani' } });
    expect(t.workflow.answers).toEqual([{ token: 'decision-1', output: { outcome: 'approved' } }]);
  });

  it('holds the two-person rule: the second approval must come from someone else', async () => {
    const t = setup(aClaim(), { paid: false }); // SPONSOR_ARREARS: a supervisor, twice
    await verify(t);
    await awaitDecision(t);
    const boss = staff('budi', 'supervisor');
    expect(await decide(t.deps, t.reference, boss, { decision: 'approve' }, 'https://api.test')).toMatchObject({
      status: 'AWAITING_APPROVAL',
    });
    await expect(decide(t.deps, t.reference, boss, { decision: 'approve' }, 'https://api.test')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(decide(t.deps, t.reference, staff('ani', 'approver'), { decision: 'approve' }, 'https://api.test')).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await decide(t.deps, t.reference, staff('citra', 'supervisor'), { decision: 'approve' }, 'https://api.test')).toMatchObject({
      status: 'APPROVED',
    });
  });

  it('needs a known reason to reject, refuses a verifier, and a claim awaiting no decision is a conflict', async () => {
    const t = setup();
    await expect(decide(t.deps, t.reference, staff('ani', 'approver'), { decision: 'approve' }, 'x')).rejects.toMatchObject({
      code: 'NOT_AWAITING_DECISION',
    });
    await verify(t);
    await awaitDecision(t);
    await expect(decide(t.deps, t.reference, staff('vera', 'verifier'), { decision: 'approve' }, 'x')).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(decide(t.deps, t.reference, staff('ani', 'approver'), { decision: 'reject' }, 'x')).rejects.toBeInstanceOf(
      ValidationError,
    );
    const rejected = await decide(
      t.deps,
      t.reference,
      staff('ani', 'approver'),
      { decision: 'reject', reasonCode: 'DOCUMENTS_INVALID' },
      'x',
    );
    expect(rejected).toMatchObject({ status: 'REJECTED', decision: { reasonCode: 'DOCUMENTS_INVALID' } });
    expect(t.claims.openLocks()).toEqual([]);
  });
});

describe('payClaim, a failed payout and its retry', () => {
  const approvedClaim = async () => {
    const t = setup();
    await verify(t);
    await awaitDecision(t);
    await decide(t.deps, t.reference, staff('ani', 'approver'), { decision: 'approve' }, 'x');
    return t;
  };

  it('pays once, even when the bank is retried after it moved the money', async () => {
    const t = await approvedClaim();
    t.bank.failures.push('lostReply');
    await expect(payClaim(t.deps, { reference: t.reference, baseUrl: 'x' })).rejects.toBeInstanceOf(BankUnavailableError);
    expect(await t.claims.get(t.reference)).toMatchObject({ status: 'PAYING' });
    await payClaim(t.deps, { reference: t.reference, baseUrl: 'x' });
    await payClaim(t.deps, { reference: t.reference, baseUrl: 'x' }); // a third run finds it PAID
    expect(t.bank.transfers.size).toBe(1);
    expect(t.bank.calls).toBe(2);
    expect(await t.claims.get(t.reference)).toMatchObject({ status: 'PAID', payment: { amount: 42_000_000, transferId: 'T-1' } });
  });

  it('records a refused transfer for finance, who alone may retry it', async () => {
    const t = await approvedClaim();
    await t.claims.transition(t.reference, {
      from: ['APPROVED'],
      to: 'PAYING',
      at: 'x',
      audit: { type: 'T', at: 'x', actor: { kind: 'system' } },
    });
    await recordPayoutFailure(t.deps, {
      reference: t.reference,
      baseUrl: 'x',
      taskToken: 'payout-1',
      error: { Error: 'BankRejectedError', Cause: 'closed account' },
    });
    expect(await t.claims.get(t.reference)).toMatchObject({ status: 'PAYOUT_FAILED', payoutError: 'BankRejectedError: closed account' });
    expect(t.notifier.emails.some((e) => e.to.includes('finance@test'))).toBe(true);
    await expect(retryPayout(t.deps, t.reference, staff('ani', 'approver'))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await retryPayout(t.deps, t.reference, staff('fina', 'finance'))).toMatchObject({ status: 'APPROVED' });
    await expect(retryPayout(t.deps, t.reference, staff('fina', 'finance'))).rejects.toBeInstanceOf(ConflictError);
    expect(t.workflow.answers.at(-1)).toEqual({ token: 'payout-1', output: { retry: true } });
  });
});
