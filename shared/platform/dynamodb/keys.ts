/**
 * Every DynamoDB key the product writes, in one place (docs/data-model.md lists the access patterns).
 * Claims table: claims, their audit trail, open-claim locks, idempotency records, uploads and lookup counters.
 * Members table: roster members (and, later, coverage and the premium ledger).
 */
export const claimKeys = {
  claim: (reference: string) => ({ pk: `CLAIM#${reference}`, sk: 'CLAIM' }),
  /**
   * A claim's audit events have a partition of their own, `AUDIT#<reference>`: every runtime role is denied updating or
   * deleting any item whose partition key starts with `AUDIT#` (an IAM condition on dynamodb:LeadingKeys, see
   * infra/constructs/santunan-function.ts), so the trail is append-only. Each Put also carries attribute_not_exists(pk).
   */
  audit: (reference: string, at: string, seq: number | string) => ({
    pk: claimKeys.auditPartition(reference),
    sk: `AUDIT#${at}#${String(seq).padStart(4, '0')}`,
  }),
  auditPartition: (reference: string) => `AUDIT#${reference}`,
  /**
   * The member-and-benefit partition: every claimant's open claim (`CLAIMANT#<nik>`; a second Put with
   * attribute_not_exists fails, so one open claim per claimant) and the payout reservation (`PAYOUT`: the one claim
   * of this member and benefit that may be paid, `state` reserved then paid). Competing claims are one Query.
   */
  memberBenefit: (memberNik: string, benefit: string) => `OPEN#${memberNik}#${benefit}`,
  claimantLock: (memberNik: string, benefit: string, claimantNik: string) => ({
    pk: `OPEN#${memberNik}#${benefit}`,
    sk: `CLAIMANT#${claimantNik}`,
  }),
  payoutLock: (memberNik: string, benefit: string) => ({ pk: `OPEN#${memberNik}#${benefit}`, sk: 'PAYOUT' }),
  idempotency: (scope: string, key: string) => ({ pk: `IDEMPOTENCY#${scope}#${key}`, sk: 'IDEMPOTENCY' }),
  upload: (uploadId: string) => ({ pk: `UPLOAD#${uploadId}`, sk: 'UPLOAD' }),
  /** Wrong claimant NIKs on one reference in one fixed window (`start`: epoch seconds); expires by TTL. */
  lookupWindow: (reference: string, start: number) => ({ pk: `LOOKUP#${reference}`, sk: `WINDOW#${start}` }),
  /** GSI2 "byDistrict": the claims of a member's district (a coordinator's view), newest first. */
  byDistrict: (district: string, submittedAt: string, reference: string) => ({
    gsi2pk: `DISTRICT#${district}`,
    gsi2sk: `${submittedAt}#${reference}`,
  }),
  /** A coordinator's saved drafts of a claim form: one partition per coordinator; expire by TTL. */
  draft: (username: string, draftId: string) => ({ pk: `DRAFT#${username}`, sk: `DRAFT#${draftId}` }),
  draftsOf: (username: string) => `DRAFT#${username}`,
  /**
   * GSI3 "byNik" (sparse), staff search by NIK: the claim item carries its member's NIK (rewritten when a correction
   * changes the member), and a claimant index item (`claimantIndex`) its claimant's, so one Query on `NIK#<nik>` finds
   * the claims where the NIK is the member's or the claimant's. The sort key tells which; a NIK has a few claims at
   * most, so they are sorted by time in memory.
   */
  byNik: (nik: string, reference: string, role: 'MEMBER' | 'CLAIMANT') => ({
    gsi3pk: `NIK#${nik}`,
    gsi3sk: `${role}#${reference}`,
  }),
  /** The claimant index item of a claim: only its byNik keys and the reference (the claimant never changes). */
  claimantIndex: (reference: string) => ({ pk: `CLAIMANT_OF#${reference}`, sk: 'CLAIMANT' }),
  /**
   * One change to a staff account (created, roles, scopes, enabled): who, when, what. Under the `AUDIT#` prefix, so the
   * same IAM Deny of updates and deletes covers it; `STAFF#` never begins a claim reference.
   */
  staffAudit: (username: string, at: string, id: string) => ({ pk: `AUDIT#STAFF#${username}`, sk: `AUDIT#${at}#${id}` }),
  staffAuditOf: (username: string) => `AUDIT#STAFF#${username}`,
  /** GSI1 "byStatus": staff queues, newest first within a status. */
  byStatus: (status: string, submittedAt: string, reference: string) => ({
    gsi1pk: `STATUS#${status}`,
    gsi1sk: `${submittedAt}#${reference}`,
  }),
};

export const memberKeys = {
  member: (nik: string) => ({ pk: `MEMBER#${nik}`, sk: 'PROFILE' }),
  /** GSI1 "byProgram": members of one programme, by province then NIK. */
  byProgram: (program: string, province: string, nik: string) => ({ gsi1pk: `PROGRAM#${program}`, gsi1sk: `${province}#${nik}` }),
  /**
   * GSI3 "byShard": members by bucket (the NIK's last two digits, shared/premiums/domain/shards.ts), so a shard of the
   * reconciliation reads exactly its members with one Query per bucket.
   */
  byShard: (nik: string) => ({ gsi3pk: `SHARD#${nik.slice(-2)}`, gsi3sk: nik }),
  shardPartition: (bucket: string) => `SHARD#${bucket}`,
  meta: (name: string) => ({ pk: `META#${name}`, sk: 'META' }),
  /** Premium coverage of one member for one month (YYYY-MM), written by the reconciliation. */
  coverage: (nik: string, period: string) => ({ pk: `MEMBER#${nik}`, sk: `COVERAGE#${period}` }),
  /**
   * GSI2 "discrepancies": coverage items that are not PAID, by month and category (sparse index), sorted by bucket
   * then NIK, so a shard removing stale items reads only its buckets (`begins_with(gsi2sk, "<bucket>#")`).
   */
  discrepancy: (period: string, category: string, nik: string) => ({
    gsi2pk: `DISCREPANCY#${period}#${category}`,
    gsi2sk: `${nik.slice(-2)}#${nik}`,
  }),
  /**
   * One payment line (period, NIK, receipt). Lines of a month are spread over 100 partitions by the NIK's bucket (its
   * last two digits), so that importing 50,000 lines does not write to one hot partition and a shard of the
   * reconciliation reads exactly its members' payments.
   */
  payment: (period: string, nik: string, receiptNo: string) => ({ pk: `PAYMENT#${period}#${nik.slice(-2)}`, sk: `${nik}#${receiptNo}` }),
  paymentBucket: (period: string, bucket: string) => `PAYMENT#${period}#${bucket}`,
  /** The report of one month's reconciliation (the latest run replaces it). */
  report: (period: string) => ({ pk: `RECONCILIATION#${period}`, sk: 'REPORT' }),
  /** The last result of the month emailed to finance: a rerun with the same result sends nothing. */
  reportNotice: (period: string) => ({ pk: `RECONCILIATION#${period}`, sk: 'NOTICE' }),
  /** One on-demand reconciliation run (`REC-<period>-<random>`): its status, who asked, the counts or the error. */
  run: (runId: string) => ({ pk: `RECONCILIATION_RUN#${runId}`, sk: 'RUN' }),
  /** One import from storage run as a job (`IMP-<random>`): its status, who asked, the result or the error. */
  importJob: (jobId: string) => ({ pk: `IMPORT_JOB#${jobId}`, sk: 'JOB' }),
};
