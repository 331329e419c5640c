/**
 * The ports of the claims use cases: what a use case needs from the world, as small interfaces. Adapters
 * (shared/claims/adapters: DynamoDB, S3, Step Functions, the bank) implement them; the composition root
 * (shared/composition) builds the adapters; unit tests pass in-memory fakes (test/support/fakes).
 */
import type { Message, Notifier } from '../../kernel/notifier';
import type { Coverage, Member } from '../../premiums/domain/member';
import type { AuditEvent, Claim, ClaimLocks, ClaimStatus, DocumentType, TimelineEntry, Tranche, UploadContentType } from '../domain/claim';

export type { Message, Notifier };

// --- Claims and their audit trail -----------------------------------------------------------------------------

/** A state change of a claim: one conditional write on the expected status (and task token) with its audit event. */
export interface Transition {
  from: readonly ClaimStatus[];
  to?: ClaimStatus;
  at: string;
  /** Attributes to set; `undefined` removes the attribute. */
  set?: Record<string, unknown>;
  /** The pending task token this change answers: a change for a superseded token fails. */
  expectToken?: string;
  /** The claim's version as read: any change since fails (a tranche is rewritten from the claim it was read from). */
  expectVersion?: number;
  timeline?: TimelineEntry | TimelineEntry[];
  audit: AuditEvent;
  /**
   * Takes the claimant's open-claim lock again for a reopened claim (a correction, an appeal): refused with ConflictError
   * `DUPLICATE_CLAIM` when the claimant has another open claim for the member and benefit or one was paid; nothing is
   * written then. Idempotent for this claim's own lock.
   */
  takeLock?: ClaimLocks;
  /** Releases this claim's open-claim lock (it closed without payment, so it never held the payout reservation). */
  releaseLock?: ClaimLocks;
  /**
   * Reserves the member and benefit's one payout for this claim (approval, and again before the bank is called):
   * held by another claim, the change fails with ConflictError `COMPETING_CLAIM_APPROVED` and nothing is written.
   */
  reservePayout?: ClaimLocks;
  /** The claim is paid: its reservation becomes `paid`, so every later claim for the member and benefit is a DUPLICATE_CLAIM. */
  markPaid?: ClaimLocks;
  /** Uploads the claim takes as documents, bound to it in the same write (see UploadUse). */
  useUploads?: UploadUse[];
}

/**
 * What an idempotent submission stores besides the claim: the key, the hash of the request, and (written by the
 * store) the claim reference. A replay renders the response again from the reference; no HTTP response is stored.
 */
export interface IdempotencyInput {
  scope: string;
  key: string;
  requestHash: string;
  ttlSeconds: number;
}

export type CreateClaimResult =
  | { kind: 'created' }
  /** The same key and request came before: the claim it created. */
  | { kind: 'replayed'; reference: string }
  /** The drawn reference exists already (one in hundreds of millions): draw another. */
  | { kind: 'referenceTaken' };

export interface ClaimPage {
  items: Claim[];
  /** Opaque cursor for the next page, absent on the last page. */
  next?: Record<string, unknown>;
}

