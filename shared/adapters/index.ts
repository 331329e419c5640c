import { ENV, optionalEnv, requireEnv } from '../config';
import { ClaimsRepository } from './claims-repository';
import { DocumentsStore } from './documents-store';
import { UploadsRepository } from './uploads-repository';

/** Cold-start wiring shared by the functions: read configuration once, fail fast when it is missing. */
export const claimsRepository = () => new ClaimsRepository(requireEnv(ENV.claimsTable));
export const uploadsRepository = () => new UploadsRepository(requireEnv(ENV.claimsTable));
export const documentsStore = () => new DocumentsStore(requireEnv(ENV.documentsBucket), optionalEnv(ENV.s3ForcePathStyle, 'false') === 'true');
