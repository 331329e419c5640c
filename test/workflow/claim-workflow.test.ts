import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { lambdaContext } from '../../infra/local/gateway';
import { documentClient } from '../../shared/platform/dynamodb/client';
import { claimKeys } from '../../shared/platform/dynamodb/keys';
import { type Api, startApi } from '../support/api';
import { uniqueNik, validClaim } from '../support/fixtures';
import { pdf, uploadDocument } from '../support/uploads';
import {
  completeClaim,
  describeExecution,
  executionHistory,
  failBank,
  fileAndAwaitDecision as fileClaim,
  givenMember,
  staff,
  transfersFor,
  waitForDecisionTask,
  waitForEmails,
  waitForStatus,
} from '../support/workflow';

/**
 * The workflow end to end: the ASL synthesized from the CDK stack, run by the twin's Step Functions executor, every
 * task in its real handler, against DynamoDB Local, the SES inbox and the sandbox bank (test/support/global-setup.ts).
 * The approval timeout is shortened to 6 s for the escalation case (APPROVAL_TIMEOUT_SECONDS).
 */
let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.stop();
});

const statuses = (s: { timeline: { status: string }[] }) => s.timeline.map((t) => t.status);

const fileAndAwaitDecision = (body: Record<string, any>) => fileClaim(api, body);

