import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { traced } from '../observability';

/**
 * One client per process, created at cold start. The endpoint comes from the standard AWS_ENDPOINT_URL_DYNAMODB
 * variable when set (the local twin), so no code here knows where it runs. Traced (X-Ray subsegments in Lambda);
 * the document client shares its middleware stack, so its calls are traced too.
 */
export const dynamoClient = traced(new DynamoDBClient({}));
export const documentClient = DynamoDBDocumentClient.from(dynamoClient, {
  marshallOptions: { removeUndefinedValues: true },
});

/** Conditional-check and transaction errors, by name, without importing the exception classes. */
export const isConditionalCheckFailed = (error: unknown): boolean =>
  error instanceof Error && error.name === 'ConditionalCheckFailedException';

export interface CancellationReason {
  Code?: string;
  Item?: Record<string, unknown>;
}

export const cancellationReasons = (error: unknown): CancellationReason[] | undefined => {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return undefined;
  return (error as Error & { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? [];
};

/**
 * The item a failed condition returned (`ReturnValuesOnConditionCheckFailure: ALL_OLD`), or undefined when there
 * was none. The document client does not unmarshall cancellation reasons: items arrive in AttributeValue form.
 */
export const cancelledItem = (reason: CancellationReason | undefined): Record<string, unknown> | undefined => {
  const item = reason?.Item;
  if (!item || Object.keys(item).length === 0) return undefined;
  const first = Object.values(item)[0];
  return first && typeof first === 'object' && !Array.isArray(first) ? unmarshall(item as never) : item;
};

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Full-jitter backoff for transaction conflicts (AWS Architecture Blog, "Exponential Backoff and Jitter"). */
export const jitter = (attempt: number, baseMs = 20, capMs = 1000): number => Math.random() * Math.min(capMs, baseMs * 2 ** attempt);
