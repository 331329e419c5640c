import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { WorkflowClient } from '../claims/adapters/workflow-client';
import { ENV, optionalEnv, requireEnv } from './env';
import { ClaimsRepository } from '../claims/adapters/claims-repository';
import { traced } from '../platform/observability';
import { DocumentsStore } from '../claims/adapters/documents-store';
import { UploadSigner } from '../claims/adapters/upload-signer';
import { UploadsRepository } from '../claims/adapters/uploads-repository';

/** Cold-start wiring shared by the functions: read configuration once, fail fast when it is missing. */
export const claimsRepository = () => new ClaimsRepository(requireEnv(ENV.claimsTable));
export const uploadsRepository = () => new UploadsRepository(requireEnv(ENV.claimsTable));

const s3 = () => traced(new S3Client({ forcePathStyle: optionalEnv(ENV.s3ForcePathStyle, 'false') === 'true' }));
export const documentsStore = () => new DocumentsStore(s3(), requireEnv(ENV.documentsBucket));
export const uploadSigner = () => new UploadSigner(s3(), requireEnv(ENV.documentsBucket));
export const workflowClient = () => new WorkflowClient(traced(new SFNClient({})), requireEnv('STATE_MACHINE_ARN'));