describe('payouts', () => {
  it('JKM: verified, approved from the decision API, paid Rp42,000,000 once, family told at every step', async () => {
    const member = await givenMember();
    const body = await completeClaim(api, member, (b) => (b.claimant.email = `family-${member.nik}@example.org`));
    const { ref, claim } = await fileAndAwaitDecision(body);
    expect(claim.verification).toMatchObject({
      flags: [],
      benefit: { ruleSet: 'PP 82/2019', total: 42_000_000, scholarshipEligible: true },
      approval: { level: 'approver', secondApprovalRequired: false },
    });

    const decided = await staff(api, 'approver', 'POST', `/staff/claims/${ref}/decision`, { decision: 'approve' });
    expect(decided.status).toBe(200);
    expect(decided.json.status).toBe('APPROVED');

    const paid = await waitForStatus(api, ref, body.claimant.nik, 'PAID');
    expect(paid.payout).toMatchObject({ amount: 42_000_000, currency: 'IDR' });
    expect(paid.payout.components).toEqual([
      { code: 'LUMP_SUM', amount: 20_000_000 },
      { code: 'PERIODIC', amount: 12_000_000 },
      { code: 'FUNERAL', amount: 10_000_000 },
    ]);
    expect(statuses(paid)).toEqual(['SUBMITTED', 'VERIFYING', 'AWAITING_APPROVAL', 'APPROVED', 'PAYING', 'PAID']);
    expect(await transfersFor(ref)).toEqual([expect.objectContaining({ amount: 42_000_000, accountNumber: body.payout.accountNumber })]);
    const familyMail = (await waitForEmails(body.claimant.email, (es) => es.some((e) => e.subject.includes('sudah ditransfer')))).map(
      (e) => e.subject,
    );
    expect(familyMail).toEqual(
      expect.arrayContaining([expect.stringContaining('menunggu persetujuan'), expect.stringContaining('sudah ditransfer')]),
    );
    const approverMail = (await waitForEmails('approver@santunan.local', (es) => es.some((e) => e.subject.includes(ref)))).find((e) =>
      e.subject.includes(ref),
    );
    expect(approverMail?.body.text).toContain(`/staff/claims/${ref}`);

    const history = await executionHistory(ref);
    expect(history.filter((e) => e.type === 'StateEntered').map((e) => e.stateEnteredEventDetails!.name)).toEqual([
      'Verify',
      'RouteClaim',
      'AwaitDecision',
      'RouteDecision',
      'Pay',
      'Done',
    ]);
    expect((await describeExecution(ref)).status).toBe('SUCCEEDED');
  });

  it('JKK death at a wage of Rp1,000,000: Rp70,000,000, which needs a second approval by someone else', async () => {
    const member = await givenMember({ monthlyWage: 1_000_000 });
    const body = await completeClaim(api, member, (b) => {
      b.benefit = 'JKK';
      b.incident.cause = 'work_accident';
    });
    const { ref, claim } = await fileAndAwaitDecision(body);
    expect(claim.verification.benefit.components).toEqual([
      expect.objectContaining({ code: 'JKK_DEATH', amount: 48_000_000 }),
      expect.objectContaining({ code: 'PERIODIC', amount: 12_000_000 }),
      expect.objectContaining({ code: 'FUNERAL', amount: 10_000_000 }),
    ]);
    expect(claim.verification.approval.secondApprovalRequired).toBe(true);

    const first = await staff(api, 'approver', 'POST', `/staff/claims/${ref}/decision`, { decision: 'approve' });
    expect(first.json).toEqual({ status: 'AWAITING_APPROVAL', approvals: 1 });
    const sameAgain = await staff(api, 'approver', 'POST', `/staff/claims/${ref}/decision`, { decision: 'approve' });
    expect(sameAgain.status).toBe(403);
    const second = await staff(api, 'supervisor', 'POST', `/staff/claims/${ref}/decision`, { decision: 'approve' });
    expect(second.json).toEqual({ status: 'APPROVED', approvals: 2 });

    const paid = await waitForStatus(api, ref, body.claimant.nik, 'PAID');
    expect(paid.payout.amount).toBe(70_000_000);
    expect(await transfersFor(ref)).toHaveLength(1);
  });

  it('JKK death uses the wage in force on the incident date, not a raise recorded after it', async () => {
    const member = await givenMember({
      monthlyWage: 3_000_000,
      wageHistory: [
        { monthlyWage: 1_000_000, from: '2019-01-01', recordedAt: '2019-01-01T00:00:00+07:00' },
        { monthlyWage: 3_000_000, from: '2026-10-15', recordedAt: '2026-11-01T00:00:00+07:00' },
      ],
    });
    const body = await completeClaim(api, member, (b) => {
      b.benefit = 'JKK';
      b.incident.cause = 'work_accident';
    });
    const { claim } = await fileAndAwaitDecision(body);
    // 48 x Rp1,000,000 (in force on 2026-10-03), not 48 x Rp3,000,000.
    expect(claim.verification.benefit.components[0]).toMatchObject({ code: 'JKK_DEATH', amount: 48_000_000 });
  });

  it('JKK death at a low wage takes the minimum (the JKM lump sum)', async () => {
    const member = await givenMember({ monthlyWage: 300_000 });
    const body = await completeClaim(api, member, (b) => {
      b.benefit = 'JKK';
      b.incident.cause = 'work_accident';
    });
    const { claim } = await fileAndAwaitDecision(body);
    expect(claim.verification.benefit.components[0]).toMatchObject({ code: 'JKK_DEATH', amount: 20_000_000 });
    expect(claim.verification.benefit.total).toBe(42_000_000);
  });

  it('a 2019 incident before 2019-12-02 is computed by PP 44/2015 (a claim filed in 2024, migrated from the previous system)', async () => {
    const member = await givenMember({ enrolledOn: '2016-01-01' }, {}, '2019-11');
    const body = validClaim((b) => {
      b.member = { nik: member.nik, name: member.name };
      b.incident.date = '2019-11-30';
    });
    const reference = `SNT-2024-${uniqueNik()
      .slice(-6)
      .replace(/[01]/g, '7')
      .replace(/\d/g, (d) => 'BCDFGHJKMN'[Number(d)]!)}`;
    const docs = [
      'MEMBER_ID_CARD',
      'BANK_BOOK',
      'CLAIMANT_ID_CARD',
      'FAMILY_CARD',
      'DEATH_CERTIFICATE',
      'HEIR_CERTIFICATE',
      'MARRIAGE_CERTIFICATE',
    ];
    const documents = [];
    for (const type of docs)
      documents.push({
        type,
        uploadId: await uploadDocument(api, type, pdf(512)),
        contentType: 'application/pdf',
        size: 512,
        key: 'migrated',
      });
    const submittedAt = '2024-06-03T10:00:00.000+07:00';
    await documentClient.send(
      new PutCommand({
        TableName: process.env.CLAIMS_TABLE_NAME!,
        Item: {
          ...claimKeys.claim(reference),
          ...claimKeys.byStatus('SUBMITTED', submittedAt, reference),
          entity: 'CLAIM',
          reference,
          status: 'SUBMITTED',
          benefit: 'JKM',
          member: body.member,
          incident: body.incident,
          claimant: body.claimant,
          bankAccount: body.payout,
          documents,
          submittedAt,
          updatedAt: submittedAt,
          timeline: [{ status: 'SUBMITTED', at: submittedAt }],
          missingDocuments: [],
          version: 1,
        },
      }),
    );
    const { SFNClient, StartExecutionCommand } = await import('@aws-sdk/client-sfn');
    const sfn = new SFNClient({});
    const input = JSON.stringify({ reference, baseUrl: api.url });
    await sfn.send(new StartExecutionCommand({ stateMachineArn: process.env.STATE_MACHINE_ARN!, name: reference, input }));
    // A second start of the same claim is refused, not duplicated.
    await expect(
      sfn.send(
        new StartExecutionCommand({
          stateMachineArn: process.env.STATE_MACHINE_ARN!,
          name: reference,
          input: JSON.stringify({ reference, baseUrl: 'x' }),
        }),
      ),
    ).rejects.toMatchObject({ name: 'ExecutionAlreadyExists' });

    await waitForStatus(api, reference, body.claimant.nik, 'AWAITING_APPROVAL');
    const claim = await waitForDecisionTask(api, reference);
    expect(claim.verification.benefit).toMatchObject({ ruleSet: 'PP 44/2015', total: 24_000_000 });
    expect(claim.verification.benefit.components.map((c: { amount: number }) => c.amount)).toEqual([16_200_000, 4_800_000, 3_000_000]);
  });
});

