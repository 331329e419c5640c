import { ConflictError } from '../../../kernel/errors';
import type { AuditEvent, Claim, TimelineEntry, Tranche } from '../../domain/claim';
import type { ClaimStore } from '../ports';

export interface TrancheChange {
  /** The tranche as it is to be stored (new, or replacing the one with its id). */
  tranche: Tranche;
  timeline?: TimelineEntry | TimelineEntry[];
  audit: AuditEvent;
  /** Other attributes of the claim to set in the same write (the children a scholarship tranche updated). */
  set?: Record<string, unknown>;
}

/** How often a tranche change is worked out again after another change of the claim won the race. */
const ATTEMPTS = 5;

/**
 * Changes one tranche of a claim: `decide` sees the claim as stored and says what the tranche becomes (or undefined:
 * nothing to do; or throws: refused). The tranches list is written back in one conditional transition on the
 * claim's version, so two changes never overwrite each other: the loser reads the claim again and `decide` runs
 * again on what the winner wrote (the first payment's own steps change the claim too). The claim's status never
 * changes here: a tranche has its own.
 */
export const changeTranche = async (
  claims: ClaimStore,
  reference: string,
  decide: (claim: Claim) => TrancheChange | undefined,
): Promise<{ claim: Claim; tranche: Tranche } | undefined> => {
  for (let attempt = 1; ; attempt += 1) {
    const claim = await claims.get(reference);
    if (!claim) return undefined;
    const change = decide(claim);
    if (!change) return undefined;
    const others = claim.tranches ?? [];
    const tranches = others.some((t) => t.id === change.tranche.id)
      ? others.map((t) => (t.id === change.tranche.id ? change.tranche : t))
      : [...others, change.tranche];
    try {
      const updated = await claims.transition(reference, {
        from: [claim.status],
        at: change.audit.at,
        expectVersion: claim.version,
        set: { ...change.set, tranches },
        timeline: change.timeline,
        audit: change.audit,
      });
      return { claim: updated, tranche: updated.tranches!.find((t) => t.id === change.tranche.id)! };
    } catch (error) {
      if (!(error instanceof ConflictError) || error.code !== 'CLAIM_STATE_CHANGED' || attempt >= ATTEMPTS) throw error;
    }
  }
};

export const findTranche = (claim: Claim, id: string): Tranche | undefined => claim.tranches?.find((t) => t.id === id);
