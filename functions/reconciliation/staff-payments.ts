import {
  importJobs,
  jobStarter,
  membersRepository,
  premiumsRepository,
  reconciliationRuns,
  runStarter,
} from '../../shared/composition/premiums';
import { reconciliationWaitMs } from '../../shared/composition/settings';
import { staffAuth } from '../../shared/composition/staff-auth';
import { NotFoundError } from '../../shared/kernel/errors';
import { validate } from '../../shared/kernel/validate';
import { UnsupportedMediaTypeError } from '../../shared/platform/http/errors';
import { httpHandler } from '../../shared/platform/http/handler';
import { json, prefersAsync, redirect } from '../../shared/platform/http/responses';
import { importAnswer } from '../../shared/premiums/adapters/import-route';
import { importPayments } from '../../shared/premiums/application/import-payments';
import { reportPage, reportQueryFrom } from '../../shared/premiums/application/reconciliation-report';
import { requestReconciliation } from '../../shared/premiums/application/reconciliation-runs';
import { reconcileRequestSchema } from '../../shared/premiums/schemas/reconciliation';
import { enforceScope } from '../../shared/staff/application/scope-guard';
import { requireRole, STAFF_ROLES } from '../../shared/staff/domain/roles';

const auth = staffAuth();
const members = membersRepository();
const premiums = premiumsRepository();
const runDeps = { runs: reconciliationRuns(), starter: runStarter(), premiums };
/** How long an on-demand run may take and still be answered with its report (well inside the API's 29 s). */
const WAIT_MS = reconciliationWaitMs();
const importDeps = { jobs: importJobs(), starter: jobStarter(), waitMs: WAIT_MS };

/** Finance's routes of the premium ledger: the payment import and the reconciliation of a month on demand. */
export const handler = httpHandler(
  async (request) => {
    const user = await auth.authenticate(request);
    requireRole(user, STAFF_ROLES);
    // National routes: a user scoped to provinces or districts gets 403 (shared/staff/application/scope-guard.ts).
    await enforceScope(user, request, {});
    switch (request.route) {
      case 'POST /staff/premiums/payments':
        requireRole(user, ['finance']);
        // Forms are the console's run form only: a payment file is CSV, or JSON naming an upload.
        if (request.bodyKind === 'form') throw new UnsupportedMediaTypeError(['text/csv', 'application/json']);
        return importAnswer(importDeps, request, 'payments', user.username, (csv) => importPayments({ members, premiums }, csv));
      case 'POST /staff/reconciliations': {
        requireRole(user, ['finance']);
        const { period } = validate(reconcileRequestSchema, request.body);
        // The page asked for (`limit`, `category` in the query) is checked before the run starts.
        const query = reportQueryFrom(request.query);
        const answer = await requestReconciliation(runDeps, period, user.username, prefersAsync(request.headers) ? 0 : WAIT_MS);
        if (request.bodyKind === 'form') {
          // The console's run form: back to the month's page, which says when the run is still going.
          const lang = request.query.lang === 'en' ? '&lang=en' : '';
          return redirect(
            `/staff/reconciliations/${period}${answer.kind === 'report' ? (lang ? `?${lang.slice(1)}` : '') : `?running=1${lang}`}`,
          );
        }
        if (answer.kind === 'report') return json(200, await reportPage(runDeps, period, query, answer.report));
        const statusUrl = `/staff/reconciliations/runs/${answer.run.runId}`;
        return json(202, { runId: answer.run.runId, status: answer.run.status, statusUrl }, { location: statusUrl });
      }
      default:
        throw new NotFoundError();
    }
  },
  // Up to 6 MB of CSV in the request itself (Lambda's synchronous payload limit); larger files go through storage.
  { accepts: ['csv', 'json', 'form'], maxBodyBytes: 6 * 1024 * 1024 - 1024, optionalBody: true },
);
