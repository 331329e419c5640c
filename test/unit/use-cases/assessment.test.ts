import { assessClaim } from '../../../shared/claims/application/approval/assess';
import { decide } from '../../../shared/claims/application/approval/decide';
import { requestDecision } from '../../../shared/claims/application/approval/request-decision';
import { verifyClaim } from '../../../shared/claims/application/verification/verify-claim';
import type { Claim, ClaimDocument } from '../../../shared/claims/domain/claim';
import { requiredDocuments } from '../../../shared/claims/domain/rules/documents';
import { ConflictError, ForbiddenError, ValidationError } from '../../../shared/kernel/errors';
import type { StaffUser } from '../../../shared/staff/domain/roles';
import {
  InMemoryClaimStore,
  InMemoryMembers,
  messages,
  RecordingNotifier,
  RecordingWorkflow,
  STAFF_EMAILS,
} from '../../support/fakes/claims';
import { aMember } from '../../support/members';

/** A JKK injury claim assessed by staff, against in-memory ports: the amount, the two-person rule and the audit. */
const NIK = '3173014107850003';
const NOW = () => new Date('2026-11-30T03:00:00Z');
const staff = (username: string, ...roles: StaffUser['roles']): StaffUser => ({ username, roles });

const anInjury = (over: Partial<Claim> = {}): Claim => {
  const claim: Claim = {
    reference: 'SNT-2026-INJURY',
    status: 'SUBMITTED',
    benefit: 'JKK',
    member: { nik: NIK, name: 'Siti Aminah' },
    incident: { type: 'injury', date: '2026-03-02', cause: 'work_accident' },
    claimant: { nik: NIK, name: 'Siti Aminah', relationship: 'self', phone: '+6281234567890' },
    bankAccount: { bankCode: '002', accountNumber: '012301000123456', accountHolder: 'Siti Aminah' },
    documents: [],
    submittedAt: '2026-11-30T09:00:00.000+07:00',
    updatedAt: '2026-11-30T09:00:00.000+07:00',
    timeline: [{ status: 'SUBMITTED', at: '2026-11-30T09:00:00.000+07:00' }],
    missingDocuments: [],
    version: 1,
    ...over,
  };
  claim.documents = requiredDocuments({ benefit: 'JKK', incidentType: 'injury', relationship: 'self', cause: 'work_accident' }).map(
    (type, i): ClaimDocument => ({ type, uploadId: `up_${i}`, contentType: 'application/pdf', size: 1000, key: `k${i}` }),
  );
  return claim;
};

const setup = async (claim = anInjury(), wage = 2_500_000, raisedTo?: { wage: number; from: string }) => {
  const claims = new InMemoryClaimStore();
  claims.put(claim);
  const members = new InMemoryMembers();
  const paid = { nik: NIK, period: claim.incident.date.slice(0, 7), category: 'PAID' as const };
  const wageHistory = raisedTo && [
    { monthlyWage: wage, from: '2019-01-01', recordedAt: '2019-01-01T00:00:00+07:00' },
    { monthlyWage: raisedTo.wage, from: raisedTo.from, recordedAt: '2026-11-01T00:00:00+07:00' },
  ];
  members.add(aMember({ nik: NIK, monthlyWage: raisedTo?.wage ?? wage, ...(wageHistory ? { wageHistory } : {}) }), [
    { ...paid, expected: { jkk: 1, jkm: 1, total: 2 }, paid: { jkk: 1, jkm: 1, total: 2 }, receipts: [], reconciledAt: '' },
  ]);
  const notifier = new RecordingNotifier();
  const workflow = new RecordingWorkflow();
  const deps = {
    claims,
    members,
    notifier,
    messages,
    workflow,
    staffEmails: STAFF_EMAILS,
    policy: { secondApprovalAbove: 50_000_000 },
    secondApprovalAbove: 50_000_000,
    now: NOW,
  };
  await verifyClaim(deps, { reference: claim.reference, baseUrl: 'https://api.test' });
  await requestDecision(deps, { reference: claim.reference, baseUrl: 'https://api.test', taskToken: 'decision-1' });
  return { ...deps, deps, reference: claim.reference };
};

