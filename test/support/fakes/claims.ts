/**
 * In-memory fakes of the claims ports, for use-case unit tests without services. They keep the contract the
 * DynamoDB adapters keep (conditional transitions, one open claim per member and benefit, idempotent creation),
 * so a use case tested here behaves the same against the real store (the integration tier checks that side).
 */
import {
  type BankRejectedError,
  BankUnavailableError,
  type ClaimDraft,
  type ClaimMessages,
  type ClaimPage,
  type ClaimStore,
  type ClaimWorkflow,
  type CreateClaimResult,
  type Disbursement,
  type DocumentStorage,
  type DraftStore,
  type IdempotencyInput,
  type LookupAdmission,
  type LookupAttempts,
  type MemberLookup,
  type Message,
  type Notifier,
  TaskTokenGoneError,
  type TransferReceipt,
  type TransferRequest,
  type Transition,
  type UploadRecord,
  type UploadRefusal,
  type UploadStore,
  UploadsRefusedError,
  type UploadUse,
} from '../../../shared/claims/application/ports';
import { statusLinks } from '../../../shared/claims/application/status-links';
import type { AuditEvent, Claim, ClaimStatus } from '../../../shared/claims/domain/claim';
import { inGroup } from '../../../shared/claims/domain/claim';
import {
  admitsLookup,
  DEFAULT_LOOKUP_LIMIT,
  type LookupLimitPolicy,
  lookupWindow,
  secondsLeftInWindow,
} from '../../../shared/claims/domain/lookup-limit';
import { claimMessagesWith } from '../../../shared/claims/web/notifications';
import { ConflictError, IdempotencyKeyReusedError } from '../../../shared/kernel/errors';
import type { Coverage, Member } from '../../../shared/premiums/domain/member';
import { pdf } from '../uploads';

const clone = <T>(value: T): T => structuredClone(value);

export class InMemoryClaimStore implements ClaimStore {
  readonly claims = new Map<string, Claim>();
  readonly audit = new Map<string, (AuditEvent & { sk: string })[]>();
  /** Open-claim locks by `<member>#<benefit>#<claimant>`, and payout reservations by `<member>#<benefit>`. */
  readonly locks = new Map<string, { reference: string; claimantNik: string }>();
  readonly payouts = new Map<string, { reference: string; state: 'reserved' | 'paid' }>();
  readonly idempotency = new Map<string, { requestHash: string; reference: string }>();

  /** With `uploads`, a claim's uploads are bound to it as the DynamoDB store binds them (same checks, same order). */
  constructor(private readonly uploads?: InMemoryUploads) {}

  async create(claim: Claim, audit: AuditEvent, idem?: IdempotencyInput): Promise<CreateClaimResult> {
    const idemKey = idem && `${idem.scope}#${idem.key}`;
    const previous = idemKey ? this.idempotency.get(idemKey) : undefined;
    if (previous) {
      if (previous.requestHash !== idem!.requestHash) throw new IdempotencyKeyReusedError();
      return { kind: 'replayed', reference: previous.reference };
    }
    const lockKey = `${claim.member.nik}#${claim.benefit}#${claim.claimant.nik}`;
    const lock = this.locks.get(lockKey);
    const payout = this.payouts.get(`${claim.member.nik}#${claim.benefit}`);
    if (lock || payout?.state === 'paid') {
      const holder = lock ?? { reference: payout!.reference };
      throw new ConflictError('DUPLICATE_CLAIM', 'An open or paid claim already exists for this member and benefit.', { ...holder });
    }
    const uses = claim.documents.map((d) => ({ uploadId: d.uploadId, type: d.type }));
    this.uploads?.checkUses(claim.reference, uses);
    if (this.claims.has(claim.reference)) return { kind: 'referenceTaken' };
    this.uploads?.bind(claim.reference, uses);
    this.claims.set(claim.reference, clone(claim));
    this.locks.set(lockKey, { reference: claim.reference, claimantNik: claim.claimant.nik });
    this.audit.set(claim.reference, [{ ...audit, sk: `AUDIT#${audit.at}#0001` }]);
    if (idemKey) this.idempotency.set(idemKey, { requestHash: idem!.requestHash, reference: claim.reference });
    return { kind: 'created' };
  }

  async get(reference: string): Promise<Claim | undefined> {
    const claim = this.claims.get(reference);
    return claim && clone(claim);
  }

