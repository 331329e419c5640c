import {
  claimOfDistricts,
  coordinatorHome,
  deleteDraft,
  draftOf,
  fileForFamily,
  MAX_DRAFTS,
  saveDraft,
} from '../../../shared/claims/application/intake/assisted-filing';
import { claimSubmissionSchema } from '../../../shared/claims/schemas/claim';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../shared/kernel/errors';
import { validate } from '../../../shared/kernel/validate';
import { type StaffUser, scopeFromGroups } from '../../../shared/staff/domain/roles';
import {
  InMemoryClaimStore,
  InMemoryDocuments,
  InMemoryDrafts,
  InMemoryMembers,
  InMemoryUploads,
  RecordingWorkflow,
} from '../../support/fakes/claims';
import { validClaim } from '../../support/fixtures';
import { aMember } from '../../support/members';

/** Assisted filing: a field coordinator files for a family in their districts, keeps drafts, follows the claims. */
const IN_DISTRICT = '3173014107850003'; // district 317301
const ELSEWHERE = '3204014107850004'; // district 320401

const setup = () => {
  const uploads = new InMemoryUploads();
  const claims = new InMemoryClaimStore(uploads);
  const members = new InMemoryMembers();
  members.add(aMember({ nik: IN_DISTRICT }));
  members.add(aMember({ nik: ELSEWHERE }));
  const drafts = new InMemoryDrafts();
  const workflow = new RecordingWorkflow();
  const deps = {
    claims,
    uploads,
    documents: new InMemoryDocuments(),
    members,
    drafts,
    workflow,
    now: () => new Date('2026-11-30T03:00:00Z'),
  };
  return { ...deps, deps };
};
const coordinator: StaffUser = { username: 'rina', roles: ['coordinator'], districts: ['317301'] };
const submission = (memberNik: string) =>
  validate(
    claimSubmissionSchema,
    validClaim((b) => {
      b.member.nik = memberNik;
    }),
  );

describe('scopes from the token groups', () => {
  it('reads roles and district groups, ignoring anything else', () => {
    expect(scopeFromGroups(['coordinator', 'district:317301', 'district:3173', 'district:320401', 'district:317301', 'root', 7])).toEqual({
      roles: ['coordinator'],
      districts: ['317301', '320401'],
      provinces: [],
    });
    expect(scopeFromGroups(['verifier'])).toEqual({ roles: ['verifier'], districts: [], provinces: [] });
  });
});

describe('fileForFamily', () => {
  it('files for a member of their district: the claim records who filed it and the district; the family stays the claimant', async () => {
    const t = setup();
    const filed = await fileForFamily(t.deps, coordinator, submission(IN_DISTRICT), { baseUrl: 'https://api.test' });
    if (filed.kind !== 'filed') throw new Error('not filed');
    const out = filed.outcome;
    const claim = (await t.claims.get(out.reference))!;
    expect(claim).toMatchObject({ filedBy: { username: 'rina', role: 'coordinator' }, district: '317301', status: 'SUBMITTED' });
    expect(claim.claimant.phone).toBeDefined();
    expect((await t.claims.auditTrail(out.reference))[0]).toMatchObject({ type: 'CLAIM_SUBMITTED', actor: { kind: 'staff', id: 'rina' } });
    expect(t.workflow.started.map((s) => s.reference)).toEqual([out.reference]);
  });

  it('refuses a member outside their districts, or not on the roster, on member.nik; other roles cannot file here', async () => {
    const t = setup();
    const error = await fileForFamily(t.deps, coordinator, submission(ELSEWHERE), { baseUrl: 'https://api.test' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual([{ path: 'member.nik', code: 'member.notInDistricts' }]);
    await expect(fileForFamily(t.deps, coordinator, submission('3173014107850099'), { baseUrl: 'x' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(
      fileForFamily(t.deps, { username: 'v', roles: ['verifier'] }, submission(IN_DISTRICT), { baseUrl: 'x' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(t.claims.claims.size).toBe(0);
  });

  it('asked first, a claim missing required documents is not filed: the coordinator confirms, as the family would', async () => {
    const t = setup();
    const id = await saveDraft(t.deps, coordinator, { member: { name: 'Siti Aminah' } });
    const asked = await fileForFamily(t.deps, coordinator, submission(IN_DISTRICT), { baseUrl: 'x', draftId: id, askFirst: true });
    expect(asked.kind).toBe('confirmMissing');
    expect(t.claims.claims.size).toBe(0);
    expect(await t.drafts.list('rina')).toHaveLength(1);
  });

  it('filing from a draft removes the draft', async () => {
    const t = setup();
    const id = await saveDraft(t.deps, coordinator, { member: { name: 'Siti Aminah' } });
    await fileForFamily(t.deps, coordinator, submission(IN_DISTRICT), { baseUrl: 'x', draftId: id });
    expect(await t.drafts.list('rina')).toEqual([]);
  });
});

describe('drafts', () => {
  it('saves, updates, reads and deletes only the coordinator’s own drafts', async () => {
    const t = setup();
    const id = await saveDraft(t.deps, coordinator, { member: { name: 'Siti' } });
    expect(await saveDraft(t.deps, coordinator, { member: { name: 'Siti Aminah' } }, id)).toBe(id);
    expect((await draftOf(t.deps, coordinator, id)).label).toBe('Siti Aminah');
    const other: StaffUser = { username: 'budi', roles: ['coordinator'], districts: ['317301'] };
    await expect(draftOf(t.deps, other, id)).rejects.toBeInstanceOf(NotFoundError);
    // Someone else's id saves a new draft of one's own, never over theirs.
    expect(await saveDraft(t.deps, other, { member: { name: 'X' } }, id)).not.toBe(id);
    await deleteDraft(t.deps, coordinator, id);
    await expect(draftOf(t.deps, coordinator, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(draftOf(t.deps, coordinator, '../../etc')).rejects.toBeInstanceOf(NotFoundError);
  });

  it(`keeps at most ${MAX_DRAFTS} drafts per coordinator`, async () => {
    const t = setup();
    for (let i = 0; i < MAX_DRAFTS; i += 1) await saveDraft(t.deps, coordinator, {});
    await expect(saveDraft(t.deps, coordinator, {})).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('the claims of their districts', () => {
  it('lists the claims of their districts and opens only those', async () => {
    const t = setup();
    const reference = async (user: StaffUser, nik: string) => {
      const filed = await fileForFamily(t.deps, user, submission(nik), { baseUrl: 'x' });
      return filed.kind === 'filed' ? filed.outcome : { reference: 'none' };
    };
    const mine = await reference(coordinator, IN_DISTRICT);
    const elsewhere = await reference({ username: 'dewi', roles: ['coordinator'], districts: ['320401'] }, ELSEWHERE);
    const home = await coordinatorHome(t.deps, coordinator);
    expect(home.claims.map((c) => c.reference)).toEqual([mine.reference]);
    expect((await claimOfDistricts(t.deps, coordinator, mine.reference)).reference).toBe(mine.reference);
    await expect(claimOfDistricts(t.deps, coordinator, elsewhere.reference)).rejects.toBeInstanceOf(NotFoundError);
    await expect(coordinatorHome(t.deps, { username: 'a', roles: ['approver'] })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
