import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { CLAIM_STATUSES } from '../../claims/domain/claim';
import { batchGet } from '../../platform/dynamodb/batch';
import { documentClient } from '../../platform/dynamodb/client';
import { claimKeys, memberKeys } from '../../platform/dynamodb/keys';
import type { ReportSource } from '../application/report-summary';
import type { CoverageReport, ReportClaim } from '../domain/summary';

/**
 * What a claim contributes to the reports, and nothing else: no names, no NIK of the claimant, no bank account, no
 * documents. The member's NIK is read for its province code only (the claim's district is missing when the roster
 * did not have the member).
 */
const CLAIM_PROJECTION = {
  expression: [
    '#reference',
    '#status',
    '#benefit',
    '#member.#nik',
    '#incident.#cause',
    '#district',
    '#submittedAt',
    '#timeline',
    '#verification.#program',
    '#verification.#approval.#deadline',
    '#decision.#outcome',
    '#decision.#at',
    '#payment.#amount',
    '#payment.#paidAt',
    '#tranches',
  ].join(', '),
  names: Object.fromEntries(
    [
      'reference',
      'status',
      'benefit',
      'member',
      'nik',
      'incident',
      'cause',
      'district',
      'submittedAt',
      'timeline',
      'verification',
      'program',
      'approval',
      'deadline',
      'decision',
      'outcome',
      'at',
      'payment',
      'amount',
      'paidAt',
      'tranches',
    ].map((name) => [`#${name}`, name]),
  ),
};

/**
 * The reports' reads (docs/data-model.md R1, R2). Claims: one `Query` of the `byStatus` index per status, in
 * parallel, each bounded above by the range's last day (`gsi1sk` starts with `submittedAt`), every page, with a
 * projection; not a `Scan`, which would also read every audit event, upload, lock and lookup counter of the table.
 * Coverage: one `BatchGetItem` of the months' reconciliation reports.
 */
export class ReportingRepository implements ReportSource {
  constructor(
    private readonly claimsTable: string,
    private readonly membersTable: string,
  ) {}

  async claimsReceivedThrough(lastDay: string): Promise<ReportClaim[]> {
    // `~` sorts after every character of a time and a reference: every claim received on `lastDay` is included.
    const upper = `${lastDay}T~`;
    const pages = await Promise.all(CLAIM_STATUSES.map((status) => this.claimsInStatus(status, upper)));
    // A claim that changed status between two of the queries may be read twice (the index is eventually
    // consistent): keep one, the one in the later status of the timeline.
    const byReference = new Map<string, ReportClaim>();
    for (const claim of pages.flat()) {
      const seen = byReference.get(claim.reference);
      if (!seen || (claim.timeline?.length ?? 0) > (seen.timeline?.length ?? 0)) byReference.set(claim.reference, claim);
    }
    return [...byReference.values()];
  }

  private async claimsInStatus(status: string, upper: string): Promise<ReportClaim[]> {
    const items: ReportClaim[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await documentClient.send(
        new QueryCommand({
          TableName: this.claimsTable,
          IndexName: 'byStatus',
          KeyConditionExpression: '#pk = :pk AND #sk <= :upper',
          ProjectionExpression: CLAIM_PROJECTION.expression,
          ExpressionAttributeNames: { ...CLAIM_PROJECTION.names, '#pk': 'gsi1pk', '#sk': 'gsi1sk' },
          ExpressionAttributeValues: { ':pk': claimKeys.byStatus(status, '', '').gsi1pk, ':upper': upper },
          ExclusiveStartKey: start,
        }),
      );
      items.push(...((out.Items ?? []) as ReportClaim[]));
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  }

  async coverageReports(periods: readonly string[]): Promise<CoverageReport[]> {
    if (periods.length === 0) return [];
    const items = await batchGet(
      this.membersTable,
      periods.map((p) => memberKeys.report(p)),
    );
    return items.map((item) => ({
      period: String(item.period),
      expected: { members: Number((item.expected as { members?: number } | undefined)?.members ?? 0) },
      counts: (item.counts ?? {}) as Record<string, number>,
    }));
  }
}
