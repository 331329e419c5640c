import { submitClaim, submitUnlessDocumentsMissing } from '../../../shared/claims/application/intake/submit-claim';
import { requiredDocuments } from '../../../shared/claims/domain/rules/documents';
import { claimSubmissionSchema } from '../../../shared/claims/schemas/claim';
import { ValidationError } from '../../../shared/kernel/errors';
import { validate } from '../../../shared/kernel/validate';
import { InMemoryClaimStore, InMemoryDocuments, InMemoryUploads, RecordingWorkflow, uploader } from '../../support/fakes/claims';
import { type Body, validClaim } from '../../support/fixtures';

/** The claim form's submission: filed when nothing required is missing, otherwise a question and nothing stored. */
const setup = () => {
  const uploads = new InMemoryUploads();
  const claims = new InMemoryClaimStore(uploads);
  const documents = new InMemoryDocuments();
  const workflow = new RecordingWorkflow();
  const upload = uploader(uploads, documents);
  const deps = { claims, uploads, documents, workflow, now: () => new Date('2026-11-30T03:00:00Z') };
  return { claims, workflow, upload, deps };
};
const options = { channel: 'form' as const, baseUrl: 'https://api.test' };
const submission = (body: Body) => validate(claimSubmissionSchema, body);
const JKM_SPOUSE = { benefit: 'JKM', incidentType: 'death', relationship: 'spouse', cause: 'illness' } as const;

describe('submitUnlessDocumentsMissing', () => {
  it('answers with the required documents still missing, and stores nothing and starts nothing', async () => {
    // Arrange
    const t = setup();
    const sent = ['MEMBER_ID_CARD', 'DEATH_CERTIFICATE'];
    const documents = await Promise.all(sent.map(async (type) => ({ type, uploadId: await t.upload(type) })));

    // Act
    const answer = await submitUnlessDocumentsMissing(t.deps, submission(validClaim((b) => (b.documents = documents))), options);

    // Assert
    expect(answer).toEqual({ kind: 'confirmMissing', missingDocuments: requiredDocuments(JKM_SPOUSE).filter((d) => !sent.includes(d)) });
    expect(t.claims.claims.size).toBe(0);
    expect(t.workflow.started).toEqual([]);
  });

  it('files the claim when every required document is there', async () => {
    const t = setup();
    const documents = await Promise.all(requiredDocuments(JKM_SPOUSE).map(async (type) => ({ type, uploadId: await t.upload(type) })));
    const answer = await submitUnlessDocumentsMissing(t.deps, submission(validClaim((b) => (b.documents = documents))), options);
    expect(answer).toMatchObject({ kind: 'filed', outcome: { status: 'SUBMITTED', missingDocuments: [], replayed: false } });
    expect(t.claims.claims.size).toBe(1);
    expect(t.workflow.started).toHaveLength(1);
  });

  it('does not ask about a form whose file another claim holds: the claim write refuses it, beside its row', async () => {
    const t = setup();
    const theirs = await t.upload('DEATH_CERTIFICATE');
    const first = await submitUnlessDocumentsMissing(t.deps, submission(validClaim()), options);
    expect(first.kind).toBe('confirmMissing');
    const everything = await Promise.all(requiredDocuments(JKM_SPOUSE).map(async (type) => ({ type, uploadId: await t.upload(type) })));
    const withTheirs = everything.map((d) => (d.type === 'DEATH_CERTIFICATE' ? { ...d, uploadId: theirs } : d));
    await submitUnlessDocumentsMissing(t.deps, submission(validClaim((b) => (b.documents = withTheirs))), options);
    const mine = validClaim((b) => (b.documents = [{ type: 'DEATH_CERTIFICATE', uploadId: theirs }]));
    const error = await submitUnlessDocumentsMissing(t.deps, submission(mine), options).catch((e: unknown) => e);
    expect((error as ValidationError).fields).toEqual([{ path: 'documents[0].uploadId', code: 'uploadId.alreadyUsed' }]);
  });

  it('replays a confirmed form sent again without its confirmation, rather than asking again', async () => {
    const t = setup();
    const documents = [{ type: 'DEATH_CERTIFICATE', uploadId: await t.upload('DEATH_CERTIFICATE') }];
    const body = submission(validClaim((b) => (b.documents = documents)));
    const idempotency = { key: 'form:k', requestHash: 'h' };
    const filed = await submitClaim(t.deps, body, { ...options, idempotency });
    const again = await submitUnlessDocumentsMissing(t.deps, body, { ...options, idempotency });
    expect(again).toEqual({ kind: 'filed', outcome: { ...filed, replayed: true } });
    expect(t.claims.claims.size).toBe(1);
  });

  it('names an upload that never arrived before asking anything', async () => {
    const t = setup();
    const body = validClaim((b) => (b.documents = [{ type: 'FAMILY_CARD', uploadId: 'up_neverfinishedneverfini' }]));
    const error = await submitUnlessDocumentsMissing(t.deps, submission(body), options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual([{ path: 'documents[0].uploadId', code: 'uploadId.notFound' }]);
    expect(t.claims.claims.size).toBe(0);
  });
});