describe('rejections and flags', () => {
  it('rejects an unknown member with MEMBER_NOT_FOUND and a reason in Bahasa Indonesia, and frees the member for a new claim', async () => {
    const body = validClaim();
    const created = await api.postJson('/claims', body);
    const rejected = await waitForStatus(api, created.json.reference, body.claimant.nik, 'REJECTED');
    expect(rejected.decision).toMatchObject({ outcome: 'rejected', reasonCode: 'MEMBER_NOT_FOUND' });
    expect(rejected.decision.reason).toMatch(/peserta/i);
    expect(statuses(rejected)).toEqual(['SUBMITTED', 'VERIFYING', 'REJECTED']);
    expect((await api.postJson('/claims', body)).status).toBe(201);
  });

  it('flags an unpaid incident month as SPONSOR_ARREARS and routes it to a supervisor, never rejecting it', async () => {
    const member = await givenMember({}, { category: 'UNPAID', paid: { jkk: 0, jkm: 0, total: 0 }, receipts: [] });
    const body = await completeClaim(api, member);
    const { ref, claim } = await fileAndAwaitDecision(body);
    expect(claim.verification.flags).toContain('SPONSOR_ARREARS');
    expect(claim.verification.approval).toMatchObject({ level: 'supervisor', secondApprovalRequired: true });
    const byApprover = await staff(api, 'approver', 'POST', `/staff/claims/${ref}/decision`, { decision: 'approve' });
    expect(byApprover.status).toBe(403);
    expect(
      (await waitForEmails('supervisor@santunan.local', (es) => es.some((e) => e.subject.includes(ref)))).some((e) =>
        e.subject.includes(ref),
      ),
    ).toBe(true);
  });

  it('lets an approver reject with a reason code; a rejection without one is 400; deciding again is 409', async () => {
    const member = await givenMember();
    const body = await completeClaim(api, member);
    const { ref } = await fileAndAwaitDecision(body);
    const noReason = await staff(api, 'approver', 'POST', `/staff/claims/${ref}/decision`, { decision: 'reject' });
    expect(noReason.status).toBe(400);
    expect(noReason.json.fields[0].path).toBe('reasonCode');
    const rejected = await staff(api, 'approver', 'POST', `/staff/claims/${ref}/decision`, {
      decision: 'reject',
      reasonCode: 'DOCUMENTS_INVALID',
      note: 'Akta tidak terbaca',
    });
    expect(rejected.json.status).toBe('REJECTED');
    const final = await waitForStatus(api, ref, body.claimant.nik, 'REJECTED');
    expect(final.decision).toEqual({ outcome: 'rejected', reasonCode: 'DOCUMENTS_INVALID', reason: expect.any(String) });
    expect((await staff(api, 'supervisor', 'POST', `/staff/claims/${ref}/decision`, { decision: 'approve' })).status).toBe(409);
    await expect(describeExecution(ref)).resolves.toMatchObject({ status: 'SUCCEEDED' });
    expect(await transfersFor(ref)).toHaveLength(0);
  });

  it('refuses staff calls without a token (401) and from a role that may not decide (403)', async () => {
    const member = await givenMember();
    const { ref } = await fileAndAwaitDecision(await completeClaim(api, member));
    const anonymous = await api.postJson(`/staff/claims/${ref}/decision`, { decision: 'approve' });
    expect(anonymous.status).toBe(401);
    expect(
      (await api.call('GET', '/staff/claims', { headers: { accept: 'application/json', authorization: 'Bearer not-a-token' } })).status,
    ).toBe(401);
    expect((await staff(api, 'finance', 'POST', `/staff/claims/${ref}/decision`, { decision: 'approve' })).status).toBe(403);
    expect((await staff(api, 'verifier', 'POST', `/staff/claims/${ref}/decision`, { decision: 'approve' })).status).toBe(403);
    const queue = await staff(api, 'verifier', 'GET', '/staff/claims?status=AWAITING_APPROVAL');
    expect(queue.status).toBe(200);
    expect(queue.json.items.map((i: { reference: string }) => i.reference)).toContain(ref);
  });
});

