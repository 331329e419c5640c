import { newReference } from '../../shared/claims/domain/reference';
import { type Api, startApi } from '../support/api';
import { completeClaim, fileAndAwaitDecision, givenMember, staff, tokenFor } from '../support/workflow';

/**
 * A claim's audit trail exported as CSV (issue 9, Deliver 6): a claim filed, asked for a decision and rejected with a
 * note on the twin, then read back by a staff member as a spreadsheet; strangers and non-staff get nothing.
 */
let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.stop();
});

describe('the audit trail as CSV', () => {
  it('lists who did what, when and why, oldest first, including the decision note', async () => {
    const member = await givenMember();
    const body = await completeClaim(api, member);
    const { ref } = await fileAndAwaitDecision(api, body);
    const rejected = await staff(api, 'approver', 'POST', `/staff/claims/${ref}/decision`, {
      decision: 'reject',
      reasonCode: 'DOCUMENTS_INVALID',
      note: 'Akta tidak terbaca',
    });
    expect(rejected.status).toBe(200);

    const res = await api.call('GET', `/staff/claims/${ref}/audit`, { headers: { authorization: `Bearer ${await tokenFor('finance')}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="audit-${ref}.csv"`);
    const lines = res.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('reference,at,type,actor,actorId,role,reasonCode,note,details');
    const types = lines.slice(1).map((l) => l.split(',')[2]);
    expect(types[0]).toBe('CLAIM_SUBMITTED');
    expect(types).toEqual(expect.arrayContaining(['APPROVAL_REQUESTED', 'CLAIM_REJECTED']));
    expect(lines.find((l) => l.includes('CLAIM_REJECTED'))).toMatch(
      new RegExp(`^${ref},2\\d{3}-[^,]+\\+07:00,CLAIM_REJECTED,staff,approver,approver,DOCUMENTS_INVALID,Akta tidak terbaca,`),
    );
    // Oldest first, and no NIK in clear anywhere in the trail.
    const times = lines.slice(1).map((l) => l.split(',')[1]!);
    expect([...times].sort()).toEqual(times);
    expect(res.text).not.toContain(member.nik);
    expect(res.text).not.toContain(body.claimant.nik);
  });

  it('is for staff only: 401 without a token, 403 for a field coordinator, 404 for an unknown claim', async () => {
    const ref = newReference(2026);
    expect((await api.call('GET', `/staff/claims/${ref}/audit`, { headers: { accept: 'application/json' } })).status).toBe(401);
    expect((await staff(api, 'coordinator', 'GET', `/staff/claims/${ref}/audit`)).status).toBe(403);
    expect((await staff(api, 'verifier', 'GET', `/staff/claims/${ref}/audit`)).status).toBe(404);
  });
});
