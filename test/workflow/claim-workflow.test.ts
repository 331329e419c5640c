import { startApi, type Api } from '../support/api';
import { completeClaim, givenMember, staff, status, transfersFor, waitForDecisionTask, waitForStatus } from '../support/workflow';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.stop();
});

describe('the synthesized claim workflow on the twin', () => {
  it('pays a complete JKM claim Rp42,000,000 once, after approval', async () => {
    const member = await givenMember();
    const body = await completeClaim(api, member);
    const created = await api.postJson('/claims', body);
    expect(created.status).toBe(201);
    const ref = created.json.reference as string;

    await waitForStatus(api, ref, body.claimant.nik, 'AWAITING_APPROVAL');
    await waitForDecisionTask(api, ref);
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
    expect(paid.timeline.map((t: { status: string }) => t.status)).toEqual(['SUBMITTED', 'VERIFYING', 'AWAITING_APPROVAL', 'APPROVED', 'PAYING', 'PAID']);
    expect(await transfersFor(ref)).toHaveLength(1);
    void status;
  });
});
