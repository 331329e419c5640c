import { randomBytes } from 'node:crypto';
import * as z from 'zod/mini';
import { s3Client, uploadSigner } from '../../shared/composition/claims';
import { ENV, requireEnv } from '../../shared/composition/env';
import { notifier } from '../../shared/composition/notifications';
import { membersRepository, premiumsRepository } from '../../shared/composition/premiums';
import { staffEmails } from '../../shared/composition/settings';
import { staffAuth } from '../../shared/composition/staff-auth';
import { NotFoundError, ValidationError } from '../../shared/kernel/errors';
import { isPeriod } from '../../shared/kernel/periods';
import { validate } from '../../shared/kernel/validate';
import { httpHandler, type HttpRequest } from '../../shared/platform/http/handler';
import { json } from '../../shared/platform/http/responses';
import { importPayments } from '../../shared/premiums/application/import-payments';
import { importRoster } from '../../shared/premiums/application/import-roster';
import { memberWithCoverage, reportCsv } from '../../shared/premiums/application/member-coverage';
import type { ImportKind } from '../../shared/premiums/application/ports';
import { runReconciliation } from '../../shared/premiums/application/reconcile';
import { S3ImportFiles } from '../../shared/premiums/adapters/import-files';
import { requireRole, STAFF_ROLES } from '../../shared/staff/domain/roles';

const auth = staffAuth();
const members = membersRepository();
const premiums = premiumsRepository();
const files = new S3ImportFiles(s3Client(), requireEnv(ENV.documentsBucket), uploadSigner());
const deps = { members, premiums, notifier: notifier(), financeEmails: staffEmails().finance };

/** A CSV body over a few MB goes through storage: POST /staff/uploads, send the file there, then import {uploadId}. */
const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
const IMPORT_UPLOAD_ID = /^imp_[A-Za-z0-9_-]{22}$/;

const fromStorage = z.object({ uploadId: z.string().check(z.regex(IMPORT_UPLOAD_ID, 'uploadId.invalid')) });
const uploadRequest = z.object({
  kind: z.enum(['roster', 'payments'], 'invalid'),
  size: z.number('invalid').check(z.int('invalid'), z.gte(1, 'invalid'), z.lte(MAX_IMPORT_BYTES, 'upload.tooLarge')),
});
const reconcileRequest = z.object({ period: z.string('period.invalid').check(z.refine(isPeriod, 'period.invalid')) });

/** The CSV to import: the request body itself, or a file uploaded to storage before, streamed from there. */
const csvSource = async (request: HttpRequest, kind: ImportKind) =>
  request.bodyKind === 'csv' ? request.rawBody : files.open(kind, validate(fromStorage, request.body).uploadId);

/**
 * Staff routes of the roster and the premium ledger: roster import (admin), a member with coverage by month (any
 * staff), payment import, reconciliation on demand and its report in JSON or CSV (finance), and uploads of large
 * CSV files to storage (admin, finance).
 */
export const handler = httpHandler(
  async (request) => {
    const user = await auth.authenticate(request);
    requireRole(user, STAFF_ROLES);
    switch (request.route) {
      case 'POST /staff/members/import':
        requireRole(user, ['admin']);
        return json(200, await importRoster({ members }, await csvSource(request, 'roster')));
      case 'GET /staff/members/{nik}':
        return json(200, await memberWithCoverage({ members, premiums }, request.params.nik ?? ''));
      case 'POST /staff/premiums/payments':
        requireRole(user, ['finance']);
        return json(200, await importPayments({ members, premiums }, await csvSource(request, 'payments')));
      case 'POST /staff/reconciliations': {
        requireRole(user, ['finance']);
        const { period } = validate(reconcileRequest, request.body);
        const baseUrl = `${request.headers['x-forwarded-proto'] ?? 'https'}://${request.headers.host ?? ''}`;
        return json(200, await runReconciliation(deps, period, `on demand by ${user.username}`, baseUrl));
      }
      case 'GET /staff/reconciliations/{period}': {
        requireRole(user, ['finance']);
        const period = request.params.period ?? '';
        if (!isPeriod(period)) throw new ValidationError([{ path: 'period', code: 'period.invalid' }], 'The period is YYYY-MM.');
        const report = await premiums.report(period);
        if (!report) throw new NotFoundError(`No reconciliation for ${period} yet.`);
        if (request.query.format === 'csv') {
          return { statusCode: 200, headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="rekonsiliasi-${period}.csv"`, 'cache-control': 'no-store' }, body: reportCsv(report) };
        }
        return json(200, report);
      }
      case 'POST /staff/uploads': {
        requireRole(user, ['admin', 'finance']);
        const { kind, size } = validate(uploadRequest, request.body);
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
