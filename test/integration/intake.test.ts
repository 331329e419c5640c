import { GetCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ClaimsRepository } from '../../shared/claims/adapters/claims-repository';
import { buildClaim } from '../../shared/claims/application/intake/submit-claim';
import { newReference, REFERENCE_PATTERN } from '../../shared/claims/domain/reference';
import { claimSubmissionSchema } from '../../shared/claims/schemas/claim';
import { validate } from '../../shared/kernel/validate';
import { documentClient } from '../../shared/platform/dynamodb/client';
import { claimKeys } from '../../shared/platform/dynamodb/keys';
import { encodePageToken } from '../../shared/platform/http/page-token';
import { csrfTokenFor } from '../../shared/staff/domain/csrf';
import { type Api, startApi } from '../support/api';
import { toForm, uniqueNik, validClaim } from '../support/fixtures';
import { pdf, uploadDocument } from '../support/uploads';
import { completeClaim, fileAndAwaitDecision, givenMember, staff, tokenFor, waitForStatus } from '../support/workflow';

const TABLE = process.env.CLAIMS_TABLE_NAME!;
let api: Api;

beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.stop();
});

/** Everything stored for one claim: the claim (`CLAIM#<ref>`) and its audit events (their own partition, `AUDIT#<ref>`). */
const claimItems = async (reference: string) => {
  const partition = async (pk: string) =>
    (
      await documentClient.send(
        new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } }),
      )
    ).Items ?? [];
  return [...(await partition(`CLAIM#${reference}`)), ...(await partition(`AUDIT#${reference}`))];
};

/** Claims stored for one member (a Scan is fine in a test; the product never scans). */
const claimsForMember = async (nik: string) => {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await documentClient.send(
      new ScanCommand({
        TableName: TABLE,
        FilterExpression: 'entity = :e AND #m.nik = :nik',
        ExpressionAttributeNames: { '#m': 'member' },
        ExpressionAttributeValues: { ':e': 'CLAIM', ':nik': nik },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
};

describe('POST /claims with JSON', () => {
  it('stores a valid claim with its audit event and answers 201 with the reference and Location', async () => {
    const body = validClaim();
    const res = await api.postJson('/claims', body);
    expect(res.status).toBe(201);
    expect(res.json.reference).toMatch(REFERENCE_PATTERN);
    expect(res.json).toMatchObject({ status: 'SUBMITTED', statusUrl: `/claims/${res.json.reference}` });
    expect(res.headers.get('location')).toBe(`/claims/${res.json.reference}`);

    const items = await claimItems(res.json.reference);
    const claim = items.find((i) => i.sk === 'CLAIM')!;
    // The workflow starts at once and may already have moved the claim on: intake's own record is the first entry.
    expect(claim).toMatchObject({ benefit: 'JKM', member: body.member, bankAccount: body.payout });
    expect((claim.timeline as unknown[])[0]).toEqual({ status: 'SUBMITTED', at: claim.submittedAt });
    expect(String(claim.submittedAt)).toMatch(/\+07:00$/);
    const audit = items.filter((i) => i.type === 'CLAIM_SUBMITTED');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ type: 'CLAIM_SUBMITTED', actor: { kind: 'family' } });
    // The audit trail carries no NIK in clear.
    expect(JSON.stringify(audit[0])).not.toContain(body.member.nik);
  });

  it('answers 400 with every field and writes nothing', async () => {
    const body = validClaim((b) => {
      b.claimant.nik = '123';
      b.payout.bankCode = '999';
    });
    const res = await api.postJson('/claims', body);
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('VALIDATION_FAILED');
    expect(res.json.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'claimant.nik', code: 'nik.format', message: expect.stringContaining('16') }),
        expect.objectContaining({ path: 'payout.bankCode', code: 'bank.unknown' }),
      ]),
    );
    expect(await claimsForMember(body.member.nik)).toHaveLength(0);
  });

  it('gives the messages in English when asked', async () => {
    const res = await api.postJson(
      '/claims?lang=en',
      validClaim((b) => (b.member.nik = '1')),
    );
    expect(res.json.fields[0].message).toMatch(/16 digits/);
  });

  it('refuses a body that is not JSON, or not an object, with 400', async () => {
    const broken = await api.call('POST', '/claims', { body: '{"benefit":', headers: { 'content-type': 'application/json' } });
    expect(broken.status).toBe(400);
    expect(broken.json.error).toBe('VALIDATION_FAILED');
    expect((await api.postJson('/claims', [1, 2])).status).toBe(400);
    expect((await api.postJson('/claims', null)).status).toBe(400);
  });

  it('answers 413 over 64 KB and 415 for other content types', async () => {
    const big = validClaim((b) => (b.incident.description = 'x'.repeat(70 * 1024)));
    const tooLarge = await api.postJson('/claims', big);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json.error).toBe('PAYLOAD_TOO_LARGE');
    expect(await claimsForMember(big.member.nik)).toHaveLength(0);
    const wrongType = await api.call('POST', '/claims', { body: 'benefit=JKM', headers: { 'content-type': 'text/plain' } });
    expect(wrongType.status).toBe(415);
    expect(wrongType.json.error).toBe('UNSUPPORTED_MEDIA_TYPE');
    const noType = await api.call('POST', '/claims', { body: Buffer.from('{}') });
    expect(noType.status).toBe(415);
  });
});

