import { randomBytes } from 'node:crypto';
import { s3Client, uploadSigner } from '../../shared/composition/claims';
import { ENV, requireEnv } from '../../shared/composition/env';
import { importJobs, jobStarter, membersRepository } from '../../shared/composition/premiums';
import { reconciliationWaitMs } from '../../shared/composition/settings';
import { staffAuth } from '../../shared/composition/staff-auth';
import { NotFoundError } from '../../shared/kernel/errors';
import { validate } from '../../shared/kernel/validate';
import { httpHandler } from '../../shared/platform/http/handler';
import { json } from '../../shared/platform/http/responses';
import { S3ImportFiles } from '../../shared/premiums/adapters/import-files';
import { importAnswer } from '../../shared/premiums/adapters/import-route';
import { importRoster } from '../../shared/premiums/application/import-roster';
import { importUploadRequestSchema, MAX_IMPORT_BYTES } from '../../shared/premiums/schemas/imports';
import { enforceScope } from '../../shared/staff/application/scope-guard';
import { requireRole, STAFF_ROLES } from '../../shared/staff/domain/roles';

const auth = staffAuth();
const members = membersRepository();
/** Imports from storage are jobs on the premium jobs function (shared/premiums/application/import-jobs.ts). */
const importDeps = { jobs: importJobs(), starter: jobStarter(), waitMs: reconciliationWaitMs() };
const files = new S3ImportFiles(s3Client(), requireEnv(ENV.documentsBucket), uploadSigner());

/**
 * The staff routes that bring files in: the roster import (admin) and the upload to storage of a large CSV file of
 * either kind (admin, finance). The payment import and the reconciliation are in staff-payments.ts, the read-only
 * views in staff-premium-views.ts: each function bundles only what its routes use (docs/benchmarks.md).
 */
export const handler = httpHandler(
  async (request) => {
    const user = await auth.authenticate(request);
    requireRole(user, STAFF_ROLES);
    // National routes: a user scoped to provinces or districts gets 403 (shared/staff/application/scope-guard.ts).
    await enforceScope(user, request, {});
    switch (request.route) {
      case 'POST /staff/members/import':
        requireRole(user, ['admin']);
        return importAnswer(importDeps, request, 'roster', user.username, (csv) => importRoster({ members }, csv));
      case 'POST /staff/uploads': {
        requireRole(user, ['admin', 'finance']);
        const { kind, size } = validate(importUploadRequestSchema, request.body);
        const uploadId = `imp_${randomBytes(16).toString('base64url')}`;
        const post = await files.presign(kind, uploadId, MAX_IMPORT_BYTES);
        return json(201, { uploadId, method: 'POST', url: post.url, fields: post.fields, maxBytes: MAX_IMPORT_BYTES, size });
      }
      default:
        throw new NotFoundError();
    }
  },
  // Up to 6 MB of CSV in the request itself (Lambda's synchronous payload limit); larger files go through storage.
  { accepts: ['csv', 'json'], maxBodyBytes: 6 * 1024 * 1024 - 1024, optionalBody: true },
);
