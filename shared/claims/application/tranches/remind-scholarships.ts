import { ConflictError } from '../../../kernel/errors';
import { jakartaDate, jakartaIso } from '../../../kernel/time';
import { logger } from '../../../platform/observability/logger';
import { type Claim, STATUS_GROUPS } from '../../domain/claim';
import { priceScholarshipYear, scholarshipEligible, schoolYearOf } from '../../domain/tranche';
import type { ClaimMessages, ClaimStore, Notifier } from '../ports';

export interface RemindDeps {
  claims: ClaimStore;
  notifier: Notifier;
  messages: ClaimMessages;
  now?: () => Date;
}

/**
 * Whether the children of a claim may still receive a school year: eligible, children declared, and by the levels
 * last declared, some child is still under the age limit with years left at their level and the cap is not reached.
 * The levels may have changed since (a child moved from SD to SMP): the staff request with this year's levels
 * decides the amount; the reminder only stops once nothing can be paid any more.
 */
export const awaitsScholarshipYear = (claim: Claim, schoolYear: string): boolean => {
  if (!scholarshipEligible(claim) || !claim.children?.length) return false;
  if (claim.scholarshipReminded?.includes(schoolYear)) return false;
  if ((claim.tranches ?? []).some((t) => t.kind === 'SCHOLARSHIP' && t.schoolYear === schoolYear && t.status !== 'REJECTED')) return false;
  const year = priceScholarshipYear({
    incidentDate: claim.incident.date,
    schoolYear,
    children: claim.children,
    earlier: claim.tranches ?? [],
  });
  return !!year && year.amount > 0;
};

/**
 * The yearly reminder (EventBridge Scheduler, 1 July): every claim whose first payment is approved and whose
 * children may still receive the scholarship is told, by email and SMS in Bahasa Indonesia, to send this school
 * year's proof of schooling. Once per school year per claim: the year is recorded on the claim first, under a
 * condition on its version, so a second run (a retry, two runs at once) finds it and sends nothing; if sending
 * fails, the record is taken back and the error thrown, so the scheduler's retry sends it.
 */
export const remindScholarships = async (deps: RemindDeps, baseUrl: string): Promise<{ schoolYear: string; reminded: number }> => {
  const now = deps.now?.() ?? new Date();
  const schoolYear = schoolYearOf(jakartaDate(now));
  let reminded = 0;
  // The byStatus index, one status at a time: claims past their first approval (a few hundred, read once a year).
  for (const status of STATUS_GROUPS.takesTranches) {
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await deps.claims.listByStatus(status, 100, cursor);
      for (const listed of page.items) {
        if (!awaitsScholarshipYear(listed, schoolYear)) continue;
        if (await remindOne(deps, listed, schoolYear, baseUrl, jakartaIso(now))) reminded += 1;
      }
      cursor = page.next;
    } while (cursor);
  }
  logger.info('scholarship reminders sent', { schoolYear, reminded });
  return { schoolYear, reminded };
};

const remindOne = async (deps: RemindDeps, claim: Claim, schoolYear: string, baseUrl: string, at: string): Promise<boolean> => {
  const before = claim.scholarshipReminded ?? [];
  let updated: Claim;
  try {
    updated = await deps.claims.transition(claim.reference, {
      from: [claim.status],
      at,
      expectVersion: claim.version,
      set: { scholarshipReminded: [...before, schoolYear] },
      audit: { type: 'SCHOLARSHIP_REMINDED', at, actor: { kind: 'system' }, details: { schoolYear } },
    });
  } catch (error) {
    // Changed meanwhile (another run reminded it, or a payment moved on): the next run looks again.
    if (error instanceof ConflictError && error.code === 'CLAIM_STATE_CHANGED') return false;
    throw error;
  }
  try {
    await Promise.all([
      deps.notifier.email([updated.claimant.email ?? ''], deps.messages.tranches.family.scholarshipReminder(updated, schoolYear, baseUrl)),
      deps.notifier.sms(updated.claimant.phone, deps.messages.tranches.sms.scholarshipReminder(updated, schoolYear, baseUrl)),
    ]);
  } catch (error) {
    await deps.claims.transition(claim.reference, {
      from: [updated.status],
      at,
      expectVersion: updated.version,
      set: { scholarshipReminded: before.length ? before : undefined },
      audit: { type: 'SCHOLARSHIP_REMINDER_FAILED', at, actor: { kind: 'system' }, details: { schoolYear } },
    });
    throw error;
  }
  return true;
};
