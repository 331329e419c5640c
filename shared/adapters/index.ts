import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { WorkflowClient } from './workflow';
import { ENV, optionalEnv, requireEnv } from '../config';
import { ClaimsRepository } from './claims-repository';
import { DocumentsStore } from './documents-store';
import { UploadSigner } from './upload-signer';
import { UploadsRepository } from './uploads-repository';

/** Cold-start wiring shared by the functions: read configuration once, fail fast when it is missing. */
export const claimsRepository = () => new ClaimsRepository(requireEnv(ENV.claimsTable));
export const uploadsRepository = () => new UploadsRepository(requireEnv(ENV.claimsTable));

const s3 = () => new S3Client({ forcePathStyle: optionalEnv(ENV.s3ForcePathStyle, 'false') === 'true' });
export const documentsStore = () => new DocumentsStore(s3(), requireEnv(ENV.documentsBucket));
export const uploadSigner = () => new UploadSigner(s3(), requireEnv(ENV.documentsBucket));
export const workflowClient = () => new WorkflowClient(new SFNClient({}), requireEnv('STATE_MACHINE_ARN'));
