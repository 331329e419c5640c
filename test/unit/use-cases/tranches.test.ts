import { addDocuments } from '../../../shared/claims/application/intake/add-documents';
import { BankRejectedError } from '../../../shared/claims/application/ports';
import { decideTranche } from '../../../shared/claims/application/tranches/decide-tranche';
import { awaitsScholarshipYear, remindScholarships } from '../../../shared/claims/application/tranches/remind-scholarships';
import { requestPayment } from '../../../shared/claims/application/tranches/request-payment';
import {
  payTranche,
  recordTranchePayoutFailure,
  requestTrancheDecision,
  retryTranchePayout,
  routeTranche,
} from '../../../shared/claims/application/tranches/tranche-workflow';
import type { Claim, ClaimDocument, Tranche } from '../../../shared/claims/domain/claim';
import { computeInjuryBenefit } from '../../../shared/claims/domain/rules/injury';
import { priceScholarshipYear, schoolYearOf, trancheExecutionName, trancheTransferKey } from '../../../shared/claims/domain/tranche';
import { ConflictError, ForbiddenError, ValidationError } from '../../../shared/kernel/errors';
import type { StaffUser } from '../../../shared/staff/domain/roles';
import {
  FakeBank,
  InMemoryClaimStore,
  InMemoryDocuments,
  InMemoryLookupAttempts,
  InMemoryMembers,
  InMemoryUploads,
  messages,
  RecordingNotifier,
  RecordingWorkflow,
  STAFF_EMAILS,
} from '../../support/fakes/claims';
import { aMember } from '../../support/members';
import { pdf } from '../../support/uploads';

/** Further payments (tranches) of a claim, against in-memory ports: pricing, refusals, the two-person rule, paying once. */
const NIK = '3173014107850003';
const HEIR = '3173010203800001';
const NOW = () => new Date('2026-11-30T03:00:00Z');
const BASE = 'https://api.test';
const staff = (username: string, ...roles: StaffUser['roles']): StaffUser => ({ username, roles });
const verifier = staff('verifier', 'verifier');
const approver = staff('approver', 'approver');
const supervisor = staff('supervisor', 'supervisor');

const doc = (type: ClaimDocument['type'], i: number, extra: Partial<ClaimDocument> = {}): ClaimDocument => ({
  type,
  uploadId: `up_${type}_${i}`,
  contentType: 'application/pdf',
  size: 1000,
  key: `k${i}`,
  ...extra,
});

/** An injury paid once: 12 months of STMB at a wage of Rp1,000,000 (the first payment, `T1`). */
const aPaidInjury = (over: Partial<Claim> = {}, firstMonths = 12): Claim => ({
  reference: 'SNT-2026-NJ7RYX',
  status: 'PAID',
  benefit: 'JKK',
  member: { nik: NIK, name: 'Siti Aminah' },
  incident: { type: 'injury', date: '2026-03-02', cause: 'work_accident' },
  claimant: { nik: NIK, name: 'Siti Aminah', relationship: 'self', phone: '+6281234567890', email: 'siti@example.org' },
  bankAccount: { bankCode: '002', accountNumber: '012301000123456', accountHolder: 'Siti Aminah' },
  documents: [doc('MEDICAL_REPORT', 1)],
  submittedAt: '2026-03-05T09:00:00.000+07:00',
  updatedAt: '2026-04-01T09:00:00.000+07:00',
  timeline: [{ status: 'PAID', at: '2026-04-01T09:00:00.000+07:00' }],
  missingDocuments: [],
  verification: {
    checkedAt: '2026-03-05T09:00:00.000+07:00',
    flags: [],
    benefit: { ruleSet: 'PP 82/2019', total: firstMonths * 1_000_000, currency: 'IDR', components: [], scholarshipEligible: false },
    assessment: { stmb: { months: firstMonths }, by: 'verifier', at: '2026-03-20T09:00:00.000+07:00', monthlyWage: 1_000_000 },
  },
  payment: { amount: firstMonths * 1_000_000, currency: 'IDR', paidAt: '2026-04-01T09:00:00.000+07:00', components: [] },
  version: 7,
  ...over,
});

