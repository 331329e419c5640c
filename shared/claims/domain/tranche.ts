/**
 * Further payments of one claim (handbook domain.md: "A claim can pay more than once"): more STMB months while the
 * worker recovers, a disability found later, one school year of scholarship. Each is a **tranche**: priced by the
 * same rules as the first payment, approved on its own (two-person rule), paid once with its own bank key, and run
 * by its own execution of the claim workflow. The first payment is tranche `T1`: the claim's own fields
 * (`verification.benefit`, `approvals`, `decision`, `payment`), unchanged; `T2`, `T3`, ... live in `claim.tranches`.
 */

import { t } from '../../messages';
import type { Approval, BenefitComponent, Claim, ClaimStatus, PendingTask, ScholarshipChild } from './claim';
import { completedYears, formatRupiah } from './rules/benefits';
import { type SchoolLevel, scholarshipRuleSetFor } from './rules/scholarship';

export const TRANCHE_KINDS = ['STMB', 'DISABILITY', 'SCHOLARSHIP'] as const;
export type TrancheKind = (typeof TRANCHE_KINDS)[number];

/** A tranche goes through the claim's own statuses from AWAITING_APPROVAL on (it needs no verification). */
export const TRANCHE_STATUSES = ['AWAITING_APPROVAL', 'APPROVED', 'PAYING', 'PAID', 'PAYOUT_FAILED', 'REJECTED'] as const;
export type TrancheStatus = (typeof TRANCHE_STATUSES)[number] & ClaimStatus;

/** The first payment: the claim itself. */
export const FIRST_TRANCHE = 'T1';

export interface TrancheChild extends ScholarshipChild {
  /** What this school year pays for the child (0 when not paid, with the reason). */
  amount: number;
  reason?: 'AGE_LIMIT' | 'NOT_IN_SCHOOL' | 'MAX_CHILDREN' | 'LEVEL_LIMIT' | 'CAP_REACHED';
}

export interface Tranche {
  /** `T2`, `T3`, ...: unique within the claim, in the order requested. */
  id: string;
  kind: TrancheKind;
  status: TrancheStatus;
  amount: number;
  currency: 'IDR';
  ruleSet: string;
  components: BenefitComponent[];
  requestedBy: string;
  requestedAt: string;
  /** STMB/DISABILITY: what staff entered, and the wage in force on the incident date that priced it. */
  assessment?: Record<string, unknown>;
  monthlyWage?: number;
  /** STMB: the months of absence this tranche pays (`fromMonth` continues the count of the earlier payments). */
  stmb?: { fromMonth: number; months: number; days: number };
  /** DISABILITY: a total disability (it makes the children eligible for the scholarship once paid). */
  totalDisability?: boolean;
  /** SCHOLARSHIP: the school year paid and what each child received. */
  schoolYear?: string;
  children?: TrancheChild[];
  approval: { level: 'approver' | 'supervisor'; secondApprovalRequired: boolean; deadline: string; escalateAt: string };
  approvals: Approval[];
  pendingTask?: PendingTask;
  decision?: { outcome: 'approved' | 'rejected'; reasonCode?: string; reason?: string; decidedBy?: string; at?: string };
  payment?: { amount: number; currency: 'IDR'; paidAt: string; components: { code: string; amount: number }[]; transferId: string };
  payoutError?: string;
}

export const nextTrancheId = (claim: Pick<Claim, 'tranches'>): string => `T${(claim.tranches?.length ?? 0) + 2}`;

/**
 * The execution of a tranche: `<reference>-T2`. Step Functions allows 1-80 characters without spaces, brackets,
 * wildcards or `: ; , \ | ^ ~ $ # % & \` "`; a reference (`SNT-2026-ABC123`) and `-T2` keep to letters, digits
 * and hyphens, and no claim reference ends in `-T<n>`, so it never names another claim's execution.
 */
export const trancheExecutionName = (reference: string, trancheId: string): string =>
  trancheId === FIRST_TRANCHE ? reference : `${reference}-${trancheId}`;

/** The bank's idempotency key: the reference for the first payment (as always), `<reference>/T2` for a tranche. */
export const trancheTransferKey = (reference: string, trancheId: string): string =>
  trancheId === FIRST_TRANCHE ? reference : `${reference}/${trancheId}`;

/** Counted against limits and caps: every tranche not rejected (one waiting for approval holds its place). */
export const liveTranches = (claim: Pick<Claim, 'tranches'>, kind?: TrancheKind): Tranche[] =>
  (claim.tranches ?? []).filter((t) => t.status !== 'REJECTED' && (!kind || t.kind === kind));

/**
 * The months of absence already paid or waiting for approval: the first payment's assessment, then each STMB
 * tranche. `partMonth` is true when one of them paid the days of a part month: that ends STMB (a worker back at work
 * mid-month), so no further STMB tranche follows it.
 */
export const stmbMonthsCovered = (claim: Pick<Claim, 'verification' | 'tranches'>): { lastMonth: number; partMonth: boolean } => {
  const first = claim.verification?.assessment?.stmb as { months?: number; days?: number } | undefined;
  let lastMonth = first?.months ?? 0;
  let partMonth = (first?.days ?? 0) > 0;
  for (const t of liveTranches(claim, 'STMB')) {
    if (!t.stmb) continue;
    lastMonth = Math.max(lastMonth, t.stmb.fromMonth + t.stmb.months - 1);
    partMonth ||= t.stmb.days > 0;
  }
  return { lastMonth, partMonth };
};

