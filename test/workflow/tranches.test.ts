import { type Api, startApi } from '../support/api';
import { pdf, uploadDocument } from '../support/uploads';
import {
  completeClaim,
  describeExecution,
  executionHistory,
  failBank,
  fileAndAwaitDecision,
  givenMember,
  staff,
  transfersFor,
  waitForEmails,
  waitForStatus,
  waitForTrancheDecisionTask,
} from '../support/workflow';

/**
 * Further payments (tranches) end to end on the twin: each in its own execution of the same state machine
 * (`<reference>-T2`), approved on its own and paid once with its own bank key (`<reference>/T2`).
 */
let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.stop();
});

const trancheOf = (s: { tranches?: { id: string; status: string }[] }, id: string) => s.tranches?.find((t) => t.id === id);
const states = async (execution: string) =>
  (await executionHistory(execution)).filter((e) => e.type === 'StateEntered').map((e) => e.stateEnteredEventDetails!.name);

/** Files a claim, waits for its decision task and returns its reference. */
const file = async (body: Record<string, any>) => (await fileAndAwaitDecision(api, body)).ref;

/** Asks for a tranche as the verifier, approves it as the approver once its execution waits, and returns its id. */
const requestAndApprove = async (ref: string, request: Record<string, unknown>) => {
  const requested = await staff(api, 'verifier', 'POST', `/staff/claims/${ref}/payments`, request);
  expect(requested.status).toBe(201);
  const id = requested.json.tranche.id as string;
  await waitForTrancheDecisionTask(api, ref, id);
  // Whoever asked for it cannot approve it.
  const self = await staff(api, 'verifier', 'POST', `/staff/claims/${ref}/decision`, { decision: 'approve', tranche: id });
  expect(self.status).toBe(403);
  const approved = await staff(api, 'approver', 'POST', `/staff/claims/${ref}/decision`, { decision: 'approve', tranche: id });
  expect(approved.json).toEqual({ tranche: id, status: 'APPROVED', approvals: 1 });
  return { id, requested: requested.json };
};