describe('duplicates and idempotency', () => {
  it("refuses the same claimant's second open claim with 409, accepts another claimant's (competing), and allows the other benefit", async () => {
    // A member on the roster: the workflow keeps the claim open (an unknown member is rejected, which frees the lock).
    const onRoster = await givenMember();
    const first = validClaim((b) => (b.member = { nik: onRoster.nik, name: onRoster.name }));
    expect((await api.postJson('/claims', first)).status).toBe(201);
    // Another claimant is not locked out (anyone who knows a member's NIK could otherwise block the heirs): the claim is
    // accepted and both go to a supervisor (test/workflow/claim-workflow.test.ts follows them).
    const other = await api.postJson(
      '/claims',
      validClaim((b) => {
        b.member = first.member;
        b.claimant.nik = uniqueNik();
      }),
    );
    expect(other.status).toBe(201);
    expect(other.json.reference).toMatch(REFERENCE_PATTERN);
    const sameFamily = await api.postJson(
      '/claims',
      validClaim((b) => {
        b.member = first.member;
        b.claimant = first.claimant;
      }),
    );
    expect(sameFamily.status).toBe(409);
    expect(sameFamily.json.reference).toMatch(REFERENCE_PATTERN);
    const jkk = await api.postJson(
      '/claims',
      validClaim((b) => {
        b.member = first.member;
        b.benefit = 'JKK';
        b.incident.cause = 'work_accident';
      }),
    );
    expect(jkk.status).toBe(201);
  });

  it('replays the first response for the same Idempotency-Key and body, whatever the key order', async () => {
    const body = validClaim();
    const key = `test-${uniqueNik()}`;
    const first = await api.postJson('/claims', body, { 'idempotency-key': key });
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const second = await api.postJson('/claims', reordered, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.json).toEqual(first.json);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(await claimsForMember(body.member.nik)).toHaveLength(1);
  });

  it('answers 422 IDEMPOTENCY_KEY_REUSED for the same key with another body, and stores nothing new', async () => {
    const key = `test-${uniqueNik()}`;
    const body = validClaim();
    expect((await api.postJson('/claims', body, { 'idempotency-key': key })).status).toBe(201);
    const other = validClaim();
    const res = await api.postJson('/claims', other, { 'idempotency-key': key });
    expect(res.status).toBe(422);
    expect(res.json.error).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await claimsForMember(other.member.nik)).toHaveLength(0);
  });

  it('refuses a malformed Idempotency-Key with 400', async () => {
    const res = await api.postJson('/claims', validClaim(), { 'idempotency-key': 'x'.repeat(65) });
    expect(res.status).toBe(400);
    expect(res.json.fields[0].path).toBe('Idempotency-Key');
  });

  it('creates exactly one claim from 20 concurrent submissions by one claimant for one member', async () => {
    const onRoster = await givenMember({ name: 'Budi Santoso' });
    const member = { nik: onRoster.nik, name: onRoster.name };
    const claimantNik = uniqueNik();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.postJson(
          '/claims',
          validClaim((b) => {
            b.member = member;
            b.claimant.nik = claimantNik;
            b.claimant.name = `Ahli Waris ${String.fromCharCode(65 + i)}`;
          }),
        ),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(await claimsForMember(member.nik)).toHaveLength(1);
  });

  it('gives 20 concurrent retries with one key one claim and one answer', async () => {
    const body = validClaim();
    const key = `retry-${uniqueNik()}`;
    const results = await Promise.all(Array.from({ length: 20 }, () => api.postJson('/claims', body, { 'idempotency-key': key })));
    expect(new Set(results.map((r) => r.status))).toEqual(new Set([201]));
    expect(new Set(results.map((r) => r.json.reference)).size).toBe(1);
    expect(await claimsForMember(body.member.nik)).toHaveLength(1);
  });
});

