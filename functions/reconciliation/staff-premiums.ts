import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { StaffAuth, requireRole, STAFF_ROLES } from '../../shared/staff/adapters/staff-auth';
import { PremiumsRepository } from '../../shared/premiums/adapters/premiums-repository';
import { UploadSigner } from '../../shared/claims/adapters/upload-signer';
import { ENV, optionalEnv, requireEnv } from '../../shared/composition/env';
import { parseNik } from '../../shared/reference-data/nik';
import { PAYMENT_HEADER, parsePaymentRow, paymentLineKey, type PaymentLine } from '../../shared/premiums/domain/payment-row';
import { isPeriod } from '../../shared/kernel/periods';
import { ROSTER_HEADER, parseRosterRow, type RosterRow } from '../../shared/premiums/domain/roster-row';
import { jakartaDate, jakartaIso } from '../../shared/kernel/time';
import { NotFoundError, ValidationError } from '../../shared/kernel/errors';
import { httpHandler, type HttpRequest } from '../../shared/platform/http/handler';
import { json, type HttpResponse } from '../../shared/platform/http/responses';
import { importCsv } from '../../shared/premiums/application/csv-import';
import { runReconciliation } from '../../shared/premiums/application/reconcile';
import { validate } from '../../shared/kernel/validate';
import {
  MAX_IMPORT_BYTES,
  importFromStorageSchema as fromStorage,
  importUploadRequestSchema as uploadRequest,
} from '../../shared/premiums/schemas/imports';
import { reconcileRequestSchema as reconcileRequest } from '../../shared/premiums/schemas/reconciliation';
import { workflowConfig } from '../../shared/composition/settings';
import { members as membersRepo, notifier as makeNotifier } from '../../shared/composition/lambda';

const auth = new StaffAuth(requireEnv('AUTH_ISSUER'), requireEnv('AUTH_JWKS_URL'), process.env.AUTH_CLIENT_ID || undefined);
const tableName = requireEnv(ENV.membersTable);
const members = membersRepo();
const premiums = new PremiumsRepository(tableName);
const bucket = requireEnv(ENV.documentsBucket);
const s3 = new S3Client({ forcePathStyle: optionalEnv(ENV.s3ForcePathStyle, 'false') === 'true' });
const signer = new UploadSigner(s3, bucket);
const deps = { members, premiums, notifier: makeNotifier(), financeEmails: workflowConfig().staffEmails.finance };

const importKey = (kind: 'roster' | 'payments', uploadId: string) => `imports/${kind}/${uploadId}.csv`;

/** The CSV to import: the request body itself, or a file uploaded to storage before, streamed from there. */
const csvSource = async (request: HttpRequest, kind: 'roster' | 'payments'): Promise<string | Readable> => {
  if (request.bodyKind === 'csv') return request.rawBody;
  const { uploadId } = validate(fromStorage, request.body);
  try {
    const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: importKey(kind, uploadId) }));
    return out.Body as Readable;
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchKey') throw new ValidationError([{ path: 'uploadId', code: 'uploadId.notFound' }], 'No uploaded file with this uploadId.');
    throw error;
  }
};

const importRoster = async (request: HttpRequest): Promise<HttpResponse> => {
  const recordedAt = jakartaIso();
  const totals = { imported: 0, updated: 0, unchanged: 0 };
  const result = await importCsv<RosterRow>(await csvSource(request, 'roster'), {
    header: ROSTER_HEADER,
    parseRow: parseRosterRow,
    keyOf: (row) => row.nik,
    today: jakartaDate(),
    write: async (rows) => {
      const r = await members.upsertRoster(rows, recordedAt);
      totals.imported += r.imported;
      totals.updated += r.updated;
      totals.unchanged += r.unchanged;
    },
  });
  return json(200, { lines: result.lines, ...totals, rejected: result.rejected });
};

const importPayments = async (request: HttpRequest): Promise<HttpResponse> => {
  const importedAt = jakartaIso();
  const totals = { added: 0, updated: 0, unchanged: 0, matched: 0 };
  const unknownMembers: { nik: string; period: string; receiptNo: string }[] = [];
  const result = await importCsv<PaymentLine>(await csvSource(request, 'payments'), {
    header: PAYMENT_HEADER,
    parseRow: parsePaymentRow,
    keyOf: paymentLineKey,
    today: jakartaDate(),
    write: async (lines) => {
      // Every line is kept, matched or not: a payment for an unknown NIK is money the sponsor sent, to be traced.
      const r = await premiums.putPayments(lines, importedAt);
      totals.added += r.added;
      totals.updated += r.updated;
      totals.unchanged += r.unchanged;
      const known = await members.onRoster(lines.map((l) => l.nik));
      for (const line of lines) {
        if (known.has(line.nik)) totals.matched += 1;
        else unknownMembers.push({ nik: line.nik, period: line.period, receiptNo: line.receiptNo });
      }
    },
  });
  return json(200, { lines: result.lines, matched: totals.matched, added: totals.added, updated: totals.updated, unchanged: totals.unchanged, unknownMembers, rejected: result.rejected });
};

const reportCsv = (report: Awaited<ReturnType<typeof premiums.report>> & object): string => {
  const cell = (v: unknown) => (/[",\n]/.test(String(v ?? '')) ? `"${String(v).replace(/"/g, '""')}"` : String(v ?? ''));
  const rows = [['period', 'nik', 'name', 'category', 'expected', 'paid', 'difference']];
  for (const d of report.discrepancies) rows.push([report.period, d.nik, d.name ?? '', d.category, String(d.expected), String(d.paid), String(d.paid - d.expected)]);
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
};

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
        return importRoster(request);
      case 'GET /staff/members/{nik}': {
        const nik = (request.params.nik ?? '').replace(/[\s.-]/g, '');
        if (!parseNik(nik).ok) throw new NotFoundError('No member with this NIK.');
        const member = await members.get(nik);
        if (!member) throw new NotFoundError('No member with this NIK.');
        const coverage = (await premiums.coverageOf(nik)).map(({ period, category, expected, paid, receipts, reconciledAt }) => ({ period, category, expected, paid, receipts, reconciledAt }));
        return json(200, { ...member, coverage });
      }
      case 'POST /staff/premiums/payments':
        requireRole(user, ['finance']);
        return importPayments(request);
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
        const post = await signer.presign(importKey(kind, uploadId), 'text/csv', MAX_IMPORT_BYTES, 15 * 60);
        return json(201, { uploadId, method: 'POST', url: post.url, fields: post.fields, maxBytes: MAX_IMPORT_BYTES, size });
      }
      default:
        throw new NotFoundError();
    }
  },
  // Up to 6 MB of CSV in the request itself (Lambda's synchronous payload limit); larger files go through storage.
  { accepts: ['csv', 'json'], maxBodyBytes: 6 * 1024 * 1024 - 1024, optionalBody: true },
);
