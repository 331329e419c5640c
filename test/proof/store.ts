import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Claim } from '../../shared/claims/domain/claim';
import { documentClient } from '../../shared/platform/dynamodb/client';
import { sandboxUrl } from '../support/workflow';

/**
 * What the proof suite reads behind the API, to check what the answers claimed: the claims stored, the executions
 * the twin's Step Functions ran, the sandbox bank's transfers. The clients read the endpoints from the environment
 * at each call, which the proof twin sets when it (re)starts.
 */
const claimsTable = () => process.env.CLAIMS_TABLE_NAME!;
const membersTable = () => process.env.MEMBERS_TABLE_NAME!;

/** Every item of a table (a Scan is fine in a test; the product never scans), optionally filtered and projected. */
export const scanAll = async (
  table: 'claims' | 'members',
  options: { filter?: string; names?: Record<string, string>; values?: Record<string, unknown>; projection?: string } = {},
) => {
  const items: Record<string, any>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await documentClient.send(
      new ScanCommand({
        TableName: table === 'claims' ? claimsTable() : membersTable(),
        FilterExpression: options.filter,
        ExpressionAttributeNames: options.names,
        ExpressionAttributeValues: options.values,
        ProjectionExpression: options.projection,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
};

/** How many items each table holds: the fuzz suite compares them before and after. */
export const itemCounts = async () => {
  const count = async (table: 'claims' | 'members') => {
    let n = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const out = await documentClient.send(
        new ScanCommand({
          TableName: table === 'claims' ? claimsTable() : membersTable(),
          Select: 'COUNT',
          // The wrong-NIK counters (LOOKUP#) are the rate limit at work, not data: every lookup counts in its window,
          // and a run that crosses a window's boundary opens a new one (TTL removes it). A document opened by staff
          // (a valid GET of the document route) is recorded as it should be (DOCUMENT_VIEWED): the record of a read,
          // not something the request stored.
          FilterExpression: 'NOT begins_with(pk, :lookup) AND NOT (entity = :audit AND #type = :viewed)',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':lookup': 'LOOKUP#', ':audit': 'AUDIT', ':viewed': 'DOCUMENT_VIEWED' },
          ExclusiveStartKey: start,
        }),
      );
      n += out.Count ?? 0;
      start = out.LastEvaluatedKey;
    } while (start);
    return n;
  };
  return { claims: await count('claims'), members: await count('members') };
};

/** Every stored claim item, with the fields the suite checks. */
export const storedClaims = async () =>
  (await scanAll('claims', {
    filter: 'entity = :claim',
    values: { ':claim': 'CLAIM' },
  })) as (Claim & { pk: string })[];

/** The reference and member NIK of every stored claim (what the load counts), without the rest of the items. */
export const storedClaimKeys = async () =>
  (await scanAll('claims', {
    filter: 'entity = :claim',
    values: { ':claim': 'CLAIM' },
    names: { '#r': 'reference', '#m': 'member' },
    projection: '#r, #m.nik',
  })) as { reference: string; member: { nik: string } }[];

/** How many claims have a status (and, with `withDecisionTask`, wait for a decision): a Query that returns a count. */
export const countInStatus = async (status: string, withDecisionTask = false) => {
  let n = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const out = await documentClient.send(
      new QueryCommand({
        TableName: claimsTable(),
        IndexName: 'byStatus',
        KeyConditionExpression: 'gsi1pk = :pk',
        ...(withDecisionTask
          ? {
              FilterExpression: '#task.#kind = :decision',
              ExpressionAttributeNames: { '#task': 'pendingTask', '#kind': 'kind' },
              ExpressionAttributeValues: { ':pk': `STATUS#${status}`, ':decision': 'decision' },
            }
          : { ExpressionAttributeValues: { ':pk': `STATUS#${status}` } }),
        Select: 'COUNT',
        ExclusiveStartKey: start,
      }),
    );
    n += out.Count ?? 0;
    start = out.LastEvaluatedKey;
  } while (start);
  return n;
};

/** Polls until `check` returns a value other than undefined, or fails with what `describe` says about the last state. */
export const eventually = async <T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  describe: () => Promise<string> = async () => '',
  intervalMs = 500,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s. ${await describe()}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
};

/** The statuses of the given claims, counted. */
export const statusCounts = (claims: readonly { status: string }[]) =>
  claims.reduce<Record<string, number>>((acc, c) => {
    acc[c.status] = (acc[c.status] ?? 0) + 1;
    return acc;
  }, {});

export interface Transfer {
  transferId: string;
  idempotencyKey: string;
  reference: string;
  amount: number;
}
/** Every transfer the sandbox bank made. */
export const bankTransfers = async (): Promise<Transfer[]> =>
  ((await (await fetch(`${sandboxUrl()}/bank/transfers`)).json()) as { transfers: Transfer[] }).transfers;

/** Every execution the twin's Step Functions started, through the ListExecutions API. */
export const allExecutions = async (): Promise<{ name: string; status: string }[]> => {
  const out: { name: string; status: string }[] = [];
  let nextToken: string | undefined;
  do {
    const res = await fetch(process.env.AWS_ENDPOINT_URL_SFN!, {
      method: 'POST',
      headers: { 'x-amz-target': 'AWSStepFunctions.ListExecutions', 'content-type': 'application/x-amz-json-1.0' },
      body: JSON.stringify({ stateMachineArn: process.env.STATE_MACHINE_ARN, maxResults: 1000, nextToken }),
    });
    const page = (await res.json()) as { executions: { name: string; status: string }[]; nextToken?: string };
    out.push(...page.executions);
    nextToken = page.nextToken;
  } while (nextToken);
  return out;
};

/** Values that occur more than once, with their counts. */
export const duplicates = (values: readonly string[]) =>
  Object.entries(
    values.reduce<Record<string, number>>((acc, v) => {
      acc[v] = (acc[v] ?? 0) + 1;
      return acc;
    }, {}),
  ).filter(([, n]) => n > 1);
