/**
 * The composition root for the claims adapters: each builder reads its configuration from the environment
 * contract (./env.ts) and builds one adapter. Functions call these at cold start, once, and pass the adapters to
 * the use cases; nothing else in shared/ constructs an adapter. Builders are separate functions so that a bundle
 * holds only the clients its function uses.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SFNClient } from '@aws-sdk/client-sfn';
import { BankClient } from '../claims/adapters/bank-client';
import { ClaimsRepository } from '../claims/adapters/claims-repository';
import { DocumentsStore } from '../claims/adapters/documents-store';
import { DraftsRepository } from '../claims/adapters/drafts-repository';
import { LookupAttemptsRepository } from '../claims/adapters/lookup-attempts-repository';
import { S3UploadSigner } from '../claims/adapters/upload-signer';
import { UploadsRepository } from '../claims/adapters/uploads-repository';
import { WorkflowClient } from '../claims/adapters/workflow-client';
import type {
  ClaimQueues,
  ClaimStore,
  ClaimWorkflow,
  Disbursement,
  DocumentStorage,
  DraftStore,
  LookupAttempts,
  UploadSigner,
  UploadStore,
} from '../claims/application/ports';
import { traced } from '../platform/observability';
import { secretString } from '../platform/secrets/secrets-manager';
import { ENV, optionalEnv, requireEnv } from './env';
import { SDK_CLIENT_DEFAULTS } from './sdk';
import { lookupLimitSettings } from './settings';

let s3: S3Client | undefined;
/** One S3 client per process. */
export const s3Client = (): S3Client =>
  (s3 ??= traced(new S3Client({ ...SDK_CLIENT_DEFAULTS, forcePathStyle: optionalEnv(ENV.s3ForcePathStyle, 'false') === 'true' })));

export const claimStore = (): ClaimStore => new ClaimsRepository(requireEnv(ENV.claimsTable));
/** The staff console's queues, counts and search, in the claims table. */
export const claimQueues = (): ClaimQueues => new ClaimsRepository(requireEnv(ENV.claimsTable));
/** A field coordinator's drafts, in the claims table. */
export const draftStore = (): DraftStore => new DraftsRepository(requireEnv(ENV.claimsTable));
/** With the limit turned off (LOOKUP_LIMIT_ENABLED=false), every attempt is admitted and nothing is stored. */
const UNLIMITED_LOOKUPS: LookupAttempts = {
  begin: async () => ({ admitted: true, window: 0 }),
  succeeded: async () => undefined,
};
/** The limit on wrong claimant NIKs per reference, with its settings read once. */
export const lookupAttempts = (): LookupAttempts => {
  const policy = lookupLimitSettings();
  return policy ? new LookupAttemptsRepository(requireEnv(ENV.claimsTable), policy) : UNLIMITED_LOOKUPS;
};
export const uploadStore = (): UploadStore => new UploadsRepository(requireEnv(ENV.claimsTable));
export const documentStorage = (): DocumentStorage => new DocumentsStore(s3Client(), requireEnv(ENV.documentsBucket));
export const uploadSigner = (): UploadSigner => new S3UploadSigner(s3Client(), requireEnv(ENV.documentsBucket));
export const claimWorkflow = (): ClaimWorkflow =>
  new WorkflowClient(traced(new SFNClient({ ...SDK_CLIENT_DEFAULTS })), requireEnv(ENV.stateMachineArn));
/**
 * Functions that only answer task tokens have no state machine ARN (they never start executions); the client
 * needs none for SendTaskSuccess.
 */
export const taskResponder = (): Pick<ClaimWorkflow, 'succeed'> =>
  new WorkflowClient(traced(new SFNClient({ ...SDK_CLIENT_DEFAULTS })), '');
export const disbursement = (): Disbursement =>
  new BankClient(
    requireEnv(ENV.bankApiUrl),
    secretString(traced(new SecretsManagerClient({ ...SDK_CLIENT_DEFAULTS })), requireEnv(ENV.bankApiKeySecret)),
    Number(optionalEnv(ENV.bankTimeoutMs, '10000')),
  );