describe('injuries', () => {
  it('a JKK injury needs an assessment: a supervisor may reject it but not approve a zero amount', async () => {
    const member = await givenMember();
    const body = await completeClaim(api, member, (b) => {
      b.benefit = 'JKK';
      b.incident = { type: 'injury', date: '2026-10-03', cause: 'work_accident' };
      b.claimant = { ...b.claimant, nik: member.nik, name: member.name, relationship: 'self' };
      b.payout.accountHolder = member.name;
    });
    const { ref, claim } = await fileAndAwaitDecision(body);
    expect(claim.verification.flags).toContain('ASSESSMENT_REQUIRED');
    expect(claim.verification.approval.level).toBe('supervisor');
    const approve = await staff(api, 'supervisor', 'POST', `/staff/claims/${ref}/decision`, { decision: 'approve' });
    expect(approve.status).toBe(409);
    expect(approve.json.error).toBe('ASSESSMENT_REQUIRED');
  });

  it('assessed by a verifier with the worked examples of domain.md, approved by two others, paid once with its breakdown', async () => {
    const member = await givenMember({ monthlyWage: 1_000_000 }, {}, '2026-03');
    const body = await completeClaim(api, member, (b) => {
      b.benefit = 'JKK';
      b.incident = { type: 'injury', date: '2026-03-02', cause: 'work_accident' };
      b.claimant = { ...b.claimant, nik: member.nik, name: member.name, relationship: 'self' };
      b.payout.accountHolder = member.name;
    });
    const { ref } = await fileAndAwaitDecision(body);
    const assessment = {
      stmb: { months: 14 },
      disability: { kind: 'total' },
      transport: [
        { mode: 'land', amount: 6_500_000 },
        { mode: 'sea', amount: 1_200_000 },
        { mode: 'air', amount: 12_000_000 },
      ],
      homeCare: { monthly: 1_800_000, months: 14 },
    };
    // An approver may not assess; a verifier may.
    expect((await staff(api, 'approver', 'POST', `/staff/claims/${ref}/assessment`, assessment)).status).toBe(403);
    const assessed = await staff(api, 'verifier', 'POST', `/staff/claims/${ref}/assessment`, assessment);
    expect(assessed.status).toBe(200);
    const expected = [
      { code: 'STMB', amount: 13_000_000 },
      { code: 'DISABILITY', amount: 56_000_000 },
      { code: 'PERIODIC', amount: 12_000_000 },
      { code: 'TRANSPORT', amount: 16_200_000 },
      { code: 'HOME_CARE', amount: 20_000_000 },
    ];
    expect(assessed.json.benefit.components.map(({ code, amount }: { code: string; amount: number }) => ({ code, amount }))).toEqual(
      expected,
    );
    expect(assessed.json.benefit.total).toBe(117_200_000);

    // Over Rp50,000,000: two approvals, by two people other than the assessor.
    expect((await staff(api, 'approver', 'POST', `/staff/claims/${ref}/decision`, { decision: 'approve' })).json).toEqual({
      status: 'AWAITING_APPROVAL',
      approvals: 1,
    });
    expect((await staff(api, 'supervisor', 'POST', `/staff/claims/${ref}/decision`, { decision: 'approve' })).json).toEqual({
      status: 'APPROVED',
      approvals: 2,
    });
    const paid = await waitForStatus(api, ref, body.claimant.nik, 'PAID');
    expect(paid.payout).toMatchObject({ amount: 117_200_000, components: expected });
    expect(await transfersFor(ref)).toEqual([expect.objectContaining({ amount: 117_200_000 })]);
    const trail = (await staff(api, 'verifier', 'GET', `/staff/claims/${ref}`)).json.audit as { type: string; actor: { id?: string } }[];
    expect(trail.find((e) => e.type === 'ASSESSMENT_RECORDED')).toMatchObject({ actor: { kind: 'staff', id: 'verifier' } });
  });
});

