import { revokeStatusLinks } from '../../../shared/claims/application/approval/revoke-links';
import { findClaimOfClaimant } from '../../../shared/claims/application/intake/find-claim';
import { submitClaim } from '../../../shared/claims/application/intake/submit-claim';
import { statusLinks } from '../../../shared/claims/application/status-links';
import { claimSubmissionSchema } from '../../../shared/claims/schemas/claim';
import { ForbiddenError, NotFoundError } from '../../../shared/kernel/errors';
import { validate } from '../../../shared/kernel/validate';
import {
  InMemoryClaimStore,
  InMemoryDocuments,
  InMemoryLookupAttempts,
  InMemoryUploads,
  messages,
  RecordingNotifier,
  RecordingWorkflow,
  TEST_LINK_KEYS,
} from '../../support/fakes/claims';
import { validClaim } from '../../support/fixtures';

/**
 * A supervisor revokes a claim's status links (issue 8, deliverable 4): every link sent before stops opening the
 * page at once (the claim's link version goes up), the change is audited, and the family gets a new link by email
 * and SMS. The NIK typed by hand keeps working.
 */
const baseUrl = 'https://santunan.test';
const setup = () => {
  const uploads = new InMemoryUploads();
  const claims = new InMemoryClaimStore(uploads);
  const notifier = new RecordingNotifier();
  const attempts = new InMemoryLookupAttempts();
  const links = statusLinks({ keys: TEST_LINK_KEYS, ttlDays: 90 });
  const deps = {
    claims,
    uploads,
    documents: new InMemoryDocuments(),
    workflow: new RecordingWorkflow(),
    notifier,
    messages,
    attempts,
    links,
  };
  return { ...deps, deps };
};
const supervisor = { username: 'sri', roles: ['supervisor' as const] };
const tokenIn = (text: string) => /\?t=([0-9a-z]+[A-Za-z0-9_-]{16})/.exec(text)?.[1];

describe('revokeStatusLinks', () => {
  it('raises the link version so earlier links open nothing, audits it, and sends the family a new link', async () => {
    const t = setup();
    const body = validate(claimSubmissionSchema, validClaim());
    const { reference } = await submitClaim(t.deps, body, { channel: 'api', baseUrl });
    const before = (await t.claims.get(reference))!;
    const old = tokenIn((await t.links.link(before, baseUrl)).url)!;
    const lookup = (token: string) => findClaimOfClaimant(t.deps, { reference, token, sourceIp: '198.51.100.7' });
    expect(await lookup(old)).toMatchObject({ reference });

    const out = await revokeStatusLinks(t.deps, reference, supervisor, { note: 'Ponsel keluarga hilang' }, baseUrl);
    expect(out).toMatchObject({ reference, linkVersion: 1 });
    expect(await lookup(old)).toBeUndefined();
    const audit = await t.claims.auditTrail(reference);
    expect(audit.at(-1)).toMatchObject({
      type: 'STATUS_LINKS_REVOKED',
      actor: { kind: 'staff', id: 'sri' },
      details: { linkVersion: 1, note: 'Ponsel keluarga hilang' },
    });
    // The new link, by email and SMS, opens the page; the status and everything else are unchanged.
    const email = t.notifier.emails.at(-1)!;
    expect(email.to).toEqual([body.claimant.email]);
    expect(email.message.subject).toBe(`Klaim ${reference}: tautan status yang baru`);
    const fresh = tokenIn(email.message.text)!;
    expect(fresh).not.toBe(old);
    expect(await lookup(fresh)).toMatchObject({ reference, status: before.status });
    expect(tokenIn(t.notifier.texts.at(-1)!.text)).toBe(fresh);
    expect(await findClaimOfClaimant(t.deps, { reference, nik: body.claimant.nik, sourceIp: '198.51.100.7' })).toMatchObject({ reference });
  });

  it('checks the role before reading anything, and answers an unknown claim as not found', async () => {
    const t = setup();
    const verifier = { username: 'vera', roles: ['verifier' as const] };
    await expect(revokeStatusLinks(t.deps, 'SNT-2026-BCDFGH', verifier, {}, baseUrl)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(revokeStatusLinks(t.deps, 'SNT-2026-BCDFGH', supervisor, {}, baseUrl)).rejects.toBeInstanceOf(NotFoundError);
  });
});