/** A JKM death paid once, membership long enough for the scholarship, two children declared. */
const aPaidDeath = (over: Partial<Claim> = {}): Claim => ({
  ...aPaidInjury(),
  reference: 'SNT-2026-DZ4THX',
  benefit: 'JKM',
  incident: { type: 'death', date: '2026-03-02', cause: 'illness' },
  claimant: { nik: HEIR, name: 'Ahmad Fauzi', relationship: 'spouse', phone: '+6281234567890' },
  verification: {
    checkedAt: '2026-03-05T09:00:00.000+07:00',
    flags: [],
    benefit: { ruleSet: 'PP 82/2019', total: 42_000_000, currency: 'IDR', components: [], scholarshipEligible: true },
  },
  children: [
    { name: 'Rina', birthDate: '2016-08-17', schoolLevel: 'SD' },
    { name: 'Budi', birthDate: '2013-02-01', schoolLevel: 'SMP' },
  ],
  ...over,
});

const setup = (claim: Claim, wage = 1_000_000, member = aMember({ nik: NIK, monthlyWage: wage })) => {
  const claims = new InMemoryClaimStore();
  claims.put(claim);
  const members = new InMemoryMembers();
  members.add(member);
  const notifier = new RecordingNotifier();
  const workflow = new RecordingWorkflow();
  const bank = new FakeBank();
  const deps = {
    claims,
    members,
    notifier,
    messages,
    workflow,
    bank,
    staffEmails: STAFF_EMAILS,
    policy: {},
    secondApprovalAbove: 50_000_000,
    now: NOW,
  };
  return { ...deps, deps, reference: claim.reference };
};

/** The tranche's execution up to its decision task, as the state machine runs it. */
const toDecision = async (t: ReturnType<typeof setup>, tranche: string, token = `decision-${tranche}`) => {
  await expect(routeTranche(t.deps, { reference: t.reference, tranche })).resolves.toMatchObject({ next: 'AWAIT_DECISION' });
  await requestTrancheDecision(t.deps, { reference: t.reference, baseUrl: BASE, taskToken: token, tranche });
  return token;
};

const trancheOf = async (t: ReturnType<typeof setup>, id: string): Promise<Tranche> =>
  (await t.claims.get(t.reference))!.tranches!.find((x) => x.id === id)!;

describe('tranche names and keys', () => {
  it('names the execution <reference>-T2 and the bank key <reference>/T2; the first payment keeps the reference for both', () => {
    expect(trancheExecutionName('SNT-2026-ABC123', 'T2')).toBe('SNT-2026-ABC123-T2');
    expect(trancheExecutionName('SNT-2026-ABC123', 'T1')).toBe('SNT-2026-ABC123');
    expect(trancheExecutionName('SNT-2026-ABC123', 'T2')).toMatch(/^[A-Za-z0-9_-]{1,80}$/);
    expect(trancheTransferKey('SNT-2026-ABC123', 'T2')).toBe('SNT-2026-ABC123/T2');
    expect(trancheTransferKey('SNT-2026-ABC123', 'T1')).toBe('SNT-2026-ABC123');
  });

  it('school years run from July to June', () => {
    expect(schoolYearOf('2026-07-01')).toBe('2026/2027');
    expect(schoolYearOf('2027-06-30')).toBe('2026/2027');
    expect(schoolYearOf('2026-11-30')).toBe('2026/2027');
    expect(schoolYearOf('2026-06-30')).toBe('2025/2026');
  });
});

