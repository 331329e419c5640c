import { s3Client } from '../../shared/composition/claims';
import { ENV, requireEnv } from '../../shared/composition/env';
import { notifier } from '../../shared/composition/notifications';
import { membersRepository, premiumsRepository } from '../../shared/composition/premiums';
import { publicBaseUrl, staffEmails } from '../../shared/composition/settings';
import { staffAuth } from '../../shared/composition/staff-auth';
import { NotFoundError } from '../../shared/kernel/errors';
import { validate } from '../../shared/kernel/validate';
import { type HttpRequest, httpHandler } from '../../shared/platform/http/handler';
import { linkBase } from '../../shared/platform/http/links';
import { json } from '../../shared/platform/http/responses';
import { S3ImportFiles } from '../../shared/premiums/adapters/import-files';
import { importPayments } from '../../shared/premiums/application/import-payments';
import { runReconciliation } from '../../shared/premiums/application/reconcile';
import { importFromStorageSchema } from '../../shared/premiums/schemas/imports';
import { reconcileRequestSchema } from '../../shared/premiums/schemas/reconciliation';
import { requireRole, STAFF_ROLES } from '../../shared/staff/domain/roles';

/** Links in messages: the configured public URL, never the request's Host (shared/platform/http/links.ts). */
const PUBLIC_BASE_URL = publicBaseUrl();

const auth = staffAuth();
const members = membersRepository();
const premiums = premiumsRepository();
// Reads uploaded payment files only: the uploads themselves are signed by staffRoster (POST /staff/uploads).
const files = new S3ImportFiles(s3Client(), requireEnv(ENV.documentsBucket));
const deps = { members, premiums, notifier: notifier(), financeEmails: staffEmails().finance };

/** The payment CSV: the request body itself, or a file uploaded to storage before, streamed from there. */
const csvSource = async (request: HttpRequest) =>
  request.bodyKind === 'csv' ? request.rawBody : files.open('payments', validate(importFromStorageSchema, request.body).uploadId);

/** Finance's routes of the premium ledger: the payment import and the reconciliation of a month on demand. */
export const handler = httpHandler(
  async (request) => {
    const user = await auth.authenticate(request);
    requireRole(user, STAFF_ROLES);
    switch (request.route) {
      case 'POST /staff/premiums/payments':
        requireRole(user, ['finance']);
        return json(200, await importPayments({ members, premiums }, await csvSource(request)));
      case 'POST /staff/reconciliations': {
        requireRole(user, ['finance']);
        const { period } = validate(reconcileRequestSchema, request.body);
        const baseUrl = linkBase(request, PUBLIC_BASE_URL);
        return json(200, await runReconciliation(deps, period, `on demand by ${user.username}`, baseUrl));
      }
      default:
        throw new NotFoundError();
    }
  },
  // Up to 6 MB of CSV in the request itself (Lambda's synchronous payload limit); larger files go through storage.
  { accepts: ['csv', 'json'], maxBodyBytes: 6 * 1024 * 1024 - 1024, optionalBody: true },
);