describe('heirs who cannot file alone', () => {
  it("a guardian files for a child heir with proof of guardianship and is paid into the guardian's account", async () => {
    const member = await givenMember();
    const body = await completeClaim(api, member, (b) => {
      b.claimant = {
        ...b.claimant,
        name: 'Rahmat Hidayat',
        relationship: 'guardian',
        ward: { name: 'Dewi Lestari', birthDate: '2015-06-01' },
      };
      b.payout = { bankCode: '114', accountNumber: '0987654321', accountHolder: 'Rahmat Hidayat' };
    });
    expect(body.documents.map((d: { type: string }) => d.type)).toContain('GUARDIAN_PROOF');
    const { ref, claim } = await fileAndAwaitDecision(body);
    expect(claim.claimant.ward).toEqual({ name: 'Dewi Lestari', birthDate: '2015-06-01' });
    expect(claim.verification).toMatchObject({ flags: [], benefit: { total: 42_000_000 } });
    expect((await staff(api, 'approver', 'POST', `/staff/claims/${ref}/decision`, { decision: 'approve' })).status).toBe(200);
    await waitForStatus(api, ref, body.claimant.nik, 'PAID');
    expect(await transfersFor(ref)).toEqual([
      expect.objectContaining({ amount: 42_000_000, accountNumber: '0987654321', bankCode: '114' }),
    ]);
  });

  it('a funeral arranger of a worker with no heirs is paid the funeral costs only, after a verifier confirms there is no heir', async () => {
    const member = await givenMember();
    const body = await completeClaim(api, member, (b) => {
      b.claimant = { ...b.claimant, relationship: 'funeral_arranger' };
    });
    const { claim } = await fileAndAwaitDecision(body);
    expect(claim.verification).toMatchObject({
      flags: ['HEIR_ORDER_REVIEW'],
      benefit: { total: 10_000_000, components: [expect.objectContaining({ code: 'FUNERAL', amount: 10_000_000 })] },
    });
  });

  it('a guardian without the child is refused at intake by field (a child of 17 or more: the schema unit tests)', async () => {
    const member = await givenMember();
    const noWard = await api.postJson('/claims', await completeClaim(api, member, (b) => (b.claimant.relationship = 'guardian')));
    expect(noWard.status).toBe(400);
    expect(noWard.json.fields.map((f: { path: string }) => f.path)).toContain('claimant.ward.name');
  });
});

describe('claim windows', () => {
  it('a JKM death from 2020 claimed today is not expired: it reaches approval at the PP 82/2019 amounts', async () => {
    const member = await givenMember({ enrolledOn: '2018-03-01' }, {}, '2020-02');
    const body = await completeClaim(api, member, (b) => {
      b.incident = { type: 'death', date: '2020-02-14', cause: 'illness' };
    });
    const { claim } = await fileAndAwaitDecision(body);
    expect(claim.verification.benefit).toMatchObject({ ruleSet: 'PP 82/2019', total: 42_000_000 });
    expect(claim.status).toBe('AWAITING_APPROVAL');
  });
});

