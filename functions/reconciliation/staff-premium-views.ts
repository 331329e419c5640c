import { claimQueues } from '../../shared/composition/claims';
import { importJobs, membersRepository, premiumsRepository, reconciliationRuns } from '../../shared/composition/premiums';
import { signInStarter, staffAuth } from '../../shared/composition/staff-auth';
import { NotFoundError, UnauthorizedError, ValidationError } from '../../shared/kernel/errors';
import { currentPeriod, isPeriod, previousPeriod } from '../../shared/kernel/periods';
import { type HttpRequest, httpHandler } from '../../shared/platform/http/handler';
import { csv, html, json, wantsJson } from '../../shared/platform/http/responses';
import { pickLang } from '../../shared/platform/web/i18n';
import { IMPORT_JOB_ID_PATTERN } from '../../shared/premiums/application/import-jobs';
import { memberWithCoverage, reportCsv } from '../../shared/premiums/application/member-coverage';
import { reportPage, reportQueryFrom } from '../../shared/premiums/application/reconciliation-report';
import { RUN_ID_PATTERN } from '../../shared/premiums/application/reconciliation-runs';
import { renderMemberPage } from '../../shared/premiums/web/member-page';
import { renderReconciliationList, renderReconciliationReport } from '../../shared/premiums/web/reconciliation-page';
import { enforceScope, memberPlaces } from '../../shared/staff/application/scope-guard';
import { requireRole, STAFF_ROLES, type StaffUser } from '../../shared/staff/domain/roles';

const auth = staffAuth();
const members = membersRepository();
const premiums = premiumsRepository();
const runs = reconciliationRuns();
const jobs = importJobs();
const claims = claimQueues();
/** The member page lists at most this many of the member's claims (a NIK has a few). */
const MEMBER_CLAIMS = 50;
const scopeLookups = { memberPlace: memberPlaces(members) };
const startSignIn = signInStarter();
/** The months the list page shows: this one and the 23 before it, the newest first. */
const LISTED_MONTHS = 24;
const recentPeriods = (): string[] => {
  const periods = [currentPeriod()];
  while (periods.length < LISTED_MONTHS) periods.push(previousPeriod(periods[periods.length - 1]!));
  return periods;
};
const isPage = (request: HttpRequest) => request.method === 'GET' && !wantsJson(request.headers) && request.query.format !== 'csv';

/**
 * The read-only staff routes of the roster and the ledger: a member with coverage by month (any staff) and a month's
 * reconciliation report in JSON or CSV, and an on-demand run's status (finance). No imports, no storage, no email: the smallest staff bundle.
 */
export const handler = httpHandler(
  async (request) => {
    let user: StaffUser;
    try {
      user = await auth.authenticate(request);
    } catch (error) {
      // A browser without a session signs in first and comes back to the page (the reconciliation pages and the member page).
      const pageRoute =
        request.route === 'GET /staff/reconciliations' ||
        request.route === 'GET /staff/reconciliations/{period}' ||
        request.route === 'GET /staff/members/{nik}';
      if (error instanceof UnauthorizedError && pageRoute && isPage(request)) {
        return startSignIn(request);
      }
      throw error;
    }
    requireRole(user, STAFF_ROLES);
    // A member outside a scoped user's provinces is a 404; the reports and jobs are national (403 for them).
    await enforceScope(user, request, scopeLookups);
    const lang = pickLang(request.query);
    switch (request.route) {
      case 'GET /staff/reconciliations': {
        requireRole(user, ['finance']);
        const periods = recentPeriods();
        const reports = await premiums.summaries(periods);
        if (wantsJson(request.headers)) return json(200, { items: reports });
        return html(200, renderReconciliationList({ lang, user, periods, reports, csrfToken: auth.csrfToken(request) }));
      }
      case 'GET /staff/members/{nik}': {
        const member = await memberWithCoverage({ members, premiums }, request.params.nik ?? '');
        if (wantsJson(request.headers)) return json(200, member);
        // For browsers: the page, with the member's claims (GSI byNik: as the member or as the claimant).
        const found = await claims.claimsByNik(member.nik, MEMBER_CLAIMS);
        const list = found.map(({ claim, as }) => ({
          reference: claim.reference,
          status: claim.status,
          benefit: claim.benefit,
          submittedAt: claim.submittedAt,
          as,
        }));
        return html(200, renderMemberPage({ lang: request.lang, user, member, claims: list }));
      }
      case 'GET /staff/reconciliations/{period}': {
        requireRole(user, ['finance']);
        const period = request.params.period ?? '';
        if (!isPeriod(period)) throw new ValidationError([{ path: 'period', code: 'period.invalid' }], 'The period is YYYY-MM.');
        if (request.query.format === 'csv') {
          const report = await premiums.report(period);
          if (!report) throw new NotFoundError(`No reconciliation for ${period} yet.`);
          return csv(reportCsv(report), `rekonsiliasi-${period}.csv`);
        }
        const query = reportQueryFrom(request.query);
        const report = await reportPage({ premiums }, period, query);
        if (isPage(request)) {
          const page = renderReconciliationReport({
            lang,
            user,
            period,
            report,
            limit: query.limit,
            paged: query.cursor !== undefined,
            csrfToken: auth.csrfToken(request),
            running: request.query.running === '1',
          });
          return html(report ? 200 : 404, page);
        }
        if (!report) throw new NotFoundError(`No reconciliation for ${period} yet.`);
        return json(200, report);
      }
      case 'GET /staff/reconciliations/runs/{runId}': {
        requireRole(user, ['finance']);
        const runId = request.params.runId ?? '';
        // Checked before the store: a forged id of any length never reaches DynamoDB as a key.
        const run = RUN_ID_PATTERN.test(runId) ? await runs.get(runId) : undefined;
        if (!run) throw new NotFoundError('No reconciliation run with this id.');
        return json(200, {
          ...run,
          ...(run.status === 'SUCCEEDED' ? { reportUrl: `/staff/reconciliations/${run.period}` } : {}),
        });
      }
      case 'GET /staff/imports/{jobId}': {
        requireRole(user, ['admin', 'finance']);
        const jobId = request.params.jobId ?? '';
        // Checked before the store: a forged id of any length never reaches DynamoDB as a key.
        const job = IMPORT_JOB_ID_PATTERN.test(jobId) ? await jobs.get(jobId) : undefined;
        if (!job) throw new NotFoundError('No import with this id.');
        // The roster is admin's, the payments finance's: as for the imports themselves.
        requireRole(user, [job.kind === 'roster' ? 'admin' : 'finance']);
        return json(200, job);
      }
      default:
        throw new NotFoundError();
    }
  },
  // GET routes only: no body is read.
  {},
);