export interface ClaimStore {
  /**
   * Stores a new claim, its claimant's open-claim lock, its first audit event and the idempotency record at once (all
   * or nothing), and binds the uploads of its documents to it. A replay of the same key and request answers first;
   * then a second open claim by the same claimant for the member and benefit, or any claim once one was paid, is a
   * ConflictError `DUPLICATE_CLAIM`; a key reused with another request is IdempotencyKeyReusedError; an upload another
   * claim has is UploadsRefusedError.
   */
  create(claim: Claim, audit: AuditEvent, idempotency?: IdempotencyInput): Promise<CreateClaimResult>;
  /** Strongly consistent. */
  get(reference: string): Promise<Claim | undefined>;
  /**
   * A lost race (status or token changed) is a ConflictError `CLAIM_STATE_CHANGED`; an upload in `useUploads` that
   * cannot be bound to this claim is UploadsRefusedError. Returns the claim after it.
   */
  transition(reference: string, change: Transition): Promise<Claim>;
  /** Claims in one status, newest first (or oldest first: `order` 'oldest'). */
  listByStatus(status: ClaimStatus, limit: number, cursor?: Record<string, unknown>, order?: 'newest' | 'oldest'): Promise<ClaimPage>;
  /** A member district's claims, newest first (a coordinator's view). */
  listByDistrict(district: string, limit: number, cursor?: Record<string, unknown>): Promise<ClaimPage>;
  /** The claims holding an open-claim lock for a member and benefit (open or paid), one per claimant. */
  openClaimsFor(memberNik: string, benefit: string): Promise<{ reference: string; claimantNik: string }[]>;
  /** Oldest first. */
  auditTrail(reference: string): Promise<(AuditEvent & { sk: string })[]>;
  /**
   * One audit event that changes nothing else (a staff member viewed a document): a new item, never an update of
   * one. Its `details` must already be masked.
   */
  recordAudit(reference: string, event: AuditEvent): Promise<void>;
}

/** The staff console's reads of claims: queues of every status, their counts, and the claims of a NIK. */
export interface ClaimQueues extends Pick<ClaimStore, 'get' | 'listByStatus'> {
  /** Claims of the given statuses, newest first, `limit` at a time; `before` is the `next` of the page before. */
  listAll(statuses: readonly ClaimStatus[], limit: number, before?: string): Promise<{ items: Claim[]; next?: string }>;
  /** Claims in a status, counted up to `cap` (`capped`: at least that many). */
  countByStatus(status: ClaimStatus, cap: number): Promise<{ count: number; capped: boolean }>;
  /** Claims whose member or claimant has this NIK, newest first, each with the part the NIK has in it. */
  claimsByNik(nik: string, limit: number): Promise<{ claim: Claim; as: ('member' | 'claimant')[] }[]>;
}

// --- A field coordinator's drafts (assisted filing) --------------------------------------------------------------

/** A claim form a coordinator saved before it was complete: what was typed, as the nested body. */
export interface ClaimDraft {
  id: string;
  username: string;
  values: Record<string, unknown>;
  /** For the list: the member's name as typed, or empty. */
  label: string;
  updatedAt: string;
}

export interface DraftStore {
  /** Creates or replaces the draft (only its owner's partition is ever written). */
  save(draft: ClaimDraft): Promise<void>;
  get(username: string, id: string): Promise<ClaimDraft | undefined>;
  /** The owner's drafts, most recently saved first. */
  list(username: string): Promise<ClaimDraft[]>;
  remove(username: string, id: string): Promise<void>;
}

// --- Wrong claimant NIKs per reference (domain/lookup-limit.ts) ---------------------------------------------------

export type LookupAdmission =
  /** The attempt is counted as a failure until `succeeded` takes it back; `window` names the window it counts in. */
  { admitted: true; window: number } | { admitted: false; retryAfterSeconds: number };

export interface LookupAttempts {
  /**
   * Before a NIK is compared: admits the attempt and counts it as a failure in one atomic step, or refuses it when
   * the reference's window has no room for this client. Counting first means concurrent guesses cannot all pass.
   */
  begin(reference: string, client: string, at: Date): Promise<LookupAdmission>;
  /** The NIK was right: the attempt is taken back and the client no longer counts among those that failed. */
  succeeded(reference: string, client: string, window: number): Promise<void>;
}

// --- Uploads and documents ------------------------------------------------------------------------------------

export interface UploadRecord {
  uploadId: string;
  type: DocumentType;
  contentType: UploadContentType;
  declaredSize: number;
  key: string;
  createdAt: string;
  /** Epoch seconds; records never attached to a claim expire. Removed when a claim takes the upload. */
  expiresAt?: number;
  /** The claim the upload belongs to, set by the first claim that uses it; no other claim can use it after. */
  claimReference?: string;
}

/**
 * A claim's use of an upload. The first use binds the upload to the claim, in the claim's own write: the upload
 * record must exist, be of this document type, and belong to no claim or to this one.
 */