describe('tranches', () => {
  it('an injury paid, then two STMB tranches each approved and paid exactly once, with a bank timeout between', async () => {
    const member = await givenMember({ monthlyWage: 1_000_000 }, {}, '2026-03');
    const body = await completeClaim(api, member, (b) => {
      b.benefit = 'JKK';
      b.incident = { type: 'injury', date: '2026-03-02', cause: 'work_accident' };
      b.claimant = { ...b.claimant, nik: member.nik, name: member.name, relationship: 'self', email: `injured-${member.nik}@example.org` };
      b.payout.accountHolder = member.name;
    });
    const ref = await file(body);
    // The first payment (T1): 12 months of STMB, assessed by the verifier, approved by the approver.
    expect(
      (await staff(api, 'verifier', 'POST', `/staff/claims/${ref}/payments`, { kind: 'STMB', assessment: { stmb: { months: 2 } } })).json,
    ).toMatchObject({
      error: 'FIRST_PAYMENT_NOT_APPROVED',
    });
    expect((await staff(api, 'verifier', 'POST', `/staff/claims/${ref}/assessment`, { stmb: { months: 12 } })).status).toBe(200);
    expect((await staff(api, 'approver', 'POST', `/staff/claims/${ref}/decision`, { decision: 'approve' })).json.status).toBe('APPROVED');
    await waitForStatus(api, ref, body.claimant.nik, 'PAID');

    // T2: months 13-14 at 50%.
    const t2 = await requestAndApprove(ref, { kind: 'STMB', assessment: { stmb: { months: 2 } } });
    expect(t2.requested).toMatchObject({
      reference: ref,
      tranche: { id: 'T2', kind: 'STMB', status: 'AWAITING_APPROVAL', amount: 1_000_000 },
    });
    await waitForStatus(api, ref, body.claimant.nik, (s) => trancheOf(s, 'T2')?.status === 'PAID');

    // T3: months 15-17 at 50%; the bank times out once after the money moved, and the retry gets the same transfer.
    await failBank('timeout', 1);
    const t3 = await requestAndApprove(ref, { kind: 'STMB', assessment: { stmb: { months: 3 } } });
    expect(t3.requested.tranche).toMatchObject({ id: 'T3', amount: 1_500_000, stmb: { fromMonth: 15, months: 3, days: 0 } });
    const paid = await waitForStatus(api, ref, body.claimant.nik, (s) => trancheOf(s, 'T3')?.status === 'PAID', 30_000);

    // One transfer per payment, each with its own key and amount.
    expect(await transfersFor(ref)).toEqual([expect.objectContaining({ amount: 12_000_000 })]);
    expect(await transfersFor(`${ref}/T2`)).toEqual([expect.objectContaining({ amount: 1_000_000 })]);
    expect(await transfersFor(`${ref}/T3`)).toEqual([expect.objectContaining({ amount: 1_500_000 })]);

    // The claim stays PAID with its first payment; each tranche has its own timeline entries naming it.
    expect(paid).toMatchObject({ status: 'PAID', payout: { amount: 12_000_000 } });
    expect(paid.tranches).toEqual([
      expect.objectContaining({ id: 'T2', kind: 'STMB', status: 'PAID', amount: 1_000_000 }),
      expect.objectContaining({ id: 'T3', kind: 'STMB', status: 'PAID', amount: 1_500_000 }),
    ]);
    for (const id of ['T2', 'T3']) {
      const entries = paid.timeline.filter((e: { tranche?: string }) => e.tranche === id);
      expect(entries.map((e: { status: string }) => e.status)).toEqual(['AWAITING_APPROVAL', 'APPROVED', 'PAYING', 'PAID']);
      expect(entries.every((e: { note?: string }) => e.note?.includes(id))).toBe(true);
    }

    // Each tranche ran the same definition in its own execution: the happy path's six states.
    for (const execution of [`${ref}-T2`, `${ref}-T3`]) {
      expect(await describeExecution(execution)).toMatchObject({ status: 'SUCCEEDED' });
      expect(await states(execution)).toEqual(['Verify', 'RouteClaim', 'AwaitDecision', 'RouteDecision', 'Pay', 'Done']);
    }
    expect((await executionHistory(`${ref}-T3`)).some((e) => e.type === 'StateRetried')).toBe(true);
    const mail = await waitForEmails(body.claimant.email, (es) => es.some((e) => e.subject.includes('T3 sudah ditransfer')));
    expect(mail.some((e) => e.subject.includes('T2 sudah ditransfer'))).toBe(true);
  });

  it('a scholarship year is paid only after the proof of schooling for that year', async () => {
    const member = await givenMember({ enrolledOn: '2019-01-01' });
    const body = await completeClaim(api, member, (b) => {
      b.children = [
        { name: 'Rina Aminah', birthDate: '2018-08-17', schoolLevel: 'SD' },
        { name: 'Budi Aminah', birthDate: '2013-02-01', schoolLevel: 'SMP' },
      ];
    });
    const ref = await file(body);
    expect((await staff(api, 'approver', 'POST', `/staff/claims/${ref}/decision`, { decision: 'approve' })).json.status).toBe('APPROVED');
    await waitForStatus(api, ref, body.claimant.nik, 'PAID');

    const request = { kind: 'SCHOLARSHIP', schoolYear: '2026/2027' };
    const early = await staff(api, 'verifier', 'POST', `/staff/claims/${ref}/payments`, request);
    expect(early.status).toBe(409);
    expect(early.json.error).toBe('PROOF_OF_SCHOOLING_REQUIRED');

    // The family sends the proof from the status page's route; a paid claim takes nothing else any more.
    const other = await uploadDocument(api, 'OTHER', pdf(600));
    const refused = await api.postJson(`/claims/${ref}/documents`, {
      nik: body.claimant.nik,
      documents: [{ type: 'OTHER', uploadId: other }],
    });
    expect(refused.status).toBe(409);
    const proof = await uploadDocument(api, 'SCHOOL_CERTIFICATE', pdf(900));
    const sent = await api.postJson(`/claims/${ref}/documents`, {
      nik: body.claimant.nik,
      documents: [{ type: 'SCHOOL_CERTIFICATE', uploadId: proof, schoolYear: '2026/2027' }],
    });
    expect(sent.status).toBe(200);

    const { id, requested } = await requestAndApprove(ref, request);
    expect(requested.tranche).toMatchObject({ id: 'T2', kind: 'SCHOLARSHIP', schoolYear: '2026/2027', amount: 3_500_000 });
    const paid = await waitForStatus(api, ref, body.claimant.nik, (s) => trancheOf(s, id)?.status === 'PAID', 20_000);
    expect(trancheOf(paid, id)).toMatchObject({ kind: 'SCHOLARSHIP', schoolYear: '2026/2027', amount: 3_500_000 });
    expect(await transfersFor(`${ref}/T2`)).toEqual([expect.objectContaining({ amount: 3_500_000 })]);
    expect(await transfersFor(ref)).toEqual([expect.objectContaining({ amount: 42_000_000 })]);
    // The same school year again is refused.
    expect((await staff(api, 'verifier', 'POST', `/staff/claims/${ref}/payments`, request)).json.error).toBe(
      'SCHOOL_YEAR_ALREADY_REQUESTED',
    );
  });
});