describe('documents and deadlines', () => {
  it('waits in NEEDS_DOCUMENTS, tells the family what is missing, and continues when the family sends them', async () => {
    const member = await givenMember();
    const body = validClaim((b) => {
      b.member = { nik: member.nik, name: member.name };
      b.claimant.email = `docs-${member.nik}@example.org`;
    });
    const created = await api.postJson('/claims', body);
    const ref = created.json.reference as string;
    const waiting = await waitForStatus(api, ref, body.claimant.nik, 'NEEDS_DOCUMENTS');
    expect(waiting.missingDocuments).toContain('DEATH_CERTIFICATE');
    const asked = (e: { subject: string; body: { text?: string } }) =>
      e.subject.includes('dokumen masih kurang') && !!e.body.text?.includes('Akta kematian');
    expect((await waitForEmails(body.claimant.email, (es) => es.some(asked))).some(asked)).toBe(true);

    const documents = [];
    for (const type of waiting.missingDocuments as string[]) documents.push({ type, uploadId: await uploadDocument(api, type, pdf(800)) });
    const wrongNik = await api.postJson(`/claims/${ref}/documents`, { nik: uniqueNik(), documents });
    expect(wrongNik.status).toBe(404);
    const added = await api.postJson(`/claims/${ref}/documents`, { nik: body.claimant.nik, documents });
    expect(added.status).toBe(200);
    expect(added.json.missingDocuments).toEqual([]);
    const ready = await waitForStatus(api, ref, body.claimant.nik, 'AWAITING_APPROVAL');
    expect(statuses(ready)).toEqual(['SUBMITTED', 'VERIFYING', 'NEEDS_DOCUMENTS', 'VERIFYING', 'AWAITING_APPROVAL']);
  });

  it('escalates to supervisors when the approval times out, and only a supervisor may then decide', async () => {
    const member = await givenMember();
    const body = await completeClaim(api, member);
    const { ref } = await fileAndAwaitDecision(body);
    const escalated = await waitForDecisionTask(api, ref, true, 20_000);
    expect(escalated.pendingTask.escalated).toBe(true);
    const escalation = (e: { subject: string }) => e.subject.includes('ESKALASI') && e.subject.includes(ref);
    expect((await waitForEmails('supervisor@santunan.local', (es) => es.some(escalation))).some(escalation)).toBe(true);
    expect((await staff(api, 'approver', 'POST', `/staff/claims/${ref}/decision`, { decision: 'approve' })).status).toBe(403);
    // A restarted execution for this claim would go straight back to the supervisors (verification routes it by the
    // stored, escalated task), not to the approvers.
    const { handler: verify } = await import('../../functions/verification/verify-claim');
    await expect(verify({ reference: ref, baseUrl: api.url }, lambdaContext('verifyClaim'))).resolves.toMatchObject({ next: 'ESCALATE' });
    expect((await staff(api, 'supervisor', 'POST', `/staff/claims/${ref}/decision`, { decision: 'approve' })).json.status).toBe('APPROVED');
    await waitForStatus(api, ref, body.claimant.nik, 'PAID');
    const history = await executionHistory(ref);
    expect(history.some((e) => e.stateEnteredEventDetails?.name === 'EscalateDecision')).toBe(true);
  });
});