export interface UploadUse {
  uploadId: string;
  type: DocumentType;
}

export type UploadRefusal = 'alreadyUsed' | 'notFound' | 'typeMismatch';

/** Some uploads could not be bound to the claim (nothing was written): each with why. */
export class UploadsRefusedError extends Error {
  override name = 'UploadsRefusedError';
  constructor(readonly refused: readonly { uploadId: string; reason: UploadRefusal }[]) {
    super(`Uploads not usable by this claim: ${refused.map((r) => `${r.uploadId} (${r.reason})`).join(', ')}`);
  }
}

export interface UploadStore {
  put(record: UploadRecord): Promise<void>;
  getMany(uploadIds: readonly string[]): Promise<Map<string, UploadRecord>>;
}

/** What intake learns about a stored object without downloading it. */
export interface StoredObject {
  size: number;
  /** As stored; absent when storage has none. */
  contentType?: string;
  /** The object's first bytes (UPLOAD_HEAD_BYTES, fewer for a smaller object), for its file signature. */
  head: Uint8Array;
}

/** The private documents storage, as intake sees it. */
export interface DocumentStorage {
  /** Size, type and first bytes of a stored object, or undefined when it does not exist (an upload never finished). */
  stat(key: string): Promise<StoredObject | undefined>;
}

/** Short-lived links to read a stored document in the browser (a presigned GET on the private bucket). */
export interface DocumentLinks {
  /** A GET URL valid for `expiresSeconds`, answering with `contentType` and `Content-Disposition: inline`. */
  viewUrl(key: string, contentType: string, expiresSeconds: number): Promise<string>;
}

export interface PresignedUpload {
  url: string;
  fields: Record<string, string>;
}

/** Hands out a direct upload to storage, limited to one key, one content type and a size range. */
export interface UploadSigner {
  presign(key: string, contentType: string, maxBytes: number, expiresSeconds: number): Promise<PresignedUpload>;
}

// --- The claim workflow ---------------------------------------------------------------------------------------

/** The task token is no longer waited on (timed out, already answered, or the execution ended). */
export class TaskTokenGoneError extends Error {
  override name = 'TaskTokenGoneError';
}

export interface ClaimWorkflow {
  /**
   * Starts the claim's execution, named by its reference (a tranche's: `<reference>-T2`, with the tranche id in its
   * input); a second start for one claim or tranche duplicates nothing.
   */
  start(reference: string, baseUrl: string, tranche?: string): Promise<'started' | 'already-started'>;
  /**
   * Starts verification again for a reopened claim (a correction, an upheld appeal), as execution `<reference>-R<round>`
   * with the first run's input; a second start for one round duplicates nothing.
   */
  restart(reference: string, baseUrl: string, round: number): Promise<'started' | 'already-started'>;
  /** Answers a waiting task; TaskTokenGoneError when nobody waits on the token any more. */
  succeed(token: string, output: Record<string, unknown>): Promise<void>;
}

// --- The roster, as verification reads it ---------------------------------------------------------------------

export interface MemberLookup {
  /** The member and the coverage of one month, strongly consistent; a throttled read throws, never "no member". */
  getWithCoverage(nik: string, period: string): Promise<{ member?: Member; coverage?: Coverage }>;
}

// --- The disbursement bank ------------------------------------------------------------------------------------

/** Timeouts, 5xx and network failures: the transfer may be retried (with the same idempotency key). */
export class BankUnavailableError extends Error {
  override name = 'BankUnavailableError';
}