describe('POST /claims from the HTML form', () => {
  it('stores the claim and sends the browser to the status page (303)', async () => {
    const body = validClaim();
    // Filed without documents: the family confirmed on the page that they send them later (form-documents.test.ts).
    const form = toForm({ ...body, _idempotencyKey: `form-${uniqueNik()}`, _documentsLater: '1' });
    const res = await api.call('POST', '/claims', {
      body: form,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/claims\/SNT-\d{4}-[A-Z0-9]{6}\?nik=\d{16}&new=1$/);
    const page = await api.call('GET', location, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Klaim diterima');
    // A resend of the same form (refresh, double tap) lands on the same claim.
    const resend = await api.call('POST', '/claims', { body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(resend.headers.get('location')).toBe(location);
    expect(await claimsForMember(body.member.nik)).toHaveLength(1);
  });

  it("keeps the children the family declared for the scholarship, and the guardian's child", async () => {
    const body = validClaim((b) => {
      b.claimant.relationship = 'guardian';
      b.claimant.ward = { name: 'Dewi Lestari', birthDate: '2015-06-01' };
      b.children = [{ name: 'Dewi Lestari', birthDate: '2015-06-01', schoolLevel: 'SD' }];
    });
    const form = toForm({ ...body, _idempotencyKey: `form-${uniqueNik()}`, _documentsLater: '1' });
    form.append('children[1].name', '');
    form.append('children[1].schoolLevel', '');
    const res = await api.call('POST', '/claims', { body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(303);
    const [stored] = await claimsForMember(body.member.nik);
    expect(stored).toMatchObject({
      claimant: { relationship: 'guardian', ward: { name: 'Dewi Lestari', birthDate: '2015-06-01' } },
      children: [{ name: 'Dewi Lestari', birthDate: '2015-06-01', schoolLevel: 'SD' }],
    });
  });

  it('comes back with status 400, each message beside its field, and every value kept', async () => {
    const body = validClaim((b) => {
      b.claimant.phone = '12';
      b.member.name = 'Siti <b>Aminah</b>';
    });
    const res = await api.call('POST', '/claims', { body: toForm(body), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.text).toMatch(/id="f-claimant-phone-err">Nomor HP tidak valid/);
    expect(res.text).toContain('value="12"');
    expect(res.text).toContain(`value="${body.claimant.nik}"`);
    expect(res.text).toContain('value="Siti &lt;b&gt;Aminah&lt;/b&gt;"');
    expect(res.text).toMatch(/<option value="002" selected>/);
    expect(await claimsForMember(body.member.nik)).toHaveLength(0);
  });
});

describe('form edge cases', () => {
  const post = (form: URLSearchParams) =>
    api.call('POST', '/claims', { body: form, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' } });

  it('puts a document error beside the row the family used, not a shifted one', async () => {
    const form = toForm(validClaim());
    // Rows as the page posts them: every type, only row 2 (FAMILY_CARD) with an upload that never finished.
    for (const [i, type] of ['MEMBER_ID_CARD', 'CLAIMANT_ID_CARD', 'FAMILY_CARD'].entries()) form.append(`documents[${i}].type`, type);
    form.append('documents[2].uploadId', 'up_neverfinishedneverfinished');
    const res = await post(form);
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/<div class="doc" data-doc="FAMILY_CARD">[\s\S]*?id="f-documents-2-uploadId-err"/);
    expect(res.text).not.toContain('id="f-documents-0-uploadId-err"');
  });

  it('lets a family go Back, correct a field and send the same page again', async () => {
    const key = `page-${uniqueNik()}`;
    const first = validClaim((b) => (b.claimant.phone = '12'));
    expect((await post(toForm({ ...first, _idempotencyKey: key }))).status).toBe(400);
    const corrected = { ...first, claimant: { ...first.claimant, phone: '081234567890' }, _idempotencyKey: key, _documentsLater: '1' };
    const res = await post(toForm(corrected));
    expect(res.status).toBe(303);
  });

  it('answers a form post over 64 KB with the form page, not JSON', async () => {
    const res = await post(toForm(validClaim((b) => (b.incident.description = 'x'.repeat(70 * 1024)))));
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.text).toContain('terlalu panjang');
  });
});

describe('GET /claims/{reference}?nik=', () => {
  it('shows the status as JSON and as an Indonesian HTML page; 404 alike for a wrong NIK or reference', async () => {
    const onRoster = await givenMember();
    const body = validClaim((b) => (b.member = { nik: onRoster.nik, name: onRoster.name }));
    const created = await api.postJson('/claims', body);
    const ref = created.json.reference as string;
    const status = await api.call('GET', `/claims/${ref}?nik=${body.claimant.nik}`, { headers: { accept: 'application/json' } });
    expect(status.status).toBe(200);
    expect(status.json).toMatchObject({ reference: ref, benefit: 'JKM' });
    expect(status.json.timeline[0].status).toBe('SUBMITTED');
    expect(status.json.missingDocuments).toContain('DEATH_CERTIFICATE');
    expect(status.text).not.toContain(body.payout.accountNumber);
    expect(status.text).not.toContain(body.member.nik);

    const page = await api.call('GET', `/claims/${ref.toLowerCase()}?nik=${body.claimant.nik}`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="id"');
    expect(page.text).toContain(ref);
    expect(page.text).toContain('Akta kematian');

    const wrongNik = await api.call('GET', `/claims/${ref}?nik=${uniqueNik()}`, { headers: { accept: 'application/json' } });
    const unknownRef = await api.call('GET', `/claims/SNT-2026-ZZZZZZ?nik=${body.claimant.nik}`, {
      headers: { accept: 'application/json' },
    });
    const noNik = await api.call('GET', `/claims/${ref}`, { headers: { accept: 'application/json' } });
    for (const r of [wrongNik, unknownRef, noNik]) {
      expect(r.status).toBe(404);
      expect(r.json).toEqual(wrongNik.json);
    }
  });

  it('answers HTML when the client does not ask for JSON, and 404 (not 500) for a malformed reference', async () => {
    const body = validClaim();
    const created = await api.postJson('/claims', body);
    const page = await api.call('GET', `/claims/${created.json.reference}?nik=${body.claimant.nik}`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect((await api.call('GET', `/claims/%25?nik=${body.claimant.nik}`, { headers: { accept: 'application/json' } })).status).toBe(404);
  });

  it('redirects the no-JavaScript lookup form to the status page', async () => {
    const res = await api.call('GET', '/status?reference=snt-2026-abcdef&nik=3173%2001');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/claims/SNT-2026-ABCDEF?nik=317301');
    expect((await api.call('GET', '/status')).text).toContain('Cek status klaim');
  });
});

describe('documents', () => {
  it('presigns an upload and accepts a claim whose documents are in storage', async () => {
    const death = await uploadDocument(api, 'DEATH_CERTIFICATE', pdf(4096));
    const bank = await uploadDocument(api, 'BANK_BOOK', pdf(1024));
    const body = validClaim(
      (b) =>
        (b.documents = [
          { type: 'DEATH_CERTIFICATE', uploadId: death },
          { type: 'BANK_BOOK', uploadId: bank },
        ]),
    );
    const res = await api.postJson('/claims', body);
    expect(res.status).toBe(201);
    expect(res.json.missingDocuments).not.toContain('DEATH_CERTIFICATE');
    expect(res.json.missingDocuments).not.toContain('BANK_BOOK');
    const claim = (await claimItems(res.json.reference)).find((i) => i.sk === 'CLAIM')!;
    expect(claim.documents).toEqual([
      expect.objectContaining({ type: 'DEATH_CERTIFICATE', uploadId: death, size: 4096, contentType: 'application/pdf' }),
      expect.objectContaining({ type: 'BANK_BOOK', uploadId: bank, size: 1024 }),
    ]);
  });

  it('refuses an upload id that was never finished, naming the document', async () => {
    const reserved = await api.postJson('/uploads', { type: 'FAMILY_CARD', contentType: 'image/jpeg', size: 1000 });
    expect(reserved.status).toBe(201);
    expect(reserved.json).toMatchObject({
      method: 'POST',
      uploadId: expect.stringMatching(/^up_/),
      fields: expect.objectContaining({ key: expect.stringContaining(reserved.json.uploadId) }),
    });
    const body = validClaim(
      (b) =>
        (b.documents = [
          { type: 'FAMILY_CARD', uploadId: reserved.json.uploadId },
          { type: 'OTHER', uploadId: 'up_doesnotexistdoesnotexist' },
        ]),
    );
    const res = await api.postJson('/claims', body);
    expect(res.status).toBe(400);
    expect(res.json.fields.map((f: { path: string; code: string }) => [f.path, f.code])).toEqual([
      ['documents[0].uploadId', 'uploadId.notFound'],
      ['documents[1].uploadId', 'uploadId.notFound'],
    ]);
    expect(await claimsForMember(body.member.nik)).toHaveLength(0);
  });

  it('refuses a stored file over 5 MB even where storage did not enforce the limit', async () => {
    const big = await uploadDocument(api, 'MEDICAL_REPORT', pdf(5 * 1024 * 1024 + 1), 'application/pdf', 1000);
    const res = await api.postJson(
      '/claims',
      validClaim((b) => (b.documents = [{ type: 'MEDICAL_REPORT', uploadId: big }])),
    );
    expect(res.status).toBe(400);
    expect(res.json.fields).toEqual([expect.objectContaining({ path: 'documents[0].uploadId', code: 'uploadId.tooLarge' })]);
  });

  it('refuses a stored file whose size, content type or first bytes are not what was declared (HTML sent as a PDF)', async () => {
    const html = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
    const larger = await uploadDocument(api, 'DEATH_CERTIFICATE', pdf(4096), 'application/pdf', 2048);
    const htmlAsPdf = await uploadDocument(api, 'FAMILY_CARD', html);
    const htmlTyped = await uploadDocument(api, 'BANK_BOOK', pdf(1024), 'application/pdf', 1024, 'text/html');
    // An empty object has no byte 0 for the ranged read (416): its size is 0.
    const empty = await uploadDocument(api, 'CLAIMANT_ID_CARD', Buffer.alloc(0), 'application/pdf', 1024);
    const fine = await uploadDocument(api, 'MEMBER_ID_CARD', pdf(1024));
    const body = validClaim(
      (b) =>
        (b.documents = [
          { type: 'DEATH_CERTIFICATE', uploadId: larger },
          { type: 'FAMILY_CARD', uploadId: htmlAsPdf },
          { type: 'BANK_BOOK', uploadId: htmlTyped },
          { type: 'CLAIMANT_ID_CARD', uploadId: empty },
          { type: 'MEMBER_ID_CARD', uploadId: fine },
        ]),
    );
    const res = await api.postJson('/claims', body);
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('VALIDATION_FAILED');
    expect(res.json.fields.map((f: { path: string; code: string }) => [f.path, f.code])).toEqual([
      ['documents[0].uploadId', 'uploadId.sizeMismatch'],
      ['documents[1].uploadId', 'uploadId.contentMismatch'],
      ['documents[2].uploadId', 'uploadId.typeMismatch'],
      ['documents[3].uploadId', 'uploadId.sizeMismatch'],
    ]);
    expect(await claimsForMember(body.member.nik)).toHaveLength(0);
  });

  it('refuses an upload sent under another document type than the one it was declared for', async () => {
    const death = await uploadDocument(api, 'DEATH_CERTIFICATE', pdf(1024));
    const res = await api.postJson(
      '/claims',
      validClaim((b) => (b.documents = [{ type: 'BANK_BOOK', uploadId: death }])),
    );
    expect(res.status).toBe(400);
    expect(res.json.fields).toEqual([expect.objectContaining({ path: 'documents[0].type', code: 'document.typeMismatch' })]);
  });

  it('refuses upload requests over 5 MB or of other types', async () => {
    const tooLarge = await api.postJson('/uploads', { type: 'BANK_BOOK', contentType: 'image/png', size: 6 * 1024 * 1024 });
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.json.fields).toEqual([expect.objectContaining({ path: 'size', code: 'upload.tooLarge' })]);
    const gif = await api.postJson('/uploads', { type: 'BANK_BOOK', contentType: 'image/gif', size: 10 });
    expect(gif.json.fields).toEqual([expect.objectContaining({ path: 'contentType' })]);
  });
});

describe('an upload belongs to the one claim that first uses it', () => {
  const uploadRecord = async (uploadId: string) =>
    (await documentClient.send(new GetCommand({ TableName: TABLE, Key: claimKeys.upload(uploadId) }))).Item;
  const withDocuments = (documents: { type: string; uploadId: string }[]) => validClaim((b) => (b.documents = documents));

  it('is bound to its first claim for good (no expiry); another claim naming it is refused on its uploadId', async () => {
    const death = await uploadDocument(api, 'DEATH_CERTIFICATE', pdf(1024));
    const bank = await uploadDocument(api, 'BANK_BOOK', pdf(1024));
    const first = await api.postJson('/claims', withDocuments([{ type: 'DEATH_CERTIFICATE', uploadId: death }]));
    expect(first.status).toBe(201);
    const record = await uploadRecord(death);
    expect(record).toMatchObject({ claimReference: first.json.reference, type: 'DEATH_CERTIFICATE' });
    expect(record).not.toHaveProperty('expiresAt');

    const other = withDocuments([
      { type: 'BANK_BOOK', uploadId: bank },
      { type: 'DEATH_CERTIFICATE', uploadId: death },
    ]);
    const res = await api.postJson('/claims', other);
    expect(res.status).toBe(400);
    expect(res.json.fields).toEqual([expect.objectContaining({ path: 'documents[1].uploadId', code: 'uploadId.alreadyUsed' })]);
    expect(await claimsForMember(other.member.nik)).toHaveLength(0);
    // Nothing of the refused claim was written: its other upload is still free.
    expect(await uploadRecord(bank)).not.toHaveProperty('claimReference');
  });

  it('still replays a submission sent again with the same Idempotency-Key', async () => {
    const body = withDocuments([{ type: 'DEATH_CERTIFICATE', uploadId: await uploadDocument(api, 'DEATH_CERTIFICATE', pdf(1024)) }]);
    const key = `uploads-${uniqueNik()}`;
    const first = await api.postJson('/claims', body, { 'idempotency-key': key });
    const again = await api.postJson('/claims', body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(await claimsForMember(body.member.nik)).toHaveLength(1);
  });

  it('lets exactly one of two concurrent claims have it', async () => {
    const uploadId = await uploadDocument(api, 'FAMILY_CARD', pdf(1024));
    const results = await Promise.all([0, 1].map(() => api.postJson('/claims', withDocuments([{ type: 'FAMILY_CARD', uploadId }]))));
    expect(results.map((r) => r.status).sort()).toEqual([201, 400]);
    expect(results.find((r) => r.status === 400)!.json.fields).toEqual([
      expect.objectContaining({ path: 'documents[0].uploadId', code: 'uploadId.alreadyUsed' }),
    ]);
  });

  it('cannot be added to another claim later, and may be sent again to its own', async () => {
    const member = await givenMember();
    const mine = validClaim((b) => (b.member = { nik: member.nik, name: member.name }));
    const created = await api.postJson('/claims', mine);
    expect(created.status).toBe(201);
    const { reference } = created.json;
    await waitForStatus(api, reference, mine.claimant.nik, 'NEEDS_DOCUMENTS');

    const theirs = await uploadDocument(api, 'DEATH_CERTIFICATE', pdf(1024));
    expect((await api.postJson('/claims', withDocuments([{ type: 'DEATH_CERTIFICATE', uploadId: theirs }]))).status).toBe(201);
    const refused = await api.postJson(`/claims/${reference}/documents`, {
      nik: mine.claimant.nik,
      documents: [{ type: 'DEATH_CERTIFICATE', uploadId: theirs }],
    });
    expect(refused.status).toBe(400);
    expect(refused.json.fields).toEqual([expect.objectContaining({ path: 'documents[0].uploadId', code: 'uploadId.alreadyUsed' })]);

    const own = await uploadDocument(api, 'FAMILY_CARD', pdf(1024));
    const add = (docs: { type: string; uploadId: string }[]) =>
      api.postJson(`/claims/${reference}/documents`, { nik: mine.claimant.nik, documents: docs });
    expect((await add([{ type: 'FAMILY_CARD', uploadId: own }])).status).toBe(200);
    expect(await uploadRecord(own)).toMatchObject({ claimReference: reference });
    expect((await add([{ type: 'FAMILY_CARD', uploadId: own }])).status).toBe(200);
  });

  it('shows the form its error beside the row of the document', async () => {
    const uploadId = await uploadDocument(api, 'FAMILY_CARD', pdf(1024));
    expect((await api.postJson('/claims', withDocuments([{ type: 'FAMILY_CARD', uploadId }]))).status).toBe(201);
    const form = toForm(validClaim());
    for (const [i, type] of ['MEMBER_ID_CARD', 'CLAIMANT_ID_CARD', 'FAMILY_CARD'].entries()) form.append(`documents[${i}].type`, type);
    form.append('documents[2].uploadId', uploadId);
    const res = await api.call('POST', '/claims', {
      body: form,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(
      /<div class="doc" data-doc="FAMILY_CARD">[\s\S]*?<p class="err" id="f-documents-2-uploadId-err">Berkas ini sudah/,
    );
  });
});

describe('the claim form', () => {
  it('is served in Bahasa Indonesia by default and English on request, under 30 KB', async () => {
    const id = await api.call('GET', '/');
    expect(id.status).toBe(200);
    expect(id.text).toContain('<html lang="id"');
    expect(id.text).toContain('16 angka di KTP');
    expect(Buffer.byteLength(id.text)).toBeLessThan(30 * 1024);
    const en = await api.call('GET', '/?lang=en');
    expect(en.text).toContain('<html lang="en"');
    expect(en.text).toContain('File a benefit claim');
    const script = await api.call('GET', '/assets/upload.js');
    expect(script.headers.get('content-type')).toContain('javascript');
  });

  it('answers unknown paths and wrong methods 404 like API Gateway', async () => {
    expect((await api.call('GET', '/nope')).status).toBe(404);
    expect((await api.call('DELETE', '/claims')).status).toBe(404);
  });
});

describe('the staff queue pages through DynamoDB with the tokens it hands out', () => {
  it('a real cursor passes the forged-token check and gives the next page; a tampered one is a 400', async () => {
    const repo = new ClaimsRepository(TABLE);
    // WITHDRAWN: a status no workflow writes, so only these claims are in it.
    for (let i = 0; i < 3; i += 1) {
      const claim = buildClaim(validate(claimSubmissionSchema, validClaim()), [], newReference(2026), new Date());
      await repo.create({ ...claim, status: 'WITHDRAWN' }, { type: 'CLAIM_SUBMITTED', at: claim.submittedAt, actor: { kind: 'system' } });
    }
    const first = await repo.listByStatus('WITHDRAWN', 1);
    const token = encodePageToken(first.next)!;
    const auth = { authorization: `Bearer ${await tokenFor('verifier')}`, accept: 'application/json' };
    const next = await api.call('GET', `/staff/claims?status=WITHDRAWN&nextToken=${token}`, { headers: auth });
    expect(next.status).toBe(200);
    expect(next.json.items).toHaveLength(Math.min(50, (await repo.listByStatus('WITHDRAWN', 100)).items.length - 1));
    const tampered = encodePageToken({ ...first.next, gsi1pk: 'STATUS#PAID' })!;
    const refused = await api.call('GET', `/staff/claims?status=WITHDRAWN&nextToken=${tampered}`, { headers: auth });
    expect(refused.status).toBe(400);
    expect(refused.json.fields[0].path).toBe('nextToken');
  });
});

describe('a reference longer than any key DynamoDB takes', () => {
  it('is a 404 on the public and staff routes, never a 500 from the store', async () => {
    const long = `SNT-2026-${'B'.repeat(3000)}`;
    const docs = await api.postJson(`/claims/${long}/documents`, {
      nik: '3173010203800001',
      documents: [{ type: 'FAMILY_CARD', uploadId: `up_${'A'.repeat(22)}` }],
    });
    expect(docs.status).toBe(404);
    const status = await api.call('GET', `/claims/${long}?nik=3173010203800001`, { headers: { accept: 'application/json' } });
    expect(status.status).toBe(404);
    const auth = { authorization: `Bearer ${await tokenFor('supervisor')}`, accept: 'application/json' };
    expect((await api.call('GET', `/staff/claims/${long}`, { headers: auth })).status).toBe(404);
    const decision = await api.call('POST', `/staff/claims/${long}/decision`, {
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ decision: 'approve' }),
    });
    expect(decision.status).toBe(404);
  });
});

describe('staff routes check the role before anything else', () => {
  it('a verifier deciding gets 403 whatever the body or the claim (not 400, 404 or 409 that tell them more)', async () => {
    const auth = { authorization: `Bearer ${await tokenFor('verifier')}`, accept: 'application/json', 'content-type': 'application/json' };
    for (const body of [{ decision: 'maybe' }, { decision: 'approve' }]) {
      const res = await api.call('POST', '/staff/claims/SNT-2026-BCDFGH/decision', { headers: auth, body: JSON.stringify(body) });
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 403]);
    }
    const finance = { ...auth, authorization: `Bearer ${await tokenFor('finance')}` };
    const assess = await api.call('POST', '/staff/claims/SNT-2026-BCDFGH/assessment', { headers: finance, body: '{"stmb":{"months":-1}}' });
    expect(assess.status).toBe(403);
  });
});

describe("the twin's gateway on a malformed request line", () => {
  const raw = async (path: string, host: string) => {
    const { request } = await import('node:http');
    const target = new URL(api.url);
    return new Promise<number>((resolve, reject) => {
      const req = request({ host: target.hostname, port: target.port, path, method: 'GET', headers: { host } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
  };

  it('answers a bad percent-encoding in a path parameter with 400, and a malformed Host is not a 500', async () => {
    expect(await raw('/claims/SNT-2026-%E0%A4%A?nik=1', 'localhost')).toBe(400);
    expect(await raw('/claims/SNT-2026-BCDFGH?nik=1', 'bad host[')).toBe(404);
  });
});

describe('cross-site request forgery on cookie-signed staff posts', () => {
  it('refuses a post carrying only the session cookie from another site, port or subdomain; a bearer token or a same-origin post passes', async () => {
    const token = await tokenFor('supervisor');
    const post = (headers: Record<string, string>) =>
      api.call('POST', '/staff/claims/SNT-2026-BCDFGH/decision', {
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `santunan_session=${token}`, ...headers },
        // The session's form token too (the next describe): this test is about the origin alone.
        body: `decision=reject&reasonCode=OTHER&_csrf=${csrfTokenFor(token)}`,
      });
    expect((await post({ origin: 'https://evil.example.org' })).status).toBe(403);
    expect((await post({ 'sec-fetch-site': 'same-site', origin: 'http://localhost:9999' })).status).toBe(403);
    expect((await post({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post({})).status).toBe(403);
    // Same origin (the browser says so), or the configured public origin: past the check (no such claim: 404).
    expect((await post({ 'sec-fetch-site': 'same-origin' })).status).toBe(404);
    expect((await post({ origin: new URL(process.env.PUBLIC_BASE_URL!).origin })).status).toBe(404);
    // API clients with a bearer token are not cookie-signed: no Origin needed.
    const bearer = await api.call('POST', '/staff/claims/SNT-2026-BCDFGH/decision', {
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ decision: 'reject', reasonCode: 'OTHER' }),
    });
    expect(bearer.status).toBe(404);
  });
});

describe('the per-session token in staff forms', () => {
  it('a cookie-signed post from our own pages without the form token, or with a wrong one, is 403 and decides nothing; with it, it works', async () => {
    const { ref } = await fileAndAwaitDecision(api, await completeClaim(api, await givenMember()));
    const cookie = `santunan_session=${await tokenFor('supervisor')}`;
    const sameOrigin = { cookie, 'sec-fetch-site': 'same-origin' };
    const form = (body: string) =>
      api.call('POST', `/staff/claims/${ref}/decision`, {
        headers: { ...sameOrigin, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
    const jsonPost = (headers: Record<string, string>, reference = ref) =>
      api.call('POST', `/staff/claims/${reference}/decision`, {
        headers: { ...sameOrigin, 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify({ decision: 'reject', reasonCode: 'OTHER' }),
      });
    const stillAwaiting = async () => {
      const claim = (await staff(api, 'supervisor', 'GET', `/staff/claims/${ref}`)).json;
      expect(claim.status).toBe('AWAITING_APPROVAL');
      expect(claim.audit.map((a: { type: string }) => a.type)).not.toContain('CLAIM_REJECTED');
    };

    // The right Origin is not enough any more.
    const missing = await form('decision=reject&reasonCode=OTHER');
    expect(missing.status).toBe(403);
    expect(missing.text).toContain('Buka lagi halaman klaim');
    expect((await form(`decision=reject&reasonCode=OTHER&_csrf=${'A'.repeat(43)}`)).status).toBe(403);
    const noHeader = await jsonPost({});
    expect([noHeader.status, noHeader.json?.error]).toEqual([403, 'CSRF_TOKEN_INVALID']);
    await stillAwaiting();

    // Every post form on the page carries the session's token, the same one.
    const page = await api.call('GET', `/staff/claims/${ref}`, { headers: { cookie } });
    const forms = page.text.match(/<form method="post"[^>]*>/g) ?? [];
    const tokens = [...page.text.matchAll(/<input type="hidden" name="_csrf" value="([\w-]{43})">/g)].map((m) => m[1]);
    expect(forms.length).toBeGreaterThan(0);
    expect(tokens).toHaveLength(forms.length);
    const csrf = tokens[0]!;
    expect(new Set(tokens)).toEqual(new Set([csrf]));

    // Another person's token (another session), or a piece of the right one: refused as well.
    const otherPage = await api.call('GET', `/staff/claims/${ref}`, {
      headers: { cookie: `santunan_session=${await tokenFor('approver')}` },
    });
    const otherToken = /name="_csrf" value="([\w-]+)"/.exec(otherPage.text)?.[1];
    expect(otherToken).toBeDefined();
    expect(otherToken).not.toBe(csrf);
    expect((await form(`decision=reject&reasonCode=OTHER&_csrf=${otherToken}`)).status).toBe(403);
    expect((await form(`decision=reject&reasonCode=OTHER&_csrf=${csrf.slice(0, 10)}`)).status).toBe(403);
    const wrongHeader = await jsonPost({ 'x-csrf-token': otherToken! });
    expect([wrongHeader.status, wrongHeader.json?.error]).toEqual([403, 'CSRF_TOKEN_INVALID']);
    await stillAwaiting();

    // The token in the header (a script) or the form field (the page): accepted.
    expect((await jsonPost({ 'x-csrf-token': csrf }, 'SNT-2026-BCDFGH')).status).toBe(404);
    const decided = await form(`decision=reject&reasonCode=OTHER&_csrf=${csrf}`);
    expect([decided.status, decided.headers.get('location')]).toEqual([303, `/staff/claims/${ref}`]);
    expect((await staff(api, 'supervisor', 'GET', `/staff/claims/${ref}`)).json.status).toBe('REJECTED');
  });
});

describe('a limit on wrong claimant NIKs per claim reference', () => {
  // Windows are fixed 15-minute slices of the clock: a test that straddled the end of one would see its count reset.
  beforeEach(async () => {
    const left = 15 * 60 - ((Date.now() / 1000) % (15 * 60));
    if (left < 20) await new Promise((resolve) => setTimeout(resolve, left * 1000 + 100));
  });

  const lookup = (reference: string, nik: string, accept = 'application/json') =>
    api.call('GET', `/claims/${reference}?nik=${nik}`, { headers: { accept } });

  it('answers 429 with Retry-After from the 11th wrong NIK on, for the right NIK too; another reference is unaffected', async () => {
    const body = validClaim();
    const ref = (await api.postJson('/claims', body)).json.reference as string;
    const other = validClaim();
    const otherRef = (await api.postJson('/claims', other)).json.reference as string;

    for (let i = 0; i < 10; i += 1) expect((await lookup(ref, uniqueNik())).status).toBe(404);
    const eleventh = await lookup(ref, uniqueNik());
    expect(eleventh.status).toBe(429);
    expect(eleventh.json).toMatchObject({ error: 'TOO_MANY_ATTEMPTS', message: expect.any(String) });
    const retryAfter = Number(eleventh.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);

    // Guessing is useless now: the right NIK gets the same answer until the window ends, on every route.
    const right = await lookup(ref, body.claimant.nik);
    expect([right.status, right.json]).toEqual([429, eleventh.json]);
    const page = await lookup(ref, body.claimant.nik, 'text/html');
    expect(page.status).toBe(429);
    expect(page.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(page.text).toContain('Terlalu banyak percobaan');
    const documents = await api.postJson(`/claims/${ref}/documents`, {
      nik: body.claimant.nik,
      documents: [{ type: 'FAMILY_CARD', uploadId: `up_${'A'.repeat(22)}` }],
    });
    expect(documents.status).toBe(429);

    expect((await lookup(otherRef, other.claimant.nik)).status).toBe(200);
    expect((await lookup(otherRef, uniqueNik())).status).toBe(404);
  });

  it('counts an unknown reference like a wrong NIK, so 404 and 429 tell a stranger nothing about which references exist', async () => {
    const body = validClaim();
    const known = (await api.postJson('/claims', body)).json.reference as string;
    // A reference drawn as intake draws them and never filed (one in 480 million would be taken: drawn again).
    let unknown = newReference(2026);
    while (unknown === known || (await claimItems(unknown)).length > 0) unknown = newReference(2026);
    const answers = async (reference: string) => {
      const seen = [];
      for (let i = 0; i < 11; i += 1) seen.push(await lookup(reference, uniqueNik()));
      return seen.map((r) => [r.status, r.json]);
    };
    expect(await answers(unknown)).toEqual(await answers(known));
  });

  it('lets exactly the limit through when the guesses come at once', async () => {
    const body = validClaim();
    const ref = (await api.postJson('/claims', body)).json.reference as string;
    const statuses = (await Promise.all(Array.from({ length: 30 }, () => lookup(ref, uniqueNik())))).map((r) => r.status);
    expect(statuses.filter((s) => s === 404)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
  });

  /** A lookup from another loopback address (127.0.0.0/8 is all this machine): another client to the gateway. */
  const lookupFrom = async (address: string, reference: string, nik: string) => {
    const { request } = await import('node:http');
    const target = new URL(api.url);
    return new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: target.hostname,
          port: target.port,
          localAddress: address,
          path: `/claims/${reference}?nik=${nik}`,
          headers: { accept: 'application/json' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
  };

  it('refuses only the clients that guessed, until 30 wrong NIKs from any number of clients close the reference to all', async () => {
    const body = validClaim();
    const ref = (await api.postJson('/claims', body)).json.reference as string;
    for (let i = 0; i < 10; i += 1) expect(await lookupFrom('127.0.0.1', ref, uniqueNik())).toBe(404);
    expect(await lookupFrom('127.0.0.1', ref, uniqueNik())).toBe(429);
    // The family, from elsewhere, is not locked out by one guesser.
    expect(await lookupFrom('127.0.0.2', ref, body.claimant.nik)).toBe(200);
    // A fresh client gets one guess once the limit is reached.
    expect(await lookupFrom('127.0.0.3', ref, uniqueNik())).toBe(404);
    expect(await lookupFrom('127.0.0.3', ref, uniqueNik())).toBe(429);
    // 19 more clients: 30 wrong NIKs in all. Now nobody gets through until the window ends, the family included.
    for (let i = 10; i < 29; i += 1) expect(await lookupFrom(`127.0.0.${i}`, ref, uniqueNik())).toBe(404);
    expect(await lookupFrom('127.0.0.50', ref, uniqueNik())).toBe(429);
    expect(await lookupFrom('127.0.0.2', ref, body.claimant.nik)).toBe(429);
  });

  it('does not count the right NIK: a family may look at its claim as often as it likes', async () => {
    const body = validClaim();
    const ref = (await api.postJson('/claims', body)).json.reference as string;
    for (let i = 0; i < 15; i += 1) expect((await lookup(ref, body.claimant.nik)).status).toBe(200);
  });
});
