import * as z from 'zod/mini';
import { StaffAuth, requireRole, STAFF_ROLES, type StaffUser } from '../../shared/staff/adapters/staff-auth';
import { optionalEnv, requireEnv } from '../../shared/composition/env';
import { CLAIM_STATUSES, type ClaimStatus } from '../../shared/claims/domain/claim';
import { normalizeReference } from '../../shared/claims/domain/reference';
import { AppError, NotFoundError, UnauthorizedError, ValidationError } from '../../shared/kernel/errors';
import { httpHandler, type HttpRequest } from '../../shared/platform/http/handler';
import { metrics, MetricUnit } from '../../shared/platform/observability';
import { html, json, redirect, wantsJson, type HttpResponse } from '../../shared/platform/http/responses';
import { validate } from '../../shared/kernel/validate';
import { decide, retryPayout } from '../../shared/claims/application/approval/decide';
import { renderSignInNeeded, renderStaffClaimPage, renderStaffQueue } from '../../shared/claims/web/staff-page';
import { workflowConfig } from '../../shared/composition/settings';
import { claims as claimsRepo, notifier as makeNotifier, workflow as workflowClient } from '../../shared/composition/lambda';

const auth = new StaffAuth(requireEnv('AUTH_ISSUER'), requireEnv('AUTH_JWKS_URL'), process.env.AUTH_CLIENT_ID || undefined);
const claims = claimsRepo();
const config = workflowConfig();
const deps = { claims, workflow: workflowClient(), notifier: makeNotifier(), staffEmails: config.staffEmails };
/** Where a browser without a session signs in (the twin's sign-in page; in AWS the Cognito hosted UI). */
const loginUrl = optionalEnv('STAFF_LOGIN_URL', '/staff/login');

const decisionSchema = z.object({
  decision: z.enum(['approve', 'reject'], { error: 'decision.invalid' }),
  reasonCode: z.optional(z.string().check(z.maxLength(40))),
  note: z.optional(z.string().check(z.maxLength(500, 'tooLong'))),
});

const baseUrlOf = (request: HttpRequest) => `${request.headers['x-forwarded-proto'] ?? 'https'}://${request.headers.host ?? ''}`;
const pageTokenOf = (item: Record<string, unknown> | undefined) => (item ? Buffer.from(JSON.stringify(item)).toString('base64url') : undefined);
const keyOf = (token: string | undefined): Record<string, unknown> | undefined => {
  if (!token) return undefined;
  try {
    const key = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    if (key && typeof key === 'object' && !Array.isArray(key) && Object.values(key).every((v) => typeof v === 'string')) return key as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new ValidationError([{ path: 'nextToken', code: 'invalid' }], 'nextToken is not one this API gave out.');
};

const queue = async (request: HttpRequest, user: StaffUser): Promise<HttpResponse> => {
  const status = (request.query.status ?? 'AWAITING_APPROVAL').toUpperCase();
  if (!(CLAIM_STATUSES as readonly string[]).includes(status)) throw new ValidationError([{ path: 'status', code: 'invalid' }], `status must be one of ${CLAIM_STATUSES.join(', ')}.`);
  const page = await claims.listByStatus(status as ClaimStatus, 50, keyOf(request.query.nextToken));
  const items = page.items.map((c) => ({ reference: c.reference, status: c.status, benefit: c.benefit, memberName: c.member.name, amount: c.verification?.benefit?.total, submittedAt: c.submittedAt }));
  const nextToken = pageTokenOf(page.nextKey);
  if (wantsJson(request.headers)) return json(200, { items, ...(nextToken ? { nextToken } : {}) });
  return html(200, renderStaffQueue(status, items, user, nextToken));
};

const claimPage = async (reference: string, request: HttpRequest, user: StaffUser, message?: string): Promise<HttpResponse> => {
  const claim = await claims.get(reference);
  if (!claim) throw new NotFoundError('No claim with this reference.');
  const audit = await claims.auditTrail(reference);
  if (wantsJson(request.headers)) return json(200, { ...claim, pendingTask: claim.pendingTask ? { kind: claim.pendingTask.kind, since: claim.pendingTask.since, escalated: claim.pendingTask.escalated } : undefined, audit });
  return html(200, renderStaffClaimPage(claim, audit, user, message));
};

/**
 * Staff routes: the claim queue, one claim (JSON, or the HTML page staff open from the email link), the decision,
 * and the payout retry. Every request is authenticated by the same token check; a GET never changes state.
 */
export const handler = httpHandler(
  async (request) => {
    let user: StaffUser;
    try {
      user = await auth.authenticate(request);
    } catch (error) {
      if (error instanceof UnauthorizedError && request.method === 'GET' && !wantsJson(request.headers)) {
        return html(401, renderSignInNeeded(loginUrl, request.route === 'GET /staff/claims' ? '/staff/claims' : `/staff/claims/${request.params.reference ?? ''}`));
      }
      throw error;
    }
    requireRole(user, STAFF_ROLES);
    const reference = normalizeReference(request.params.reference ?? '');
    const fromForm = request.bodyKind === 'form';
    switch (request.route) {
      case 'GET /staff/claims':
        return queue(request, user);
      case 'GET /staff/claims/{reference}':
        return claimPage(reference, request, user);
      case 'POST /staff/claims/{reference}/decision': {
        const input = validate(decisionSchema, request.body ?? {});
        const claim = await decide(deps, reference, user, { ...input, reasonCode: input.reasonCode || undefined }, baseUrlOf(request));
        metrics.addDimensions({ outcome: input.decision, decidedBy: 'staff' }).addMetric('ClaimDecisions', MetricUnit.Count, 1);
        if (fromForm) return redirect(`/staff/claims/${reference}`);
        return json(200, { status: claim.status, approvals: claim.approvals?.length ?? 0 });
      }
      case 'POST /staff/claims/{reference}/payout-retry': {
        const claim = await retryPayout(deps, reference, user);
        if (fromForm) return redirect(`/staff/claims/${reference}`);
        return json(200, { status: claim.status });
      }
      default:
        throw new NotFoundError();
    }
  },
  {
    accepts: ['json', 'form'],
    maxBodyBytes: 8 * 1024,
    // GET requests carry no body; a body-less POST is refused by the content type check.
    optionalBody: true,
    renderError: (error: AppError, request) =>
      request.bodyKind === 'form' && error.status < 500 && request.params.reference
        ? html(error.status, `<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="/assets/app.css"><main><h1>${error.status}</h1><p>${error.message.replace(/[<>&]/g, '')}</p><p><a href="/staff/claims/${encodeURIComponent(request.params.reference)}">Kembali ke klaim</a></p></main>`)
        : undefined,
  },
);
