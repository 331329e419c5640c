import { addDocuments } from '../../../shared/claims/application/intake/add-documents';
import { findClaimOfClaimant } from '../../../shared/claims/application/intake/find-claim';
import { submitClaim } from '../../../shared/claims/application/intake/submit-claim';
import { statusLinks } from '../../../shared/claims/application/status-links';
import { requiredDocuments } from '../../../shared/claims/domain/rules/documents';
import { claimSubmissionSchema } from '../../../shared/claims/schemas/claim';
import {
  ConflictError,
  IdempotencyKeyReusedError,
  NotFoundError,
  TooManyAttemptsError,
  ValidationError,
} from '../../../shared/kernel/errors';
import { validate } from '../../../shared/kernel/validate';
import {
  InMemoryClaimStore,
  InMemoryDocuments,
  InMemoryLookupAttempts,
  InMemoryUploads,
  RecordingWorkflow,
} from '../../support/fakes/claims';
import { type Body, validClaim } from '../../support/fixtures';
import { pdf } from '../../support/uploads';

/** Intake use cases against in-memory ports: no DynamoDB, no S3, no Step Functions. */
const setup = () => {
  const uploads = new InMemoryUploads();
  const claims = new InMemoryClaimStore(uploads);
  const documents = new InMemoryDocuments();
  const workflow = new RecordingWorkflow();
  const attempts = new InMemoryLookupAttempts();
  const now = () => new Date('2026-11-30T03:00:00Z');
  /** Reserves an upload as POST /uploads does and stores the bytes (by default what was declared: a PDF of `size`). */
  let uploaded = 0;
  const upload = async (
    type: string,
    size = 2048,
    stored: { bytes?: Uint8Array; contentType?: string | undefined } = { contentType: 'application/pdf' },
  ) => {
    uploaded += 1;
    const uploadId = `up_${`${type.toLowerCase()}${uploaded}`.padEnd(22, 'x').slice(0, 22)}`;
    await uploads.put({
      uploadId,
      type: type as never,
      contentType: 'application/pdf',
      declaredSize: size,
      key: `uploads/${uploadId}`,
      createdAt: '2026-11-30T10:00:00+07:00',
      expiresAt: 1_900_000_000,
    });
    documents.store(`uploads/${uploadId}`, stored.bytes ?? pdf(size), 'contentType' in stored ? stored.contentType : 'application/pdf');
    return uploadId;
  };
  return { claims, uploads, documents, workflow, attempts, now, upload, deps: { claims, uploads, documents, workflow, attempts, now } };
};
const submission = (body: Body = validClaim()) => validate(claimSubmissionSchema, body);
const options = { channel: 'api' as const, baseUrl: 'https://api.test' };