describe('the bank', () => {
  it('retries a bank that fails twice (a 5xx, then a timeout after the money moved) and pays exactly once', async () => {
    const member = await givenMember();
    const body = await completeClaim(api, member);
    const { ref } = await fileAndAwaitDecision(body);
    await failBank('5xx', 1);
    await failBank('timeout', 1);
    await staff(api, 'approver', 'POST', `/staff/claims/${ref}/decision`, { decision: 'approve' });
    const paid = await waitForStatus(api, ref, body.claimant.nik, 'PAID', 20_000);
    expect(paid.payout.amount).toBe(42_000_000);
    expect(await transfersFor(ref)).toHaveLength(1);
    const retried = (await executionHistory(ref)).filter((e) => e.type === 'StateRetried');
    expect(retried.length).toBeGreaterThanOrEqual(2);
  });

  it('ends in PAYOUT_FAILED when the bank refuses the account, tells finance, and a finance retry pays once', async () => {
    const member = await givenMember();
    const body = await completeClaim(api, member);
    const { ref } = await fileAndAwaitDecision(body);
    await failBank('reject', 1);
    await staff(api, 'approver', 'POST', `/staff/claims/${ref}/decision`, { decision: 'approve' });
    const failed = await waitForStatus(api, ref, body.claimant.nik, 'PAYOUT_FAILED');
    expect(failed.payout).toBeUndefined();
    // A restarted execution resumes at AwaitPayoutRetry with the failure it needs as input.
    const { handler: verify } = await import('../../functions/verification/verify-claim');
    await expect(verify({ reference: ref, baseUrl: api.url }, lambdaContext('verifyClaim'))).resolves.toMatchObject({
      next: 'PAYOUT_FAILED',
      error: { Error: 'PayoutFailed' },
    });
    expect(await transfersFor(ref)).toHaveLength(0);
    expect(
      (await waitForEmails('finance@santunan.local', (es) => es.some((e) => e.subject.includes(ref)))).some((e) => e.subject.includes(ref)),
    ).toBe(true);
    // Wait until the workflow holds the retry token, then retry as finance (an approver may not).
    for (let i = 0; i < 100; i += 1) {
      const c = (await staff(api, 'finance', 'GET', `/staff/claims/${ref}`)).json;
      if (c.pendingTask?.kind === 'payout') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await staff(api, 'approver', 'POST', `/staff/claims/${ref}/payout-retry`)).status).toBe(403);
    const retry = await staff(api, 'finance', 'POST', `/staff/claims/${ref}/payout-retry`);
    expect(retry.json.status).toBe('APPROVED');
    const paid = await waitForStatus(api, ref, body.claimant.nik, 'PAID');
    expect(statuses(paid)).toEqual([
      'SUBMITTED',
      'VERIFYING',
      'AWAITING_APPROVAL',
      'APPROVED',
      'PAYING',
      'PAYOUT_FAILED',
      'APPROVED',
      'PAYING',
      'PAID',
    ]);
    expect(await transfersFor(ref)).toHaveLength(1);
  });
});

