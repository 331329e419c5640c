import { reportSource } from '../../shared/composition/reporting';
import { signInStarter, staffAuth } from '../../shared/composition/staff-auth';
import { UnauthorizedError, ValidationError } from '../../shared/kernel/errors';
import { httpHandler } from '../../shared/platform/http/handler';
import { csv, html, json, wantsJson } from '../../shared/platform/http/responses';
import { reportSummary } from '../../shared/reporting/application/report-summary';
import { dashboardCsv, renderDashboard } from '../../shared/reporting/web/dashboard-page';
import { csvFileName, isReportTable } from '../../shared/reporting/web/tables';
import { enforceScope } from '../../shared/staff/application/scope-guard';
import { requireRole, STAFF_ROLES } from '../../shared/staff/domain/roles';
import { isNational } from '../../shared/staff/domain/scope';

const auth = staffAuth();
const source = reportSource();
const startSignIn = signInStarter();

/**
 * The reports: `GET /staff/reports/summary` (api.md, JSON) and the dashboard `GET /staff/reports` (HTML, or one of its
 * tables as CSV with `format=csv&table=`). Any staff role; read only (the claims' byStatus index and the months'
 * reconciliation reports), so no grant to write anything.
 */
export const handler = httpHandler(
  async (request) => {
    const page = request.route === 'GET /staff/reports';
    let user: Awaited<ReturnType<typeof auth.authenticate>>;
    try {
      user = await auth.authenticate(request);
    } catch (error) {
      if (error instanceof UnauthorizedError && page && request.query.format !== 'csv' && !wantsJson(request.headers))
        return startSignIn(request);
      throw error;
    }
    requireRole(user, STAFF_ROLES);
    // Staff limited to provinces see the claims of theirs (premium coverage stays national); limited to districts
    // only, they have no province: no claims.
    await enforceScope(user, request, {});
    const scope = isNational(user) ? {} : { provinces: user.provinces ?? [] };
    const query = { from: request.query.from, to: request.query.to };
    if (!page) return json(200, await reportSummary({ source }, query, new Date(), scope));

    const format = request.query.format;
    if (format !== undefined && format !== 'csv' && format !== 'html')
      throw new ValidationError([{ path: 'format', code: 'invalid' }], 'format is csv, or absent for the page.');
    if (format === 'csv') {
      const table = request.query.table ?? '';
      if (!isReportTable(table)) throw new ValidationError([{ path: 'table', code: 'invalid' }], 'An unknown table.');
      const summary = await reportSummary({ source }, query, new Date(), scope);
      return csv(dashboardCsv(summary, table, request.lang), csvFileName(summary, table));
    }
    try {
      const summary = await reportSummary({ source }, query, new Date(), scope);
      return html(200, renderDashboard(summary, { lang: request.lang, user, query }));
    } catch (error) {
      // A refused range comes back as the form with the messages beside the fields.
      if (error instanceof ValidationError)
        return html(400, renderDashboard(undefined, { lang: request.lang, user, query, errors: error.fields }));
      throw error;
    }
  },
  // GET routes only: no body is read.
  {},
);