describe('assessClaim', () => {
  it('prices the injury by the rules of the accident date, clears ASSESSMENT_REQUIRED and audits who assessed what', async () => {
    const t = await setup();
    expect((await t.claims.get(t.reference))!.verification).toMatchObject({ flags: ['ASSESSMENT_REQUIRED'], benefit: { total: 0 } });
    const { benefit, claim } = await assessClaim(
      t.deps,
      t.reference,
      staff('vera', 'verifier'),
      { stmb: { months: 14 }, disability: { kind: 'anatomical', part: 'eye_one' } },
      'https://api.test',
    );
    // 12 x 2.5m + 2 x 1.25m = 32.5m; one eye 35% x 80 x 2.5m = 70m.
    expect(benefit.components.map((c) => [c.code, c.amount])).toEqual([
      ['STMB', 32_500_000],
      ['DISABILITY', 70_000_000],
    ]);
    expect(benefit.total).toBe(102_500_000);
    expect(claim.status).toBe('AWAITING_APPROVAL');
    expect(claim.verification).toMatchObject({
      flags: [],
      benefit: { total: 102_500_000, ruleSet: 'PP 82/2019' },
      approval: { level: 'approver', secondApprovalRequired: true },
      assessment: { by: 'vera', monthlyWage: 2_500_000 },
    });
    const trail = await t.claims.auditTrail(t.reference);
    expect(trail.at(-1)).toMatchObject({
      type: 'ASSESSMENT_RECORDED',
      actor: { kind: 'staff', id: 'vera' },
      details: { total: 102_500_000, assessment: { disability: { part: 'eye_one' } } },
    });
  });

  it('uses the wage in force on the accident date, not a raise recorded after it', async () => {
    const t = await setup(anInjury(), 2_500_000, { wage: 4_000_000, from: '2026-06-01' });
    const { benefit, claim } = await assessClaim(
      t.deps,
      t.reference,
      staff('vera', 'verifier'),
      { stmb: { months: 1 } },
      'https://api.test',
    );
    expect(benefit.total).toBe(2_500_000);
    expect(claim.verification?.assessment?.monthlyWage).toBe(2_500_000);
  });

  it('holds the two-person rule: whoever assessed cannot approve, and two others must approve a large amount', async () => {
    const t = await setup();
    await assessClaim(t.deps, t.reference, staff('sari', 'supervisor'), { disability: { kind: 'total' } }, 'https://api.test');
    const approve = (who: StaffUser) => decide(t.deps, t.reference, who, { decision: 'approve' }, 'https://api.test');
    await expect(approve(staff('sari', 'supervisor'))).rejects.toThrow(ForbiddenError);
    expect(await approve(staff('ani', 'approver'))).toMatchObject({ status: 'AWAITING_APPROVAL' });
    expect(await approve(staff('budi', 'approver'))).toMatchObject({ status: 'APPROVED' });
    expect(t.workflow.answers.at(-1)).toMatchObject({ output: { outcome: 'approved' } });
  });

  it('a new assessment voids earlier approvals of another amount', async () => {
    const t = await setup();
    await assessClaim(t.deps, t.reference, staff('vera', 'verifier'), { disability: { kind: 'total' } }, 'https://api.test');
    await decide(t.deps, t.reference, staff('ani', 'approver'), { decision: 'approve' }, 'https://api.test');
    expect((await t.claims.get(t.reference))!.approvals).toHaveLength(1);
    await assessClaim(t.deps, t.reference, staff('vera', 'verifier'), { stmb: { months: 1 } }, 'https://api.test');
    const claim = (await t.claims.get(t.reference))!;
    expect(claim.approvals).toEqual([]);
    expect(claim.verification?.benefit?.total).toBe(2_500_000);
    expect((await t.claims.auditTrail(t.reference)).at(-1)).toMatchObject({ details: { approvalsVoided: 1 } });
  });

  it('refuses what it cannot price, by field, and claims that are not injuries or not awaiting approval', async () => {
    const t = await setup();
    const assess = (input: Parameters<typeof assessClaim>[3], who = staff('vera', 'verifier')) =>
      assessClaim(t.deps, t.reference, who, input, 'https://api.test');
    await expect(assess({ disability: { kind: 'functional', percent: 40 } })).rejects.toMatchObject({
      fields: [{ path: 'disability.functionLossPercent', code: 'required' }],
    });
    await expect(assess({ disability: { kind: 'anatomical', part: 'tail' } })).rejects.toThrow(ValidationError);
    await expect(assess({ disability: { kind: 'anatomical', part: 'eye_one', percent: 40 } })).rejects.toMatchObject({
      fields: [{ path: 'disability.percent', code: 'disability.partMismatch' }],
    });
    await expect(assess({})).rejects.toMatchObject({ fields: [{ code: 'assessment.empty' }] });
    await expect(assess({ stmb: { months: 1 } }, staff('ani', 'approver'))).rejects.toThrow(ForbiddenError);

    const death = await setup(
      anInjury({ reference: 'SNT-2026-DEATHX', incident: { type: 'death', date: '2026-03-02', cause: 'work_accident' } }),
    );
    await expect(
      assessClaim(death.deps, death.reference, staff('vera', 'verifier'), { stmb: { months: 1 } }, 'https://api.test'),
    ).rejects.toMatchObject({ code: 'NOT_AN_INJURY' });

    await decide(t.deps, t.reference, staff('sari', 'supervisor'), { decision: 'reject', reasonCode: 'OTHER' }, 'https://api.test');
    await expect(assess({ stmb: { months: 1 } })).rejects.toThrow(ConflictError);
  });
});