  async transition(reference: string, change: Transition): Promise<Claim> {
    const claim = this.claims.get(reference);
    const tokenOk = change.expectToken === undefined || claim?.pendingTask?.token === change.expectToken;
    const versionOk = change.expectVersion === undefined || claim?.version === change.expectVersion;
    if (!claim || !change.from.includes(claim.status) || !tokenOk || !versionOk) {
      throw new ConflictError('CLAIM_STATE_CHANGED', `Claim ${reference} is no longer in the expected state (${change.from.join(', ')}).`);
    }
    if (change.reservePayout) {
      const held = this.payouts.get(`${change.reservePayout.memberNik}#${change.reservePayout.benefit}`);
      if (held && !(held.reference === reference && held.state === 'reserved'))
        throw new ConflictError('COMPETING_CLAIM_APPROVED', `Another claim (${held.reference}) is approved or paid.`, {
          reference: held.reference,
        });
    }
    if (change.takeLock) {
      const { memberNik, benefit, claimantNik } = change.takeLock;
      const lock = this.locks.get(`${memberNik}#${benefit}#${claimantNik}`);
      const payout = this.payouts.get(`${memberNik}#${benefit}`);
      if ((lock && lock.reference !== reference) || payout?.state === 'paid')
        throw new ConflictError('DUPLICATE_CLAIM', 'An open or paid claim already exists for this member and benefit.', {
          reference: lock?.reference ?? payout?.reference,
        });
    }
    if (change.markPaid) {
      const held = this.payouts.get(`${change.markPaid.memberNik}#${change.markPaid.benefit}`);
      if (held && held.reference !== reference) throw new ConflictError('CLAIM_STATE_CHANGED', 'payout held by another claim');
    }
    this.uploads?.checkUses(reference, change.useUploads ?? []);
    this.uploads?.bind(reference, change.useUploads ?? []);
    const next: Claim & Record<string, unknown> = { ...claim, version: claim.version + 1, updatedAt: change.at };
    if (change.to) next.status = change.to;
    if (change.timeline) next.timeline = [...claim.timeline, ...(Array.isArray(change.timeline) ? change.timeline : [change.timeline])];
    for (const [key, value] of Object.entries(change.set ?? {})) {
      if (value === undefined) delete next[key];
      else next[key] = clone(value);
    }
    this.claims.set(reference, next);
    const trail = this.audit.get(reference) ?? [];
    trail.push({ ...change.audit, sk: `AUDIT#${change.audit.at}#${String(trail.length + 1).padStart(4, '0')}` });
    this.audit.set(reference, trail);
    if (change.reservePayout)
      this.payouts.set(`${change.reservePayout.memberNik}#${change.reservePayout.benefit}`, { reference, state: 'reserved' });
    if (change.markPaid) this.payouts.set(`${change.markPaid.memberNik}#${change.markPaid.benefit}`, { reference, state: 'paid' });
    if (change.takeLock) {
      const { memberNik, benefit, claimantNik } = change.takeLock;
      this.locks.set(`${memberNik}#${benefit}#${claimantNik}`, { reference, claimantNik });
    }
    if (change.releaseLock) {
      const key = `${change.releaseLock.memberNik}#${change.releaseLock.benefit}#${change.releaseLock.claimantNik}`;
      if (this.locks.get(key)?.reference === reference) this.locks.delete(key);
    }
    return clone(next);
  }

  async listByStatus(status: ClaimStatus, limit: number): Promise<ClaimPage> {
    const items = [...this.claims.values()].filter((c) => c.status === status).sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
    return { items: items.slice(0, limit).map(clone) };
  }

  async listByDistrict(district: string, limit: number): Promise<ClaimPage> {
    const items = [...this.claims.values()]
      .filter((c) => c.district === district)
      .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
    return { items: items.slice(0, limit).map(clone) };
  }

  async openClaimsFor(memberNik: string, benefit: string) {
    return [...this.locks.entries()]
      .filter(([key]) => key.startsWith(`${memberNik}#${benefit}#`))
      .map(([, lock]) => ({ reference: lock.reference, claimantNik: lock.claimantNik }));
  }

  async auditTrail(reference: string) {
    return clone(this.audit.get(reference) ?? []);
  }

  async recordAudit(reference: string, event: AuditEvent): Promise<void> {
    const trail = this.audit.get(reference) ?? [];
    trail.push({ ...clone(event), sk: `AUDIT#${event.at}#${String(trail.length + 1).padStart(4, '0')}` });
    this.audit.set(reference, trail);
  }

  /** Test helper: the claims still holding their open-claim lock. */
  openLocks(): string[] {
    return [...this.locks.values()].map((l) => l.reference);
  }

