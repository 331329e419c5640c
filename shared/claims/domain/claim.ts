/** The claim vocabulary shared by intake, the workflow and the pages (see the handbook's api.md). */
import type { Benefit } from '../../reference-data/benefits';
import type { SchoolLevel } from './rules/scholarship';
import type { Tranche } from './tranche';

export { BENEFITS, type Benefit } from '../../reference-data/benefits';
export type { Tranche } from './tranche';

export const INCIDENT_TYPES = ['death', 'injury'] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

/** JKK causes come from the contract; JKM deaths are by definition not caused by work. */
export const JKK_CAUSES = ['work_accident', 'commute_accident', 'occupational_disease'] as const;
export const JKM_CAUSES = ['illness', 'non_work_accident', 'other'] as const;
export const INCIDENT_CAUSES = [...JKK_CAUSES, ...JKM_CAUSES] as const;
export type IncidentCause = (typeof INCIDENT_CAUSES)[number];

export const RELATIONSHIPS = [
  'self',
  'spouse',
  'child',
  'parent',
  'grandparent',
  'grandchild',
  'sibling',
  'parent_in_law',
  'appointed',
  /** A guardian (wali) filing and paid for a child heir under 17, who has no KTP or bank account. */
  'guardian',
  /** Whoever arranged the burial of a worker with no heirs: funeral costs only (PP 44/2015 art. 37(5)). */
  'funeral_arranger',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export const CLAIM_STATUSES = [
  'SUBMITTED',
  'VERIFYING',
  'NEEDS_DOCUMENTS',
  'AWAITING_APPROVAL',
  'APPROVED',
  'PAYING',
  'PAID',
  'PAYOUT_FAILED',
  'REJECTED',
  'WITHDRAWN',
  /** The family appealed the rejection (appeal.ts): a supervisor upholds it (verification again) or refuses it. */
  'APPEALED',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/**
 * The one table of claim-status groups: every rule that asks "is this claim still open?" reads it here.
 * - `verifiable`: the workflow's verification may (re)run the claim (a fresh claim, or one waiting for documents);
 * - `takesDocuments`: the family may still add documents (until a decision is taken);
 * - `open`: the workflow has work left (the twin resumes these after a restart);
 * - `final`: nothing happens any more;
 * - `blocking`: a claim here (an appealed one too: it holds its lock again while a supervisor decides) blocks a second claim for the same member and benefit (api.md: "open or paid");
 * - `takesTranches`: staff may request a further payment (a tranche), and the family may send proof of schooling.
 */
export const STATUS_GROUPS = {
  verifiable: ['SUBMITTED', 'VERIFYING', 'NEEDS_DOCUMENTS'],
  takesDocuments: ['SUBMITTED', 'VERIFYING', 'NEEDS_DOCUMENTS', 'AWAITING_APPROVAL'],
  open: ['SUBMITTED', 'VERIFYING', 'NEEDS_DOCUMENTS', 'AWAITING_APPROVAL', 'APPROVED', 'PAYING', 'PAYOUT_FAILED'],
  final: ['PAID', 'REJECTED', 'WITHDRAWN'],
  blocking: ['SUBMITTED', 'VERIFYING', 'NEEDS_DOCUMENTS', 'AWAITING_APPROVAL', 'APPROVED', 'PAYING', 'PAYOUT_FAILED', 'PAID', 'APPEALED'],
  /** A further payment (tranche.ts) may be requested: the first payment is approved, so its amount is final. */
  takesTranches: ['APPROVED', 'PAYING', 'PAYOUT_FAILED', 'PAID'],
} as const satisfies Record<string, readonly ClaimStatus[]>;
export type StatusGroup = keyof typeof STATUS_GROUPS;

export const inGroup = (status: ClaimStatus, group: StatusGroup): boolean =>
  (STATUS_GROUPS[group] as readonly ClaimStatus[]).includes(status);

export const DOCUMENT_TYPES = [
  'MEMBER_ID_CARD',
  'CLAIMANT_ID_CARD',
  'FAMILY_CARD',
  'DEATH_CERTIFICATE',
  'HEIR_CERTIFICATE',
  'BANK_BOOK',
  'MARRIAGE_CERTIFICATE',
  'ACCIDENT_REPORT',
  'MEDICAL_REPORT',
  'POLICE_REPORT',
  'RECEIPT',
  /** Proof that the claimant is the child heir's guardian (court order or family card: which one is NC). */
  'GUARDIAN_PROOF',
  /** The injured worker's power of attorney, when the spouse files for a worker who cannot act. */
  'POWER_OF_ATTORNEY',
  /** Proof of schooling for one school year (a scholarship tranche needs one for its year). */
  'SCHOOL_CERTIFICATE',
  'OTHER',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const UPLOAD_CONTENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type UploadContentType = (typeof UPLOAD_CONTENT_TYPES)[number];
/** Phones photograph documents at 1-4 MB; 5 MB leaves room without letting storage be abused. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** A presigned upload must start within this time; a weak connection gets a fresh one by asking again. */
export const UPLOAD_URL_TTL_SECONDS = 15 * 60;

export interface TimelineEntry {
  status: ClaimStatus;
  at: string;
  note?: string;
  /** A further payment's entry (`T2`, ...): `status` is then the tranche's status, not the claim's. */
  tranche?: string;
}

export interface ClaimDocument {
  type: DocumentType;
  uploadId: string;
  contentType: UploadContentType;
  size: number;
  key: string;
  /** SCHOOL_CERTIFICATE: the school year it proves (`2026/2027`). */
  schoolYear?: string;
}

export interface Claim {
  reference: string;
  status: ClaimStatus;
  benefit: Benefit;
  member: { nik: string; name: string };
  incident: { type: IncidentType; date: string; cause?: IncidentCause; description?: string };
  claimant: {
    nik: string;
    name: string;
    relationship: Relationship;
    phone?: string;
    email?: string;
    /** The child heir a guardian files for (relationship `guardian`). */
    ward?: { name: string; birthDate: string; nik?: string };
  };
  /**
   * The member's district (6-digit Kemendagri code) from the roster: set by verification once the member is found, or
   * at intake when a field coordinator files (their scope). Keys the coordinator's view of their districts' claims.
   */
  district?: string;
  /** A field coordinator filed the claim for the family (assisted filing); the family still gets every message. */
  filedBy?: { username: string; role: 'coordinator' };
  /** The heir's account, from the submission's `payout` object. */
  bankAccount: { bankCode: string; accountNumber: string; accountHolder: string };
  documents: ClaimDocument[];
  submittedAt: string;
  updatedAt: string;
  timeline: TimelineEntry[];
  missingDocuments: DocumentType[];
  /** Set by the workflow's verification: the benefit breakdown, flags and what approval the claim needs. */
  verification?: Verification;
  /** Approvals recorded so far (two-person rule: a second one by a different person when required). */
  approvals?: Approval[];
  /** The one task token the workflow is waiting on, if any (documents, decision or payout retry). */
  pendingTask?: PendingTask;
  /** Set when decided (api.md `decision`). */
  decision?: { outcome: 'approved' | 'rejected'; reasonCode?: string; reason?: string; decidedBy?: string; at?: string };
  /** Set when paid (api.md `payout` in the status JSON). */
  payment?: { amount: number; currency: 'IDR'; paidAt: string; components: { code: string; amount: number }[] };
  /** The children declared for the scholarship (submission, updated by each scholarship tranche). */
  children?: ScholarshipChild[];
  /** Further payments after the first (tranche.ts): more STMB months, a disability finding, a school year. */
  tranches?: Tranche[];
  /** NEEDS_DOCUMENTS: the claim is closed (`DOCUMENTS_EXPIRED`) if the documents are still missing at this time. */
  documentsDueBy?: string;
  /** Set when staff closed the claim before a decision (close-claim.ts): why, by whom, when. */
  closure?: { reasonCode: string; reason: string; by: string; at: string; note?: string };
  /** Corrections the family made to a rejected claim (reopening.ts), oldest first; each restarted verification. */
  corrections?: Correction[];
  /** The family's appeal against the rejection, and the supervisor's answer (reopening.ts). At most one per claim. */
  appeal?: Appeal;
  /**
   * How many times verification was restarted on this reference (a correction, an upheld appeal); each restart is its
   * own workflow execution, `<reference>-R<round>`. Absent: never restarted.
   */
  round?: number;
  /** Eligibility rejections a supervisor set aside by upholding an appeal: verification no longer rejects for them. */
  overriddenRejections?: string[];
  /** School years the family was reminded to send proof of schooling for (the yearly reminder runs once a year). */
  scholarshipReminded?: string[];
  /**
   * The version of the claim's status links (domain/status-link.ts): every link is signed with it, so raising it
   * (a supervisor revokes the links) makes every earlier link fail. Absent: 0.
   */
  linkVersion?: number;
  version: number;
}

/**
 * The keys a claim holds in the member-and-benefit partition: its claimant's open-claim lock (one open claim per
 * claimant, member and benefit) and, once approved, the payout reservation (one paid claim per member and benefit).
 */
export interface ClaimLocks {
  memberNik: string;
  benefit: Benefit;
  claimantNik: string;
}
export const locksOf = (claim: Pick<Claim, 'member' | 'benefit' | 'claimant'>): ClaimLocks => ({
  memberNik: claim.member.nik,
  benefit: claim.benefit,
  claimantNik: claim.claimant.nik,
});

/** One correction of a rejected claim: what the family changed (masked NIKs only), and the rejection it answered. */
export interface Correction {
  at: string;
  /** The rejection the correction answered. */
  reasonCode: string;
  /** The member as it was before, masked: the NIK's last 4 digits and the name. */
  before: { nikLast4: string; name: string };
  /** True when the member's NIK or name changed; documents added alone leave it false. */
  memberChanged: boolean;
  documentsAdded: number;
}

export interface Appeal {
  at: string;
  statement: string;
  /** The decision appealed against, as it stood. */
  against: { reasonCode?: string; reason?: string; decidedBy?: string; at?: string };
  documentsAdded: number;
  /** The supervisor's answer, once given. */
  outcome?: 'upheld' | 'refused';
  decidedBy?: string;
  decidedAt?: string;
  note?: string;
}

export interface ScholarshipChild {
  name: string;
  birthDate: string;
  /** The level the child attends this school year; null or absent when not in school. */
  schoolLevel?: SchoolLevel | null;
}

/** `COMPETING_CLAIM`: another claimant has an open claim for the same member and benefit; a supervisor decides. */
/** `APPEAL_UPHELD`: a supervisor upheld the family's appeal against a rejection; the claim is verified again and a supervisor approves. */
export const CLAIM_FLAGS = [
  'SPONSOR_ARREARS',
  'NAME_MISMATCH',
  'HEIR_ORDER_REVIEW',
  'ASSESSMENT_REQUIRED',
  'COMPETING_CLAIM',
  'APPEAL_UPHELD',
] as const;
export type ClaimFlag = (typeof CLAIM_FLAGS)[number];

export interface BenefitComponent {
  code: string;
  amount: number;
  basis?: string;
}

export interface Verification {
  checkedAt: string;
  memberName?: string;
  program?: string;
  flags: ClaimFlag[];
  benefit?: { ruleSet: string; total: number; currency: 'IDR'; components: BenefitComponent[]; scholarshipEligible: boolean };
  approval?: { level: 'approver' | 'supervisor'; secondApprovalRequired: boolean; deadline: string; escalateAt?: string };
  /** The other open claims for the same member and benefit, by other claimants (flag `COMPETING_CLAIM`). */
  competingClaims?: string[];
  /** JKK injury: the assessment staff entered (api.md `assessment`), who entered it, when, and the wage it used. */
  assessment?: Record<string, unknown> & { by: string; at: string; monthlyWage: number };
}

export interface Approval {
  by: string;
  role: string;
  at: string;
  note?: string;
}

export type PendingTaskKind = 'documents' | 'decision' | 'payout';
export interface PendingTask {
  kind: PendingTaskKind;
  token: string;
  since: string;
  /** Escalated to supervisors after the approval deadline passed. */
  escalated?: boolean;
}

/** One entry of a claim's audit trail. `details` are already masked: no NIK, account or phone in clear. */
export interface AuditEvent {
  type: string;
  at: string;
  actor: { kind: 'family' | 'staff' | 'system'; id?: string };
  details?: Record<string, unknown>;
}