describe('submitClaim', () => {
  it('stores a SUBMITTED claim with its missing documents and starts its workflow once', async () => {
    const t = setup();
    const outcome = await submitClaim(t.deps, submission(), options);
    expect(outcome).toMatchObject({ status: 'SUBMITTED', replayed: false });
    expect(outcome.missingDocuments.length).toBeGreaterThan(0);
    const stored = await t.claims.get(outcome.reference);
    expect(stored).toMatchObject({ status: 'SUBMITTED', timeline: [{ status: 'SUBMITTED', at: '2026-11-30T10:00:00.000+07:00' }] });
    expect(t.workflow.started).toEqual([{ reference: outcome.reference, baseUrl: 'https://api.test' }]);
    expect((await t.claims.auditTrail(outcome.reference)).map((a) => a.type)).toEqual(['CLAIM_SUBMITTED']);
  });

  it('replays the same key and request as the first outcome, from the stored reference, without a second claim', async () => {
    const t = setup();
    const body = submission();
    const idempotency = { key: 'k-1', requestHash: 'h-1' };
    const first = await submitClaim(t.deps, body, { ...options, idempotency });
    const again = await submitClaim(t.deps, body, { ...options, idempotency });
    expect(again).toEqual({ ...first, replayed: true });
    expect(t.claims.claims.size).toBe(1);
    expect(t.claims.idempotency.get('claims#k-1')).toEqual({ requestHash: 'h-1', reference: first.reference });
  });

  it('refuses a key reused with another request, and a second open claim for the same member and benefit', async () => {
    const t = setup();
    const body = submission();
    await submitClaim(t.deps, body, { ...options, idempotency: { key: 'k-2', requestHash: 'h-a' } });
    await expect(submitClaim(t.deps, body, { ...options, idempotency: { key: 'k-2', requestHash: 'h-b' } })).rejects.toBeInstanceOf(
      IdempotencyKeyReusedError,
    );
    const duplicate = submitClaim(t.deps, body, options);
    await expect(duplicate).rejects.toBeInstanceOf(ConflictError);
    await expect(duplicate).rejects.toMatchObject({ code: 'DUPLICATE_CLAIM' });
  });

  it('names the document whose upload is missing, too large or of another type, and writes nothing', async () => {
    const t = setup();
    const ok = await t.upload('DEATH_CERTIFICATE');
    const big = await t.upload('FAMILY_CARD', 6 * 1024 * 1024);
    const body = validClaim((b) => {
      b.documents = [
        { type: 'DEATH_CERTIFICATE', uploadId: ok },
        { type: 'FAMILY_CARD', uploadId: big },
        { type: 'BANK_BOOK', uploadId: 'up_AAAAAAAAAAAAAAAAAAAAAA' },
      ];
    });
    const error = await submitClaim(t.deps, submission(body), options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual([
      { path: 'documents[1].uploadId', code: 'uploadId.tooLarge' },
      { path: 'documents[2].uploadId', code: 'uploadId.notFound' },
    ]);
    expect(t.claims.claims.size).toBe(0);
  });

  it('refuses a stored file whose size, content type or first bytes are not what was declared, and writes nothing', async () => {
    const t = setup();
    const html = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');
    const larger = await t.upload('DEATH_CERTIFICATE', 2048, { bytes: pdf(4096), contentType: 'application/pdf' });
    const htmlAsPdf = await t.upload('FAMILY_CARD', html.length, { bytes: html, contentType: 'application/pdf' });
    const untyped = await t.upload('BANK_BOOK', 2048, { bytes: pdf(2048), contentType: undefined });
    const otherType = await t.upload('MEMBER_ID_CARD', 2048, { bytes: pdf(2048), contentType: 'text/html' });
    const fine = await t.upload('CLAIMANT_ID_CARD');
    const body = validClaim((b) => {
      b.documents = [
        { type: 'DEATH_CERTIFICATE', uploadId: larger },
        { type: 'FAMILY_CARD', uploadId: htmlAsPdf },
        { type: 'BANK_BOOK', uploadId: untyped },
        { type: 'MEMBER_ID_CARD', uploadId: otherType },
        { type: 'CLAIMANT_ID_CARD', uploadId: fine },
      ];
    });
    const error = await submitClaim(t.deps, submission(body), options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual([
      { path: 'documents[0].uploadId', code: 'uploadId.sizeMismatch' },
      { path: 'documents[1].uploadId', code: 'uploadId.contentMismatch' },
      { path: 'documents[2].uploadId', code: 'uploadId.typeMismatch' },
      { path: 'documents[3].uploadId', code: 'uploadId.typeMismatch' },
    ]);
    expect(t.claims.claims.size).toBe(0);
  });

  it('refuses an upload sent under another document type than the one declared for it, naming the type', async () => {
    const t = setup();
    const death = await t.upload('DEATH_CERTIFICATE');
    const body = validClaim((b) => {
      b.documents = [{ type: 'BANK_BOOK', uploadId: death }];
    });
    const error = await submitClaim(t.deps, submission(body), options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual([{ path: 'documents[0].type', code: 'document.typeMismatch' }]);
    expect(t.claims.claims.size).toBe(0);
  });

  it('binds each upload to the claim that first uses it, for good; another claim naming it is refused on its uploadId', async () => {
    const t = setup();
    const death = await t.upload('DEATH_CERTIFICATE');
    const bank = await t.upload('BANK_BOOK');
    const first = await submitClaim(
      t.deps,
      submission(validClaim((b) => (b.documents = [{ type: 'DEATH_CERTIFICATE', uploadId: death }]))),
      options,
    );
    expect(t.uploads.records.get(death)).toMatchObject({ claimReference: first.reference });
    expect(t.uploads.records.get(death)).not.toHaveProperty('expiresAt');

    const other = validClaim((b) => {
      b.documents = [
        { type: 'BANK_BOOK', uploadId: bank },
        { type: 'DEATH_CERTIFICATE', uploadId: death },
      ];
    });
    const error = await submitClaim(t.deps, submission(other), options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual([{ path: 'documents[1].uploadId', code: 'uploadId.alreadyUsed' }]);
    expect(t.claims.claims.size).toBe(1);
    expect(t.uploads.records.get(bank)).not.toHaveProperty('claimReference');
  });

  it('replays a submission with its documents after they were bound to the claim it created', async () => {
    const t = setup();
    const uploadId = await t.upload('DEATH_CERTIFICATE');
    const body = submission(validClaim((b) => (b.documents = [{ type: 'DEATH_CERTIFICATE', uploadId }])));
    const idempotency = { key: 'k-docs', requestHash: 'h-docs' };
    const first = await submitClaim(t.deps, body, { ...options, idempotency });
    await expect(submitClaim(t.deps, body, { ...options, idempotency })).resolves.toEqual({ ...first, replayed: true });
  });

  it('keeps the claim when the workflow cannot be started (a replay starts it later)', async () => {
    const t = setup();
    t.workflow.failStart = true;
    const outcome = await submitClaim(t.deps, submission(), options);
    expect(await t.claims.get(outcome.reference)).toMatchObject({ status: 'SUBMITTED' });
  });
});

describe('addDocuments', () => {
  it('adds the missing documents and resumes the workflow waiting for them', async () => {
    const t = setup();
    const body = submission();
    const { reference } = await submitClaim(t.deps, body, options);
    await t.claims.transition(reference, {
      from: ['SUBMITTED'],
      to: 'NEEDS_DOCUMENTS',
      at: 'x',
      set: { pendingTask: { kind: 'documents', token: 'tok-1', since: 'x' } },
      audit: { type: 'T', at: 'x', actor: { kind: 'system' } },
    });
    const types = requiredDocuments({
      benefit: body.benefit,
      incidentType: body.incident.type,
      relationship: body.claimant.relationship,
      cause: body.incident.cause,
    });
    const docs = [];
    for (const type of types) docs.push({ type, uploadId: await t.upload(type) });
    const result = await addDocuments(t.deps, { reference, nik: body.claimant.nik, sourceIp: '198.51.100.7', documents: docs });
    expect(result).toEqual({ reference, status: 'NEEDS_DOCUMENTS', missingDocuments: [] });
    expect(t.workflow.answers).toEqual([{ token: 'tok-1', output: { documents: 'complete' } }]);
  });

  it("refuses an upload another claim already has, and takes one again that is the claim's own", async () => {
    const t = setup();
    const { reference } = await submitClaim(t.deps, submission(), options);
    const nik = (await t.claims.get(reference))!.claimant.nik;
    const theirs = await t.upload('DEATH_CERTIFICATE');
    await submitClaim(t.deps, submission(validClaim((b) => (b.documents = [{ type: 'DEATH_CERTIFICATE', uploadId: theirs }]))), options);

    const refused = await addDocuments(t.deps, {
      reference,
      nik,
      sourceIp: '198.51.100.7',
      documents: [{ type: 'DEATH_CERTIFICATE', uploadId: theirs }],
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fields).toEqual([{ path: 'documents[0].uploadId', code: 'uploadId.alreadyUsed' }]);
    expect((await t.claims.get(reference))!.documents).toEqual([]);

    const own = { type: 'FAMILY_CARD' as const, uploadId: await t.upload('FAMILY_CARD') };
    await addDocuments(t.deps, { reference, nik, sourceIp: '198.51.100.7', documents: [own] });
    expect(t.uploads.records.get(own.uploadId)).toMatchObject({ claimReference: reference });
    await addDocuments(t.deps, { reference, nik, sourceIp: '198.51.100.7', documents: [own] });
    expect((await t.claims.get(reference))!.documents.map((d) => d.uploadId)).toEqual([own.uploadId]);
  });

  it('answers a wrong NIK like an unknown reference, and refuses documents once the claim is decided', async () => {
    const t = setup();
    const body = submission();
    const { reference } = await submitClaim(t.deps, body, options);
    const doc = { type: 'DEATH_CERTIFICATE' as const, uploadId: await t.upload('DEATH_CERTIFICATE') };
    await expect(
      addDocuments(t.deps, { reference, nik: '3173010203800009', sourceIp: '198.51.100.7', documents: [doc] }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await t.claims.transition(reference, {
      from: ['SUBMITTED'],
      to: 'REJECTED',
      at: 'x',
      audit: { type: 'T', at: 'x', actor: { kind: 'system' } },
    });
    await expect(
      addDocuments(t.deps, { reference, nik: body.claimant.nik, sourceIp: '198.51.100.7', documents: [doc] }),
    ).rejects.toMatchObject({
      code: 'CLAIM_CLOSED',
    });
  });
});

describe('findClaimOfClaimant under the limit on wrong NIKs', () => {
  const FAMILY = '198.51.100.7';
  const GUESSER = '203.0.113.9';

  it('counts wrong NIKs and unknown references alike, takes back the right NIK, and refuses past the limit until the window ends', async () => {
    const t = setup();
    const body = submission();
    const { reference } = await submitClaim(t.deps, body, options);
    const lookup = (nik: string, sourceIp = GUESSER, ref = reference) => findClaimOfClaimant(t.deps, { reference: ref, nik, sourceIp });

    for (let i = 0; i < 3; i += 1) expect(await lookup(body.claimant.nik, FAMILY)).toMatchObject({ reference });
    for (let i = 0; i < 10; i += 1) expect(await lookup(`31730102038000${String(i).padStart(2, '0')}`)).toBeUndefined();
    // 10 failures: the right NIK counted for nothing.
    expect([...t.attempts.windows.values()].map((w) => w.failures)).toEqual([10]);
    const refused = await lookup(body.claimant.nik).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TooManyAttemptsError);
    // 03:00:00Z is the start of a window: all of it is left.
    expect(refused).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 900 });
    // The family's address made no wrong guess: still let in.
    expect(await lookup(body.claimant.nik, FAMILY)).toMatchObject({ reference });

    const unknown = 'SNT-2026-BCDFGH';
    for (let i = 0; i < 10; i += 1) expect(await lookup(body.claimant.nik, GUESSER, unknown)).toBeUndefined();
    await expect(lookup(body.claimant.nik, GUESSER, unknown)).rejects.toBeInstanceOf(TooManyAttemptsError);
  });

  it('answers malformed input with nothing, without counting it or reading the store', async () => {
    const t = setup();
    expect(await findClaimOfClaimant(t.deps, { reference: 'nope', nik: '3173010203800001', sourceIp: GUESSER })).toBeUndefined();
    expect(await findClaimOfClaimant(t.deps, { reference: 'SNT-2026-BCDFGH', nik: '123', sourceIp: GUESSER })).toBeUndefined();
    expect(t.attempts.windows.size).toBe(0);
  });

  it('the document top-up is under the same limit', async () => {
    const t = setup();
    const body = submission();
    const { reference } = await submitClaim(t.deps, body, options);
    const doc = { type: 'DEATH_CERTIFICATE' as const, uploadId: await t.upload('DEATH_CERTIFICATE') };
    for (let i = 0; i < 10; i += 1)
      await expect(
        addDocuments(t.deps, { reference, nik: '3173010203800009', sourceIp: GUESSER, documents: [doc] }),
      ).rejects.toBeInstanceOf(NotFoundError);
    await expect(addDocuments(t.deps, { reference, nik: body.claimant.nik, sourceIp: GUESSER, documents: [doc] })).rejects.toBeInstanceOf(
      TooManyAttemptsError,
    );
  });
});

describe('findClaimOfClaimant with a status link token instead of the NIK', () => {
  const KEYS = async () => ['k'.repeat(40)];
  const FAMILY = '198.51.100.7';
  const GUESSER = '203.0.113.9';
  const links = (now: () => Date) => statusLinks({ keys: KEYS, ttlDays: 90, now });

  it('finds the claim for its token, and answers a wrong, expired or revoked token as a wrong NIK, counted alike', async () => {
    const t = setup();
    const body = submission();
    const { reference } = await submitClaim(t.deps, body, options);
    const deps = { ...t.deps, links: links(t.now) };
    const claim = (await t.claims.get(reference))!;
    const { url } = await deps.links.link(claim, 'https://santunan.test');
    const token = new URL(url).searchParams.get('t')!;
    expect(url).toBe(`https://santunan.test/claims/${reference}?t=${token}`);
    expect(url).not.toContain(body.claimant.nik);

    expect(await findClaimOfClaimant(deps, { reference, token, sourceIp: FAMILY })).toMatchObject({ reference });
    // Another claim's token, an expired one, and one from before a revocation: not found, each counted.
    const other = await links(t.now).link({ ...claim, reference: 'SNT-2026-BCDFGH' }, 'https://santunan.test');
    const otherToken = new URL(other.url).searchParams.get('t')!;
    expect(await findClaimOfClaimant(deps, { reference, token: otherToken, sourceIp: GUESSER })).toBeUndefined();
    const later = { ...deps, links: links(() => new Date(t.now().getTime() + 91 * 86_400_000)), now: t.now };
    expect(await findClaimOfClaimant(later, { reference, token, sourceIp: GUESSER })).toBeUndefined();
    await t.claims.transition(reference, {
      from: [claim.status],
      at: '2026-11-30T10:00:00+07:00',
      set: { linkVersion: 1 },
      audit: { type: 'STATUS_LINKS_REVOKED', at: '2026-11-30T10:00:00+07:00', actor: { kind: 'staff', id: 'supervisor' } },
    });
    expect(await findClaimOfClaimant(deps, { reference, token, sourceIp: GUESSER })).toBeUndefined();
    expect([...t.attempts.windows.values()].map((w) => w.failures)).toEqual([3]);
    // Malformed tokens count for nothing, as malformed NIKs do; the NIK typed by hand still works.
    expect(await findClaimOfClaimant(deps, { reference, token: 'not a token', sourceIp: GUESSER })).toBeUndefined();
    expect([...t.attempts.windows.values()].map((w) => w.failures)).toEqual([3]);
    expect(await findClaimOfClaimant(deps, { reference, nik: body.claimant.nik, sourceIp: FAMILY })).toMatchObject({ reference });
  });
});