  /** Test helper: a claim stored as-is (a state reached elsewhere). */
  put(claim: Claim): void {
    this.claims.set(claim.reference, clone(claim));
    if (inGroup(claim.status, 'blocking'))
      this.locks.set(`${claim.member.nik}#${claim.benefit}#${claim.claimant.nik}`, {
        reference: claim.reference,
        claimantNik: claim.claimant.nik,
      });
    if (['APPROVED', 'PAYING', 'PAYOUT_FAILED', 'PAID'].includes(claim.status))
      this.payouts.set(`${claim.member.nik}#${claim.benefit}`, {
        reference: claim.reference,
        state: claim.status === 'PAID' ? 'paid' : 'reserved',
      });
  }
}

export class InMemoryUploads implements UploadStore {
  readonly records = new Map<string, UploadRecord>();
  async put(record: UploadRecord) {
    if (this.records.has(record.uploadId)) throw new Error(`upload ${record.uploadId} exists`);
    this.records.set(record.uploadId, record);
  }
  async getMany(ids: readonly string[]) {
    return new Map(ids.flatMap((id) => (this.records.has(id) ? [[id, clone(this.records.get(id)!)] as const] : [])));
  }
  /** The conditions of the store's binding: the record exists, of this type, and belongs to no claim or to this one. */
  checkUses(reference: string, uses: readonly UploadUse[]) {
    const refused = uses.flatMap((use) => {
      const record = this.records.get(use.uploadId);
      const reason: UploadRefusal | undefined = !record
        ? 'notFound'
        : record.type !== use.type
          ? 'typeMismatch'
          : record.claimReference !== undefined && record.claimReference !== reference
            ? 'alreadyUsed'
            : undefined;
      return reason ? [{ uploadId: use.uploadId, reason }] : [];
    });
    if (refused.length) throw new UploadsRefusedError(refused);
  }
  bind(reference: string, uses: readonly UploadUse[]) {
    for (const use of uses) {
      const { expiresAt: _gone, ...record } = this.records.get(use.uploadId)!;
      this.records.set(use.uploadId, { ...record, claimReference: reference });
    }
  }
}

export class InMemoryDocuments implements DocumentStorage {
  readonly objects = new Map<string, { size: number; contentType?: string; head: Uint8Array }>();
  async stat(key: string) {
    return this.objects.get(key);
  }
  /** Test helper: an object as storage keeps it (its size, its content type if any, its first bytes). */
  store(key: string, bytes: Uint8Array, contentType?: string) {
    this.objects.set(key, { size: bytes.length, ...(contentType === undefined ? {} : { contentType }), head: bytes.slice(0, 16) });
  }
}

/**
 * Reserves uploads as POST /uploads does and stores their bytes, as a family's phone would: `upload(type)` returns a
 * finished upload's id (a PDF of 2 KB, unless the test stores other bytes itself).
 */
export const uploader = (uploads: InMemoryUploads, documents: InMemoryDocuments) => {
  let n = 0;
  return async (type: string, size = 2048): Promise<string> => {
    n += 1;
    const uploadId = `up_${`${type.toLowerCase()}${n}`.padEnd(22, 'x').slice(0, 22)}`;
    await uploads.put({
      uploadId,
      type: type as never,
      contentType: 'application/pdf',
      declaredSize: size,
      key: `uploads/${uploadId}`,
      createdAt: '2026-11-30T10:00:00+07:00',
      expiresAt: 1_900_000_000,
    });
    documents.store(`uploads/${uploadId}`, pdf(size), 'application/pdf');
    return uploadId;
  };
};

/** Records starts and answers; `goneTokens` answer as a token nobody waits on any more. */
export class RecordingWorkflow implements ClaimWorkflow {
  readonly started: { reference: string; baseUrl: string; tranche?: string; round?: number }[] = [];
  readonly answers: { token: string; output: Record<string, unknown> }[] = [];
  readonly goneTokens = new Set<string>();
  failStart = false;
  async start(reference: string, baseUrl: string, tranche?: string) {
    if (this.failStart) throw new Error('Step Functions unavailable');
    const again = this.started.some((s) => s.reference === reference && s.tranche === tranche);
    this.started.push({ reference, baseUrl, ...(tranche ? { tranche } : {}) });
    return again ? ('already-started' as const) : ('started' as const);
  }
  async restart(reference: string, baseUrl: string, round: number) {
    if (this.failStart) throw new Error('Step Functions unavailable');
    const again = this.started.some((s) => s.reference === reference && s.round === round);
    this.started.push({ reference, baseUrl, round });
    return again ? ('already-started' as const) : ('started' as const);
  }
  async succeed(token: string, output: Record<string, unknown>) {
    if (this.goneTokens.has(token)) throw new TaskTokenGoneError(token);
    this.answers.push({ token, output });
  }
}