/** The bank refused the transfer (closed account, name mismatch...): retrying the same request cannot help. */
export class BankRejectedError extends Error {
  override name = 'BankRejectedError';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export interface TransferRequest {
  /** The idempotency key of the transfer: the bank returns the first transfer for a key it has seen. */
  reference: string;
  bankCode: string;
  accountNumber: string;
  accountHolder: string;
  amount: number;
}

export interface TransferReceipt {
  transferId: string;
  status: 'COMPLETED';
  amount: number;
  completedAt: string;
}

export interface Disbursement {
  transfer(request: TransferRequest): Promise<TransferReceipt>;
}

// --- What people are told -------------------------------------------------------------------------------------

/**
 * The texts of every claim notification (the adapter renders them from the templates and the message catalogue).
 * Family messages carry the private status link, which needs the link key: they are built asynchronously, and the
 * notifier sends each once built. `reminder`: the claim was already waiting for documents (a reminder, not the first ask).
 */
export interface ClaimMessages {
  family: {
    needsDocuments(claim: Claim, missing: readonly DocumentType[], baseUrl: string, opts?: { reminder?: boolean }): Promise<Message>;
    awaitingApproval(claim: Claim, baseUrl: string): Promise<Message>;
    rejected(claim: Claim, reason: string, baseUrl: string): Promise<Message>;
    paid(claim: Claim, amount: number, baseUrl: string): Promise<Message>;
    payoutDelayed(claim: Claim, baseUrl: string): Promise<Message>;
    /** The earlier status links were revoked: the new one. */
    linksRevoked(claim: Claim, baseUrl: string): Promise<Message>;
  };
  sms: {
    needsDocuments(claim: Claim, baseUrl: string, opts?: { reminder?: boolean }): Promise<string>;
    awaitingApproval(claim: Claim, baseUrl: string): Promise<string>;
    rejected(claim: Claim, baseUrl: string): Promise<string>;
    paid(claim: Claim, amount: number, baseUrl: string): Promise<string>;
    payoutDelayed(claim: Claim, baseUrl: string): Promise<string>;
    linksRevoked(claim: Claim, baseUrl: string): Promise<string>;
  };
  staff: {
    decisionNeeded(claim: Claim, baseUrl: string, opts: { escalated: boolean; secondApproval: boolean }): Message;
    payoutFailed(claim: Claim, error: string, baseUrl: string): Message;
    workflowFailed(reference: string, error: string, baseUrl: string): Message;
  };
  /** An appeal against a rejection: received, upheld, refused (the family), and filed (the supervisors). */
  appeals: {
    family: {
      received(claim: Claim, baseUrl: string): Promise<Message>;
      upheld(claim: Claim, baseUrl: string): Promise<Message>;
      refused(claim: Claim, baseUrl: string): Promise<Message>;
    };
    sms: {
      received(claim: Claim, baseUrl: string): Promise<string>;
      upheld(claim: Claim, baseUrl: string): Promise<string>;
      refused(claim: Claim, baseUrl: string): Promise<string>;
    };
    staff: { filed(claim: Claim, baseUrl: string): Message };
  };
  /** Further payments (tranches) and the yearly scholarship reminder. */
  tranches: {
    family: {
      requested(claim: Claim, tranche: Tranche, baseUrl: string): Promise<Message>;
      rejected(claim: Claim, tranche: Tranche, reason: string, baseUrl: string): Promise<Message>;
      paid(claim: Claim, tranche: Tranche, baseUrl: string): Promise<Message>;
      scholarshipReminder(claim: Claim, schoolYear: string, baseUrl: string): Promise<Message>;
    };
    sms: {
      requested(claim: Claim, tranche: Tranche, baseUrl: string): Promise<string>;
      rejected(claim: Claim, tranche: Tranche, baseUrl: string): Promise<string>;
      paid(claim: Claim, tranche: Tranche, baseUrl: string): Promise<string>;
      scholarshipReminder(claim: Claim, schoolYear: string, baseUrl: string): Promise<string>;
    };
    staff: {
      decisionNeeded(claim: Claim, tranche: Tranche, baseUrl: string, opts: { escalated: boolean; secondApproval: boolean }): Message;
    };
  };
}

/** Staff mailing lists by role. */
export interface StaffEmails {
  approver: string[];
  supervisor: string[];
  finance: string[];
  admin: string[];
}

/** The keys that sign status links (domain/status-link.ts), newest first: a secret, read once per cold start. */
export type StatusLinkKeys = () => Promise<readonly string[]>;