describe('links in notifications', () => {
  it('come from the configured public URL, never from a forged Host or X-Forwarded-* header', async () => {
    const member = await givenMember();
    const body = await completeClaim(api, member, (b) => (b.claimant.email = `forged-host-${member.nik}@example.org`));
    const { request } = await import('node:http');
    const target = new URL(`${api.url}/claims`);
    const payload = JSON.stringify(body);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: {
            host: 'evil.example.org',
            'x-forwarded-proto': 'https',
            'x-forwarded-host': 'evil.example.org',
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
    expect(status).toBe(201);
    const mails = await waitForEmails(body.claimant.email, (es) => es.some((e) => e.subject.includes('menunggu persetujuan')), 20_000);
    const all = mails.map((m) => m.body.text).join('\n');
    expect(all).not.toContain('evil.example.org');
    expect(all).toContain(`${process.env.PUBLIC_BASE_URL}/claims/`);
  });
});

describe('competing claims instead of a lock', () => {
  it("a stranger's claim with no documents blocks nobody: the heir files, a supervisor closes the stranger's, one is paid", async () => {
    const member = await givenMember();
    // Someone who only knows the member's NIK files first, with no documents, and the claim waits for them.
    const stranger = validClaim((b) => {
      b.member = { nik: member.nik, name: member.name };
      b.claimant.name = 'Orang Lain';
    });
    const squat = await api.postJson('/claims', stranger);
    expect(squat.status).toBe(201);
    const squatRef = squat.json.reference as string;
    await waitForStatus(api, squatRef, stranger.claimant.nik, 'NEEDS_DOCUMENTS');

    // The real heir is not locked out: the claim is accepted and both go to a supervisor.
    const heir = await completeClaim(api, member);
    const { ref, claim } = await fileAndAwaitDecision(heir);
    expect(claim.verification).toMatchObject({
      flags: ['COMPETING_CLAIM'],
      competingClaims: [squatRef],
      approval: { level: 'supervisor', secondApprovalRequired: true },
    });
    const other = (await staff(api, 'supervisor', 'GET', `/staff/claims/${squatRef}`)).json;
    expect(other.verification.flags).toContain('COMPETING_CLAIM');
    expect(other.audit.map((e: { type: string }) => e.type)).toContain('COMPETING_CLAIM_FILED');

    // An approver may not pick between heirs; a supervisor closes the stranger's claim with a coded reason.
    const byApprover = await staff(api, 'approver', 'POST', `/staff/claims/${ref}/decision`, { decision: 'approve' });
    expect(byApprover.status).toBe(403);
    const closeByApprover = await staff(api, 'approver', 'POST', `/staff/claims/${squatRef}/close`, { reasonCode: 'SUSPECTED_FRAUD' });
    expect(closeByApprover.status).toBe(403);
    const closed = await staff(api, 'supervisor', 'POST', `/staff/claims/${squatRef}/close`, {
      reasonCode: 'SUSPECTED_FRAUD',
      note: 'Bukan ahli waris; KK tidak mencantumkan namanya.',
    });
    expect(closed.status).toBe(200);
    expect(closed.json).toEqual({ status: 'REJECTED', reasonCode: 'SUSPECTED_FRAUD' });
    // Its execution was waiting for documents: it ends instead of waiting 14 days.
    const deadline = Date.now() + 15_000;
    while ((await describeExecution(squatRef)).status === 'RUNNING' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect((await describeExecution(squatRef)).status).toBe('SUCCEEDED');

    // Two supervisors approve the heir's claim, which is paid once.
    expect((await staff(api, 'supervisor', 'POST', `/staff/claims/${ref}/decision`, { decision: 'approve' })).json).toEqual({
      status: 'AWAITING_APPROVAL',
      approvals: 1,
    });
    expect((await staff(api, 'supervisor2', 'POST', `/staff/claims/${ref}/decision`, { decision: 'approve' })).json).toEqual({
      status: 'APPROVED',
      approvals: 2,
    });
    await waitForStatus(api, ref, heir.claimant.nik, 'PAID');
    expect(await transfersFor(ref)).toHaveLength(1);
    expect(await transfersFor(squatRef)).toHaveLength(0);

    // Paid: nobody may file again for this member and benefit.
    const late = await api.postJson(
      '/claims',
      validClaim((b) => {
        b.member = { nik: member.nik, name: member.name };
      }),
    );
    expect(late.status).toBe(409);
    expect(late.json.error).toBe('DUPLICATE_CLAIM');
  });

  it('of two competing claims approved by supervisors, only the first is paid; the second approval is a 409', async () => {
    const member = await givenMember();
    const first = await completeClaim(api, member);
    const a = await fileAndAwaitDecision(first);
    const b = await fileAndAwaitDecision(await completeClaim(api, member, (x) => (x.claimant.name = 'Saudara Lain')));
    await waitForDecisionTask(api, a.ref);
    for (const ref of [a.ref, b.ref])
      expect((await staff(api, 'supervisor', 'POST', `/staff/claims/${ref}/decision`, { decision: 'approve' })).status).toBe(200);
    expect((await staff(api, 'supervisor2', 'POST', `/staff/claims/${a.ref}/decision`, { decision: 'approve' })).json.status).toBe(
      'APPROVED',
    );
    const second = await staff(api, 'supervisor2', 'POST', `/staff/claims/${b.ref}/decision`, { decision: 'approve' });
    expect(second.status).toBe(409);
    expect(second.json.error).toBe('COMPETING_CLAIM_APPROVED');
    const rejected = await staff(api, 'supervisor', 'POST', `/staff/claims/${b.ref}/decision`, {
      decision: 'reject',
      reasonCode: 'COMPETING_CLAIM_PREFERRED',
    });
    expect(rejected.json.status).toBe('REJECTED');
    await waitForStatus(api, a.ref, first.claimant.nik, 'PAID');
    expect([(await transfersFor(a.ref)).length, (await transfersFor(b.ref)).length]).toEqual([1, 0]);
  });
});
