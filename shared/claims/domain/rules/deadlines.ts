import type { Benefit } from '../../../reference-data/benefits';

/**
 * The legal payout deadlines, in working days after the claim is complete (handbook domain.md, "Deadlines and
 * windows"): JKM within 3 working days (P for construction workers, S for others), JKK within 7 (P). A further
 * payment (tranche) is held to the same deadline, counted from its request. The verification stores the deadline on
 * the claim (`verification.approval.deadline`); the status page tells the family how many working days are left.
 */
export const PAYOUT_DEADLINE_WORKING_DAYS: Readonly<Record<Benefit, number>> = { JKM: 3, JKK: 7 };