/** A disability was already found (in the first assessment, or a tranche not rejected). */
export const disabilityAssessed = (claim: Pick<Claim, 'verification' | 'tranches'>): boolean =>
  !!claim.verification?.assessment?.disability || liveTranches(claim, 'DISABILITY').length > 0;

/**
 * The children may receive the scholarship: the first benefit said so (JKM with the minimum membership, JKK death,
 * a total disability in the first assessment), or a total disability was paid later as a tranche.
 */
export const scholarshipEligible = (claim: Pick<Claim, 'verification' | 'tranches'>): boolean =>
  !!claim.verification?.benefit?.scholarshipEligible ||
  (claim.tranches ?? []).some((t) => t.kind === 'DISABILITY' && t.totalDisability && t.status === 'PAID');

// ---- School years -------------------------------------------------------------------------------------------------

const SCHOOL_YEAR = /^(\d{4})\/(\d{4})$/;
export const isSchoolYear = (value: string): boolean => {
  const m = SCHOOL_YEAR.exec(value);
  return !!m && Number(m[2]) === Number(m[1]) + 1;
};

/**
 * The Indonesian school year of a Jakarta date: it starts in July (the new year's first day is mid-July; NC: the
 * exact day varies by year and province, so July 1 is the boundary), so 2026-07-01 to 2027-06-30 is `2026/2027`.
 */
export const schoolYearOf = (date: string): string => {
  const year = Number(date.slice(0, 4));
  const start = Number(date.slice(5, 7)) >= 7 ? year : year - 1;
  return `${start}/${start + 1}`;
};

/** The first day of a school year (`2026/2027` -> `2026-07-01`), the day a child's age is counted on. */
export const schoolYearStart = (schoolYear: string): string => `${schoolYear.slice(0, 4)}-07-01`;

// ---- The price of one school year of scholarship -----------------------------------------------------------------

const childKey = (c: Pick<ScholarshipChild, 'name' | 'birthDate'>) => `${c.birthDate}#${c.name.trim().toLowerCase().replace(/\s+/g, ' ')}`;

export interface ScholarshipYear {
  ruleSet: string;
  children: TrancheChild[];
  amount: number;
  cap: number;
  /** The cap less every scholarship tranche paid or waiting, before this one. */
  capLeft: number;
}

/**
 * One school year for the declared children, by the rules of the incident date (rules/scholarship.ts): the first
 * `maxChildren` children under the age limit on the year's first day, at their level's yearly amount; a child who
 * already had the level's most years (`maxYears`, counted over the earlier tranches) gets nothing for that level;
 * the total stays within the cap less what earlier scholarship tranches took. Under PP 44/2015 one lump sum.
 */
export const priceScholarshipYear = (input: {
  incidentDate: string;
  schoolYear: string;
  children: readonly ScholarshipChild[];
  earlier: readonly Tranche[];
}): ScholarshipYear | undefined => {
  const rules = scholarshipRuleSetFor(input.incidentDate);
  if (!rules) return undefined;
  const asOf = schoolYearStart(input.schoolYear);
  const earlier = input.earlier.filter((t) => t.kind === 'SCHOLARSHIP' && t.status !== 'REJECTED');
  const yearsAt = (child: ScholarshipChild, level: SchoolLevel) =>
    earlier.filter((t) => t.children?.some((c) => childKey(c) === childKey(child) && c.schoolLevel === level && c.amount > 0)).length;
  const capLeft = Math.max(0, rules.cap.value - earlier.reduce((s, t) => s + t.amount, 0));
  let left = capLeft;
  const children = input.children.map((child, i): TrancheChild => {
    const unpaid = (reason: TrancheChild['reason']): TrancheChild => ({ ...child, amount: 0, reason });
    if (i >= rules.maxChildren.value) return unpaid('MAX_CHILDREN');
    if (completedYears(child.birthDate, asOf) >= rules.ageLimit.value) return unpaid('AGE_LIMIT');
    let amount: number;
    if (rules.lumpSum) amount = rules.lumpSum.value;
    else {
      const level = child.schoolLevel ? rules.perYear.value[child.schoolLevel] : undefined;
      if (!level || !child.schoolLevel) return unpaid('NOT_IN_SCHOOL');
      if (yearsAt(child, child.schoolLevel) >= level.maxYears) return unpaid('LEVEL_LIMIT');
      amount = level.amount;
    }
    const paid = Math.min(amount, left);
    left -= paid;
    return paid > 0 ? { ...child, amount: paid } : unpaid('CAP_REACHED');
  });
  return { ruleSet: rules.id, children, amount: capLeft - left, cap: rules.cap.value, capLeft };
};

/** A workflow task's `tranche`: absent or `T1` is the first payment (the claim's own fields), else a tranche of `claim.tranches`. */
export const isFurtherTranche = (id: string | undefined): id is string => !!id && id !== FIRST_TRANCHE;

/** The timeline note of a tranche's step, in Bahasa Indonesia (the family's language): `Pembayaran tahap T2: … Rp1.000.000`. */
export const trancheNote = (tranche: Pick<Tranche, 'id' | 'kind' | 'amount'>): string =>
  t('timeline.tranche', 'id', { tranche: tranche.id, kind: t(`tranche.kind.${tranche.kind}`, 'id'), amount: formatRupiah(tranche.amount) });