export class InMemoryDrafts implements DraftStore {
  readonly drafts = new Map<string, ClaimDraft>();
  async save(draft: ClaimDraft) {
    this.drafts.set(`${draft.username}#${draft.id}`, clone(draft));
  }
  async get(username: string, id: string) {
    const draft = this.drafts.get(`${username}#${id}`);
    return draft && clone(draft);
  }
  async list(username: string) {
    return [...this.drafts.values()]
      .filter((d) => d.username === username)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
      .map(clone);
  }
  async remove(username: string, id: string) {
    this.drafts.delete(`${username}#${id}`);
  }
}

export class InMemoryMembers implements MemberLookup {
  readonly members = new Map<string, Member>();
  readonly coverage = new Map<string, Coverage>();
  async getWithCoverage(nik: string, period: string) {
    return { member: this.members.get(nik), coverage: this.coverage.get(`${nik}#${period}`) };
  }
  add(member: Member, coverage: Coverage[] = []) {
    this.members.set(member.nik, member);
    for (const c of coverage) this.coverage.set(`${c.nik}#${c.period}`, c);
  }
}

/**
 * A bank that keeps the contract of the real one: the reference is the idempotency key, so a second transfer for
 * a reference returns the first. `failures` are thrown first, one per call (after the money moved, for 'lostReply').
 */
export class FakeBank implements Disbursement {
  readonly transfers = new Map<string, TransferReceipt & { request: TransferRequest }>();
  calls = 0;
  readonly failures: ('unavailable' | 'lostReply' | BankRejectedError)[] = [];
  async transfer(request: TransferRequest): Promise<TransferReceipt> {
    this.calls += 1;
    const failure = this.failures.shift();
    if (failure === 'unavailable') throw new BankUnavailableError('bank down');
    if (failure && failure !== 'lostReply') throw failure;
    const existing = this.transfers.get(request.reference);
    const receipt = existing ?? {
      transferId: `T-${this.transfers.size + 1}`,
      status: 'COMPLETED' as const,
      amount: request.amount,
      completedAt: '2026-11-30T10:00:00+07:00',
      request,
    };
    this.transfers.set(request.reference, receipt);
    if (failure === 'lostReply') throw new BankUnavailableError('timeout after the transfer');
    return receipt;
  }
}

export class RecordingNotifier implements Notifier {
  readonly emails: { to: string[]; message: Message }[] = [];
  readonly texts: { phone: string; text: string }[] = [];
  async email(to: readonly string[], pending: Message | Promise<Message>) {
    const message = await pending;
    const recipients = to.filter(Boolean);
    if (recipients.length) this.emails.push({ to: recipients, message });
    return recipients.length > 0;
  }
  async sms(phone: string | undefined, pending: string | Promise<string>) {
    const text = await pending;
    if (phone) this.texts.push({ phone, text });
    return phone !== undefined;
  }
}

/** A status link key for tests (the product's comes from Secrets Manager). */
export const TEST_LINK_KEYS = async () => ['test-status-link-key-of-at-least-32-chars'];
/** The real message texts, with status links signed by the test key. */
export const messages: ClaimMessages = claimMessagesWith(statusLinks({ keys: TEST_LINK_KEYS, ttlDays: 90 }));

export const STAFF_EMAILS = {
  approver: ['approver@test'],
  supervisor: ['supervisor@test'],
  finance: ['finance@test'],
  admin: ['admin@test'],
};

/** The lookup counters in memory: the same rule as the DynamoDB condition (admitsLookup), one window per key. */
export class InMemoryLookupAttempts implements LookupAttempts {
  readonly windows = new Map<string, { failures: number; clients: Set<string> }>();

  constructor(readonly policy: LookupLimitPolicy = DEFAULT_LOOKUP_LIMIT) {}

  async begin(reference: string, client: string, at: Date): Promise<LookupAdmission> {
    const { start } = lookupWindow(at, this.policy.windowSeconds);
    const key = `${reference}#${start}`;
    const state = this.windows.get(key) ?? { failures: 0, clients: new Set<string>() };
    if (!admitsLookup(state, client, this.policy))
      return { admitted: false, retryAfterSeconds: secondsLeftInWindow(at, this.policy.windowSeconds) };
    state.failures += 1;
    state.clients.add(client);
    this.windows.set(key, state);
    return { admitted: true, window: start };
  }

  async succeeded(reference: string, client: string, window: number): Promise<void> {
    const state = this.windows.get(`${reference}#${window}`);
    if (!state) return;
    state.failures -= 1;
    state.clients.delete(client);
  }
}
