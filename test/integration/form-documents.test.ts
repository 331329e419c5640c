import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { DOCUMENT_TYPES } from '../../shared/claims/domain/claim';
import { requiredDocuments } from '../../shared/claims/domain/rules/documents';
import { documentClient } from '../../shared/platform/dynamodb/client';
import { type Api, startApi } from '../support/api';
import { toForm, uniqueNik, validClaim } from '../support/fixtures';
import { pdf, uploadDocument } from '../support/uploads';

/**
 * The claim form with required documents missing: the form comes back asking to confirm (values and sent files kept,
 * nothing stored); confirmed, the claim is filed once, however often the page is sent. JSON clients are not asked.
 */
let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.stop();
});

const claimsForMember = async (nik: string) =>
  (
    await documentClient.send(
      new ScanCommand({
        TableName: process.env.CLAIMS_TABLE_NAME!,
        FilterExpression: 'entity = :e AND #m.nik = :nik',
        ExpressionAttributeNames: { '#m': 'member' },
        ExpressionAttributeValues: { ':e': 'CLAIM', ':nik': nik },
      }),
    )
  ).Items ?? [];
const post = (form: URLSearchParams) =>
  api.call('POST', '/claims', { body: form, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' } });
const NEEDED = requiredDocuments({ benefit: 'JKM', incidentType: 'death', relationship: 'spouse', cause: 'illness' });

/** The form as the page posts it: a row for each document the script sent a file for, at its place in the form. */
const formWith = async (body: Record<string, unknown>, sent: string[]) => {
  const form = toForm(body);
  for (const type of sent) {
    const i = DOCUMENT_TYPES.indexOf(type as (typeof DOCUMENT_TYPES)[number]);
    form.append(`documents[${i}].type`, type);
    form.append(`documents[${i}].uploadId`, await uploadDocument(api, type, pdf(1024)));
  }
  return form;
};

describe('a form post with required documents missing', () => {
  it('gets the form back asking to confirm, with values and files kept; confirmed, the claim is filed once', async () => {
    // Arrange
    const body = validClaim((b) => delete b.documents);
    const sent = ['MEMBER_ID_CARD', 'DEATH_CERTIFICATE'];
    const form = await formWith({ ...body, _idempotencyKey: `form-${uniqueNik()}` }, sent);

    // Act
    const asked = await post(form);

    // Assert: a question, not an error, and nothing stored.
    expect(asked.status).toBe(200);
    expect(asked.headers.get('content-type')).toContain('text/html');
    const missing = NEEDED.filter((d) => !sent.includes(d));
    const listed = [...asked.text.matchAll(/<li><a href="#doc-(\w+)">/g)].map((m) => m[1]);
    expect(listed).toEqual(DOCUMENT_TYPES.filter((d) => missing.includes(d)));
    expect(asked.text).toContain('<input type="checkbox" name="_documentsLater" value="1">');
    expect(asked.text).toContain(`value="${body.claimant.nik}"`);
    for (const type of sent) {
      const i = DOCUMENT_TYPES.indexOf(type as (typeof DOCUMENT_TYPES)[number]);
      expect(asked.text).toContain(`<input type="hidden" name="documents[${i}].uploadId" value="${form.get(`documents[${i}].uploadId`)}">`);
    }
    expect(await claimsForMember(body.member.nik)).toHaveLength(0);

    // Act: the family checks the box and sends the page again; then the browser resends it (refresh).
    form.set('_documentsLater', '1');
    const filed = await post(form);
    const again = await post(form);

    // Assert
    expect(filed.status).toBe(303);
    expect(filed.headers.get('location')).toMatch(/^\/claims\/SNT-\d{4}-[A-Z0-9]{6}\?/);
    expect(again.headers.get('location')).toBe(filed.headers.get('location'));
    const stored = await claimsForMember(body.member.nik);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.documents.map((d: { type: string }) => d.type)).toEqual(sent);
    expect(stored[0]!.missingDocuments).toEqual(missing);
  });

  it('is filed at once when nothing required is missing', async () => {
    const body = validClaim((b) => delete b.documents);
    const res = await post(await formWith(body, NEEDED));
    expect(res.status).toBe(303);
    expect(await claimsForMember(body.member.nik)).toHaveLength(1);
  });

  it('stays as api.md says for JSON: filed without documents, no question', async () => {
    const res = await api.postJson(
      '/claims',
      validClaim((b) => (b.documents = [])),
    );
    expect(res.status).toBe(201);
    expect(res.json.missingDocuments).toEqual(NEEDED);
  });

  it('refuses, beside the field, a cause of the other benefit (the page without JavaScript shows both groups)', async () => {
    const res = await post(toForm(validClaim((b) => (b.incident.cause = 'work_accident'))));
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/<p class="err" id="f-incident-cause-err">Kematian karena kerja diajukan sebagai JKK\.<\/p>/);
  });
});
