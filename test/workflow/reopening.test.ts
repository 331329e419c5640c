import { type Api, startApi } from '../support/api';
import { uniqueNik } from '../support/fixtures';
import { pdf, uploadDocument } from '../support/uploads';
import { completeClaim, givenMember, staff, waitForDecisionTask, waitForEmails, waitForStatus } from '../support/workflow';

/**
 * The way back from a rejection, end to end on the twin: the synthesized state machine rejects, the family corrects
 * or appeals through the HTTP API, and a new execution of the same state machine verifies the same reference again.
 */
let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.stop();
});

const statuses = (s: { timeline: { status: string }[] }) => s.timeline.map((t) => t.status);
const post = (path: string, body: unknown) => api.postJson(path, body);

describe('correction of a typo', () => {
  it('a member NIK one digit off is rejected as MEMBER_NOT_FOUND, corrected, and verified on the same reference', async () => {
    const member = await givenMember();
    const typo = `${member.nik.slice(0, 15)}${(Number(member.nik[15]) + 1) % 10}`;
    const body = await completeClaim(api, member, (b) => {
      b.member.nik = typo;
      b.claimant.email = `typo-${member.nik}@example.org`;
    });
    const created = await post('/claims', body);
    expect(created.status).toBe(201);
    const ref = created.json.reference as string;
    const rejected = await waitForStatus(api, ref, body.claimant.nik, 'REJECTED');
    expect(rejected.decision.reasonCode).toBe('MEMBER_NOT_FOUND');

    // A stranger with the reference but another NIK learns nothing and changes nothing.
    const stranger = await post(`/claims/${ref}/correction`, { nik: uniqueNik(), member: { nik: member.nik, name: member.name } });
    expect(stranger.status).toBe(404);

    const corrected = await post(`/claims/${ref}/correction`, { nik: body.claimant.nik, member: { nik: member.nik, name: member.name } });
    expect(corrected.status).toBe(200);
    expect(corrected.json).toEqual({ reference: ref, status: 'SUBMITTED', statusUrl: `/claims/${ref}` });

    const verified = await waitForStatus(api, ref, body.claimant.nik, 'AWAITING_APPROVAL');
    expect(statuses(verified)).toEqual(['SUBMITTED', 'VERIFYING', 'REJECTED', 'SUBMITTED', 'VERIFYING', 'AWAITING_APPROVAL']);
    expect(verified.decision).toBeUndefined();
    // A second correction is refused now: the claim is no longer rejected.
    const again = await post(`/claims/${ref}/correction`, { nik: body.claimant.nik, member: { nik: typo, name: member.name } });
    expect(again.status).toBe(409);
    expect(again.json.error).toBe('NOT_REJECTED');

    const claim = await waitForDecisionTask(api, ref);
    expect(claim.member.nik).toBe(member.nik);
    expect(claim.audit.map((a: { type: string }) => a.type)).toEqual(
      expect.arrayContaining(['CLAIM_REJECTED', 'CLAIM_CORRECTED', 'CLAIM_VERIFIED']),
    );
  });
});

describe('appeals', () => {
  /** A claim an approver rejects with DOCUMENTS_INVALID: the family then appeals. */
  const rejectedByApprover = async () => {
    const member = await givenMember();
    const body = await completeClaim(api, member, (b) => (b.claimant.email = `appeal-${member.nik}@example.org`));
    const created = await post('/claims', body);
    const ref = created.json.reference as string;
    await waitForStatus(api, ref, body.claimant.nik, 'AWAITING_APPROVAL');
    await waitForDecisionTask(api, ref);
    const rejected = await staff(api, 'approver', 'POST', `/staff/claims/${ref}/decision`, {
      decision: 'reject',
      reasonCode: 'DOCUMENTS_INVALID',
    });
    expect(rejected.status).toBe(200);
    await waitForStatus(api, ref, body.claimant.nik, 'REJECTED');
    return { ref, body };
  };

  it('upheld: the supervisors are emailed, verification runs again, and the claim waits for a supervisor with APPEAL_UPHELD', async () => {
    const { ref, body } = await rejectedByApprover();
    const letter = await uploadDocument(api, 'OTHER', pdf(2048));
    const appealed = await post(`/claims/${ref}/appeal`, {
      nik: body.claimant.nik,
      statement: 'Akta kematian kami asli; salinan legalisir terlampir.',
      documents: [{ type: 'OTHER', uploadId: letter }],
    });
    expect(appealed.status).toBe(201);
    expect(appealed.json.status).toBe('APPEALED');
    expect((await waitForStatus(api, ref, body.claimant.nik, 'APPEALED')).status).toBe('APPEALED');
    await waitForEmails(body.claimant.email, (emails) => emails.some((e) => e.subject.includes('banding sudah kami terima')));

    // An approver may not decide an appeal; a supervisor may.
    expect((await staff(api, 'approver', 'POST', `/staff/claims/${ref}/appeal-decision`, { decision: 'uphold' })).status).toBe(403);
    const upheld = await staff(api, 'supervisor', 'POST', `/staff/claims/${ref}/appeal-decision`, {
      decision: 'uphold',
      note: 'Dokumen sah.',
    });
    expect(upheld.status).toBe(200);

    const verified = await waitForStatus(api, ref, body.claimant.nik, 'AWAITING_APPROVAL');
    expect(statuses(verified).slice(-4)).toEqual(['APPEALED', 'SUBMITTED', 'VERIFYING', 'AWAITING_APPROVAL']);
    const claim = await waitForDecisionTask(api, ref);
    expect(claim.verification.flags).toContain('APPEAL_UPHELD');
    expect(claim.verification.approval.level).toBe('supervisor');
    expect(claim.documents.map((d: { type: string }) => d.type)).toContain('OTHER');
    expect(claim.audit.map((a: { type: string }) => a.type)).toEqual(expect.arrayContaining(['APPEAL_FILED', 'APPEAL_UPHELD']));
  });

  it('refused: the rejection stands and the family is told; a second appeal is refused', async () => {
    const { ref, body } = await rejectedByApprover();
    expect(
      (await post(`/claims/${ref}/appeal`, { nik: body.claimant.nik, statement: 'Kami tidak setuju dengan keputusan ini.' })).status,
    ).toBe(201);
    const refused = await staff(api, 'supervisor', 'POST', `/staff/claims/${ref}/appeal-decision`, {
      decision: 'refuse',
      note: 'Tidak ada bukti baru.',
    });
    expect(refused.status).toBe(200);
    expect(refused.json).toMatchObject({ status: 'REJECTED', outcome: 'refused' });
    await waitForEmails(body.claimant.email, (emails) => emails.some((e) => e.body.text?.includes('Tidak ada bukti baru.') ?? false));
    const second = await post(`/claims/${ref}/appeal`, { nik: body.claimant.nik, statement: 'Mohon ditinjau sekali lagi.' });
    expect(second.status).toBe(409);
    expect(second.json.error).toBe('ALREADY_APPEALED');
  });
});