describe('STMB months continue across tranches', () => {
  it('prices months 13-14 at 50% when 12 were paid (domain.md: 14 months = 12 x 1m + 2 x 0.5m)', () => {
    const later = computeInjuryBenefit({
      incidentDate: '2026-03-02',
      monthlyWage: 1_000_000,
      assessment: { stmb: { months: 2 } },
      stmbFirstMonth: 13,
    });
    expect(later.components).toEqual([{ code: 'STMB', amount: 1_000_000, basis: 'months 13-14: 2 x 50% of Rp1.000.000' }]);
    const first = computeInjuryBenefit({ incidentDate: '2026-03-02', monthlyWage: 1_000_000, assessment: { stmb: { months: 12 } } });
    expect(first.total + later.total).toBe(13_000_000);
  });

  it('a tranche across the tier boundary pays each month at its own rate (months 11-14: 2 x 100% + 2 x 50%)', () => {
    const priced = computeInjuryBenefit({
      incidentDate: '2026-03-02',
      monthlyWage: 1_000_000,
      assessment: { stmb: { months: 4 } },
      stmbFirstMonth: 11,
    });
    expect(priced.total).toBe(3_000_000);
  });
});

describe('requestPayment: STMB and DISABILITY', () => {
  it('prices more STMB months after the 12 paid, stores T2 awaiting approval, tells the family and starts <reference>-T2', async () => {
    const t = setup(aPaidInjury());
    const { tranche, claim } = await requestPayment(
      t.deps,
      t.reference,
      verifier,
      { kind: 'STMB', assessment: { stmb: { months: 2 } } },
      BASE,
    );
    expect(tranche).toMatchObject({
      id: 'T2',
      kind: 'STMB',
      status: 'AWAITING_APPROVAL',
      amount: 1_000_000,
      stmb: { fromMonth: 13, months: 2, days: 0 },
      requestedBy: 'verifier',
      monthlyWage: 1_000_000,
      approval: { level: 'approver', secondApprovalRequired: false },
    });
    expect(claim.status).toBe('PAID');
    expect(claim.timeline.at(-1)).toMatchObject({ status: 'AWAITING_APPROVAL', tranche: 'T2', note: expect.stringContaining('T2') });
    expect(t.workflow.started).toEqual([{ reference: t.reference, baseUrl: BASE, tranche: 'T2' }]);
    expect(t.notifier.emails.map((e) => e.message.subject)).toEqual([expect.stringContaining('pembayaran lanjutan')]);
    expect(t.notifier.texts[0]!.text).toContain('T2');
    expect((await t.claims.auditTrail(t.reference)).at(-1)).toMatchObject({ type: 'TRANCHE_REQUESTED', actor: { id: 'verifier' } });

    // The same request again while T2 waits (a retry, a double click) does not ask for the months twice.
    const again = requestPayment(t.deps, t.reference, verifier, { kind: 'STMB', assessment: { stmb: { months: 2 } } }, BASE);
    await expect(again).rejects.toMatchObject({ code: 'TRANCHE_AWAITING_APPROVAL' });
    // Once T2 is decided, the next STMB tranche continues from month 15.
    await toDecision(t, 'T2');
    await decideTranche(t.deps, t.reference, 'T2', approver, { decision: 'approve' }, BASE);
    const next = await requestPayment(t.deps, t.reference, verifier, { kind: 'STMB', assessment: { stmb: { months: 3 } } }, BASE);
    expect(next.tranche).toMatchObject({ id: 'T3', stmb: { fromMonth: 15, months: 3 }, amount: 1_500_000 });
  });

  it('uses the wage in force on the incident date, not a later raise', async () => {
    const wageHistory = [
      { monthlyWage: 1_000_000, from: '2019-01-01', recordedAt: '2019-01-01T00:00:00+07:00' },
      { monthlyWage: 3_000_000, from: '2026-09-01', recordedAt: '2026-09-01T00:00:00+07:00' },
    ];
    const t = setup(aPaidInjury(), 3_000_000, aMember({ nik: NIK, monthlyWage: 3_000_000, wageHistory }));
    const { tranche } = await requestPayment(t.deps, t.reference, verifier, { kind: 'STMB', assessment: { stmb: { months: 1 } } }, BASE);
    expect(tranche.amount).toBe(500_000);
  });

  it('a disability found later is priced by the table (one eye 35% x 80 x wage) and found only once', async () => {
    const t = setup(aPaidInjury(), 2_500_000);
    const request = { kind: 'DISABILITY' as const, assessment: { disability: { kind: 'anatomical' as const, part: 'eye_one' } } };
    const { tranche } = await requestPayment(t.deps, t.reference, supervisor, request, BASE);
    expect(tranche).toMatchObject({ kind: 'DISABILITY', amount: 70_000_000, approval: { secondApprovalRequired: true } });
    await expect(requestPayment(t.deps, t.reference, supervisor, request, BASE)).rejects.toMatchObject({
      code: 'DISABILITY_ALREADY_ASSESSED',
    });
  });

  it('refuses what the rules do not allow, with the code that says why', async () => {
    const closed = setup(aPaidInjury({ status: 'REJECTED' }));
    const stmb = { kind: 'STMB' as const, assessment: { stmb: { months: 1 } } };
    await expect(requestPayment(closed.deps, closed.reference, verifier, stmb, BASE)).rejects.toMatchObject({ code: 'CLAIM_CLOSED' });
    const early = setup(aPaidInjury({ status: 'AWAITING_APPROVAL' }));
    await expect(requestPayment(early.deps, early.reference, verifier, stmb, BASE)).rejects.toMatchObject({
      code: 'FIRST_PAYMENT_NOT_APPROVED',
    });
    const death = setup(aPaidDeath());
    await expect(requestPayment(death.deps, death.reference, verifier, stmb, BASE)).rejects.toMatchObject({ code: 'NOT_AN_INJURY' });
    const t = setup(aPaidInjury());
    await expect(requestPayment(t.deps, t.reference, approver, stmb, BASE)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(requestPayment(t.deps, t.reference, verifier, { kind: 'STMB' }, BASE)).rejects.toBeInstanceOf(ValidationError);
    const mixed = { kind: 'STMB' as const, assessment: { stmb: { months: 1 }, transport: [{ mode: 'land' as const, amount: 1 }] } };
    await expect(requestPayment(t.deps, t.reference, verifier, mixed, BASE)).rejects.toMatchObject({
      fields: [{ path: 'assessment.transport', code: 'assessment.notForKind' }],
    });
    await expect(
      requestPayment(t.deps, t.reference, verifier, { kind: 'SCHOLARSHIP', schoolYear: '2026/2027' }, BASE),
    ).rejects.toMatchObject({
      code: 'NOT_SCHOLARSHIP_ELIGIBLE',
    });
    // The days of a part month end the STMB: no tranche after them.
    await requestPayment(t.deps, t.reference, verifier, { kind: 'STMB', assessment: { stmb: { months: 1, days: 10 } } }, BASE);
    await toDecision(t, 'T2');
    await decideTranche(t.deps, t.reference, 'T2', approver, { decision: 'approve' }, BASE);
    await expect(requestPayment(t.deps, t.reference, verifier, stmb, BASE)).rejects.toMatchObject({ code: 'STMB_ENDED' });
    expect(t.workflow.started).toHaveLength(1);
  });
});

describe('a tranche through its own execution', () => {
  it('approved by someone other than the requester, paid once with its own bank key, the first payment untouched', async () => {
    const t = setup(aPaidInjury());
    await requestPayment(t.deps, t.reference, verifier, { kind: 'STMB', assessment: { stmb: { months: 2 } } }, BASE);
    const token = await toDecision(t, 'T2');
    expect((await trancheOf(t, 'T2')).pendingTask).toMatchObject({ kind: 'decision', token });
    expect(t.notifier.emails.at(-1)).toMatchObject({ to: [...STAFF_EMAILS.approver, ...STAFF_EMAILS.supervisor] });
    expect(t.notifier.emails.at(-1)!.message.subject).toContain('T2');

    const requester = staff('verifier', 'verifier', 'approver');
    await expect(decideTranche(t.deps, t.reference, 'T2', requester, { decision: 'approve' }, BASE)).rejects.toBeInstanceOf(ForbiddenError);
    const decided = await decideTranche(t.deps, t.reference, 'T2', approver, { decision: 'approve', note: 'Kuitansi sesuai' }, BASE);
    expect(decided.tranche).toMatchObject({ status: 'APPROVED', approvals: [{ by: 'approver' }] });
    expect(t.workflow.answers).toEqual([{ token, output: { outcome: 'approved' } }]);
    // The approver's note is in the audit trail, with who and the role.
    expect((await t.claims.auditTrail(t.reference)).at(-1)).toMatchObject({
      type: 'TRANCHE_APPROVED',
      actor: { kind: 'staff', id: 'approver' },
      details: { role: 'approver', tranche: 'T2', note: 'Kuitansi sesuai' },
    });
    await expect(decideTranche(t.deps, t.reference, 'T2', supervisor, { decision: 'approve' }, BASE)).rejects.toMatchObject({
      code: 'NOT_AWAITING_DECISION',
    });

    await expect(routeTranche(t.deps, { reference: t.reference, tranche: 'T2' })).resolves.toMatchObject({ next: 'PAY' });
    t.bank.failures.push('lostReply');
    await expect(payTranche(t.deps, { reference: t.reference, baseUrl: BASE, tranche: 'T2' })).rejects.toMatchObject({
      name: 'BankUnavailableError',
    });
    await expect(payTranche(t.deps, { reference: t.reference, baseUrl: BASE, tranche: 'T2' })).resolves.toEqual({
      paid: true,
      amount: 1_000_000,
    });
    await expect(payTranche(t.deps, { reference: t.reference, baseUrl: BASE, tranche: 'T2' })).resolves.toEqual({ paid: true });
    expect([...t.bank.transfers.keys()]).toEqual([`${t.reference}/T2`]);
    expect(t.bank.transfers.get(`${t.reference}/T2`)!.amount).toBe(1_000_000);

    const claim = (await t.claims.get(t.reference))!;
    expect(claim).toMatchObject({ status: 'PAID', payment: { amount: 12_000_000 } });
    expect(claim.tranches![0]).toMatchObject({ status: 'PAID', payment: { amount: 1_000_000, transferId: 'T-1' } });
    expect(claim.timeline.filter((e) => e.tranche === 'T2').map((e) => e.status)).toEqual([
      'AWAITING_APPROVAL',
      'APPROVED',
      'PAYING',
      'PAID',
    ]);
    expect(t.notifier.emails.at(-1)!.message.subject).toContain('T2 sudah ditransfer');
    await expect(routeTranche(t.deps, { reference: t.reference, tranche: 'T2' })).resolves.toMatchObject({ next: 'DONE' });
  });

  it('over the threshold two different people approve; a rejection tells the family and pays nothing', async () => {
    const t = setup(aPaidInjury(), 2_500_000);
    await requestPayment(
      t.deps,
      t.reference,
      verifier,
      { kind: 'DISABILITY', assessment: { disability: { kind: 'anatomical', percent: 35 } } },
      BASE,
    );
    await toDecision(t, 'T2');
    const half = await decideTranche(t.deps, t.reference, 'T2', approver, { decision: 'approve' }, BASE);
    expect(half.tranche).toMatchObject({ status: 'AWAITING_APPROVAL', approvals: [{ by: 'approver' }] });
    expect(t.workflow.answers).toEqual([]);
    await expect(decideTranche(t.deps, t.reference, 'T2', approver, { decision: 'approve' }, BASE)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(decideTranche(t.deps, t.reference, 'T2', supervisor, { decision: 'approve' }, BASE)).resolves.toMatchObject({
      tranche: { status: 'APPROVED' },
    });

    const r = setup(aPaidInjury());
    await requestPayment(r.deps, r.reference, verifier, { kind: 'STMB', assessment: { stmb: { months: 1 } } }, BASE);
    await toDecision(r, 'T2');
    await expect(decideTranche(r.deps, r.reference, 'T2', approver, { decision: 'reject' }, BASE)).rejects.toBeInstanceOf(ValidationError);
    const rejected = await decideTranche(
      r.deps,
      r.reference,
      'T2',
      approver,
      { decision: 'reject', reasonCode: 'DOCUMENTS_INVALID' },
      BASE,
    );
    expect(rejected.tranche).toMatchObject({ status: 'REJECTED', decision: { outcome: 'rejected', reasonCode: 'DOCUMENTS_INVALID' } });
    expect(rejected.claim.status).toBe('PAID');
    expect(r.workflow.answers.at(-1)!.output).toEqual({ outcome: 'rejected' });
    expect(r.notifier.emails.at(-1)!.message.subject).toContain('tidak dapat dibayarkan');
    // A rejected tranche does not count: the next STMB tranche starts at month 13 again.
    const again = await requestPayment(r.deps, r.reference, verifier, { kind: 'STMB', assessment: { stmb: { months: 1 } } }, BASE);
    expect(again.tranche).toMatchObject({ id: 'T3', stmb: { fromMonth: 13 } });
  });

  it('a refused transfer waits for finance on the tranche; the retry pays it with the same key', async () => {
    const t = setup(aPaidInjury());
    await requestPayment(t.deps, t.reference, verifier, { kind: 'STMB', assessment: { stmb: { months: 1 } } }, BASE);
    await toDecision(t, 'T2');
    await decideTranche(t.deps, t.reference, 'T2', approver, { decision: 'approve' }, BASE);
    t.bank.failures.push(new BankRejectedError('account closed', 'ACCOUNT_CLOSED'));
    await expect(payTranche(t.deps, { reference: t.reference, baseUrl: BASE, tranche: 'T2' })).rejects.toMatchObject({
      name: 'BankRejectedError',
    });
    expect((await trancheOf(t, 'T2')).status).toBe('PAYING');
    await recordTranchePayoutFailure(t.deps, {
      reference: t.reference,
      baseUrl: BASE,
      taskToken: 'payout-T2',
      error: { Error: 'BankRejectedError', Cause: 'closed' },
      tranche: 'T2',
    });
    expect(await trancheOf(t, 'T2')).toMatchObject({ status: 'PAYOUT_FAILED', pendingTask: { kind: 'payout', token: 'payout-T2' } });
    expect(t.notifier.emails.some((e) => e.to.includes('finance@test'))).toBe(true);
    await expect(routeTranche(t.deps, { reference: t.reference, tranche: 'T2' })).resolves.toMatchObject({ next: 'PAYOUT_FAILED' });
    await expect(retryTranchePayout(t.deps, t.reference, 'T2', approver)).rejects.toBeInstanceOf(ForbiddenError);
    await retryTranchePayout(t.deps, t.reference, 'T2', staff('finance', 'finance'));
    expect(t.workflow.answers.at(-1)).toEqual({ token: 'payout-T2', output: { retry: true } });
    await payTranche(t.deps, { reference: t.reference, baseUrl: BASE, tranche: 'T2' });
    expect((await trancheOf(t, 'T2')).status).toBe('PAID');
    expect(t.bank.transfers.size).toBe(1);
  });
});

describe('scholarship tranches', () => {
  const certificate = (schoolYear: string, i = 9) => doc('SCHOOL_CERTIFICATE', i, { schoolYear });

  it('needs the proof of schooling for the year, then pays each child at their level once a school year', async () => {
    const t = setup(aPaidDeath());
    const request = { kind: 'SCHOLARSHIP' as const, schoolYear: '2026/2027' };
    await expect(requestPayment(t.deps, t.reference, verifier, request, BASE)).rejects.toMatchObject({
      code: 'PROOF_OF_SCHOOLING_REQUIRED',
    });

    const withProof = setup(aPaidDeath({ documents: [certificate('2026/2027')] }));
    const { tranche } = await requestPayment(withProof.deps, withProof.reference, verifier, request, BASE);
    expect(tranche).toMatchObject({ kind: 'SCHOLARSHIP', schoolYear: '2026/2027', amount: 3_500_000, ruleSet: 'PP 82/2019' });
    expect(tranche.components.map((c) => c.amount)).toEqual([1_500_000, 2_000_000]);
    await expect(requestPayment(withProof.deps, withProof.reference, verifier, request, BASE)).rejects.toMatchObject({
      code: 'SCHOOL_YEAR_ALREADY_REQUESTED',
    });
  });

  it('the children sent with the request update their levels on the claim', async () => {
    const t = setup(aPaidDeath({ documents: [certificate('2027/2028')] }));
    const children = [
      { name: 'Rina', birthDate: '2016-08-17', schoolLevel: 'SD' as const },
      { name: 'Budi', birthDate: '2013-02-01', schoolLevel: 'SMA' as const },
    ];
    const { tranche, claim } = await requestPayment(
      t.deps,
      t.reference,
      verifier,
      { kind: 'SCHOLARSHIP', schoolYear: '2027/2028', children },
      BASE,
    );
    expect(tranche.amount).toBe(4_500_000);
    expect(claim.children).toEqual(children);
  });

  it('a JKM death without 3 years of membership has no scholarship', async () => {
    const base = aPaidDeath({ documents: [certificate('2026/2027')] });
    const t = setup({
      ...base,
      verification: { ...base.verification!, benefit: { ...base.verification!.benefit!, scholarshipEligible: false } },
    });
    await expect(
      requestPayment(t.deps, t.reference, verifier, { kind: 'SCHOLARSHIP', schoolYear: '2026/2027' }, BASE),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it('stops at the years a level allows and at the cap over all the years paid', () => {
    const paidYear = (schoolYear: string, level: 'TK' | 'PT', amount: number): Tranche =>
      ({
        id: `T${schoolYear}`,
        kind: 'SCHOLARSHIP',
        status: 'PAID',
        amount,
        schoolYear,
        children: [{ name: 'Rina', birthDate: '2020-01-01', schoolLevel: level, amount }],
      }) as Tranche;
    const tk = [paidYear('2024/2025', 'TK', 1_500_000), paidYear('2025/2026', 'TK', 1_500_000)];
    const third = priceScholarshipYear({
      incidentDate: '2023-01-01',
      schoolYear: '2026/2027',
      children: [{ name: 'Rina', birthDate: '2020-01-01', schoolLevel: 'TK' }],
      earlier: tk,
    });
    expect(third).toMatchObject({ amount: 0, children: [{ amount: 0, reason: 'LEVEL_LIMIT' }] });

    const nearCap = [paidYear('2020/2021', 'PT', 170_000_000)];
    const capped = priceScholarshipYear({
      incidentDate: '2020-01-01',
      schoolYear: '2026/2027',
      children: [
        { name: 'Budi', birthDate: '2008-01-01', schoolLevel: 'PT' },
        { name: 'Rina', birthDate: '2012-01-01', schoolLevel: 'SMP' },
      ],
      earlier: nearCap,
    });
    expect(capped).toMatchObject({ amount: 4_000_000, capLeft: 4_000_000 });
    expect(capped!.children.map((c) => [c.amount, c.reason])).toEqual([
      [4_000_000, undefined],
      [0, 'CAP_REACHED'],
    ]);
  });

  it('the family sends proof of schooling to a paid claim (and nothing else any more)', async () => {
    const t = setup(aPaidDeath());
    const uploads = new InMemoryUploads();
    const documents = new InMemoryDocuments();
    for (const id of ['up_school_2026_aaaaaaaa', 'up_other_2026_bbbbbbbbb']) {
      await uploads.put({
        uploadId: id,
        type: 'SCHOOL_CERTIFICATE',
        contentType: 'application/pdf',
        declaredSize: 900,
        key: `uploads/${id}`,
        createdAt: '2026-11-30T09:00:00+07:00',
        expiresAt: 4_000_000_000,
      });
      documents.store(`uploads/${id}`, pdf(900), 'application/pdf');
    }
    const deps = { claims: t.claims, workflow: t.workflow, uploads, documents, attempts: new InMemoryLookupAttempts(), now: NOW };
    await expect(
      addDocuments(deps, {
        reference: t.reference,
        nik: HEIR,
        sourceIp: '198.51.100.7',
        documents: [{ type: 'OTHER', uploadId: 'up_other_2026_bbbbbbbbb' }],
      }),
    ).rejects.toMatchObject({ code: 'CLAIM_CLOSED' });
    await addDocuments(deps, {
      reference: t.reference,
      nik: HEIR,
      sourceIp: '198.51.100.7',
      documents: [{ type: 'SCHOOL_CERTIFICATE', uploadId: 'up_school_2026_aaaaaaaa' }],
    });
    expect((await t.claims.get(t.reference))!.documents.at(-1)).toMatchObject({ type: 'SCHOOL_CERTIFICATE', schoolYear: '2026/2027' });
    await expect(
      requestPayment(t.deps, t.reference, verifier, { kind: 'SCHOLARSHIP', schoolYear: '2026/2027' }, BASE),
    ).resolves.toMatchObject({
      tranche: { amount: 3_500_000 },
    });
  });
});

describe('the yearly scholarship reminder', () => {
  const JULY = () => new Date('2027-07-01T01:00:00Z');

  it('reminds each family whose children may still be paid once a school year, in Bahasa Indonesia, by email and SMS', async () => {
    const t = setup(
      aPaidDeath({ claimant: { nik: HEIR, name: 'Ahmad Fauzi', relationship: 'spouse', phone: '+6281234567890', email: 'a@example.org' } }),
    );
    t.claims.put(aPaidInjury()); // no scholarship: not reminded
    const deps = { claims: t.claims, notifier: t.notifier, messages, now: JULY };
    await expect(remindScholarships(deps, BASE)).resolves.toEqual({ schoolYear: '2027/2028', reminded: 1 });
    expect(t.notifier.emails).toEqual([
      { to: ['a@example.org'], message: expect.objectContaining({ subject: 'Klaim SNT-2026-DZ4THX: beasiswa tahun ajaran 2027/2028' }) },
    ]);
    expect(t.notifier.emails[0]!.message.text).toContain('surat keterangan masih sekolah');
    expect(t.notifier.texts[0]!.text).toContain('2027/2028');
    expect((await t.claims.get(t.reference))!.scholarshipReminded).toEqual(['2027/2028']);
    // The same year again (a retry, a second run) sends nothing.
    await expect(remindScholarships(deps, BASE)).resolves.toMatchObject({ reminded: 0 });
    expect(t.notifier.emails).toHaveLength(1);
  });

  it('stops at the cap and once no child can be paid any more', () => {
    const claim = aPaidDeath();
    expect(awaitsScholarshipYear(claim, '2027/2028')).toBe(true);
    const grown = aPaidDeath({ children: [{ name: 'Budi', birthDate: '2000-01-01', schoolLevel: 'PT' }] });
    expect(awaitsScholarshipYear(grown, '2027/2028')).toBe(false);
    const capped = aPaidDeath({
      tranches: [
        { id: 'T2', kind: 'SCHOLARSHIP', status: 'PAID', amount: 174_000_000, schoolYear: '2026/2027', children: [] } as unknown as Tranche,
      ],
    });
    expect(awaitsScholarshipYear(capped, '2027/2028')).toBe(false);
    const notEligible = aPaidDeath({ children: [] });
    expect(awaitsScholarshipYear(notEligible, '2027/2028')).toBe(false);
  });

  it('a failed send takes the record back and throws, so the scheduler retry reminds the family', async () => {
    const t = setup(aPaidDeath());
    const failing = { ...t.notifier, email: async () => Promise.reject(new Error('SES down')), sms: async () => true };
    await expect(remindScholarships({ claims: t.claims, notifier: failing, messages, now: JULY }, BASE)).rejects.toThrow('SES down');
    expect((await t.claims.get(t.reference))!.scholarshipReminded).toBeUndefined();
  });
});
