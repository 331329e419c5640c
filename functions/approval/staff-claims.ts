import { assessClaim } from '../../shared/claims/application/approval/assess';
import { closeClaim } from '../../shared/claims/application/approval/close-claim';
import { decide } from '../../shared/claims/application/approval/decide';
import { APPEAL_ROLES, decideAppeal } from '../../shared/claims/application/approval/decide-appeal';
import { REVOKE_LINK_ROLES, revokeStatusLinks } from '../../shared/claims/application/approval/revoke-links';
import { apiItem, countsJson, queueCounts, queueName, queuePage } from '../../shared/claims/application/approval/staff-queues';
import { claimForStaff } from '../../shared/claims/application/approval/staff-views';
import { viewDocument } from '../../shared/claims/application/approval/view-document';
import { retryPayout } from '../../shared/claims/application/payout/retry-payout';
import { decideTranche } from '../../shared/claims/application/tranches/decide-tranche';
import { requestPayment } from '../../shared/claims/application/tranches/request-payment';
import { retryTranchePayout } from '../../shared/claims/application/tranches/tranche-workflow';
import { auditCsv } from '../../shared/claims/domain/audit-export';
import { CLOSE_ROLES } from '../../shared/claims/domain/closure';
import { normalizeReference } from '../../shared/claims/domain/reference';
import { isFurtherTranche } from '../../shared/claims/domain/tranche';
import { assessmentSchema } from '../../shared/claims/schemas/assessment';
import { closeRequestSchema } from '../../shared/claims/schemas/close';
import { decisionRequestSchema } from '../../shared/claims/schemas/decision';
import { revokeLinksRequestSchema } from '../../shared/claims/schemas/links';
import { paymentRequestSchema, payoutRetryRequestSchema } from '../../shared/claims/schemas/payment';
import { appealDecisionRequestSchema } from '../../shared/claims/schemas/reopen';
import { assessmentFromForm } from '../../shared/claims/web/assessment-form';
import { renderSignedIn, renderSignInFailed, renderStaffClaimPage, renderStaffFormError } from '../../shared/claims/web/staff-page';
import { renderStaffQueue } from '../../shared/claims/web/staff-queue-page';
import { claimQueues, claimStore, claimWorkflow, taskResponder } from '../../shared/composition/claims';
import { documentLinks } from '../../shared/composition/document-links';
import { claimMessages, notifier } from '../../shared/composition/notifications';
import { membersRepository, premiumsRepository } from '../../shared/composition/premiums';
import { publicBaseUrl, staffEmails, workflowSettings } from '../../shared/composition/settings';
import { staffAuth, staffSignIn } from '../../shared/composition/staff-auth';
import { type DomainError, NotFoundError, UnauthorizedError, ValidationError } from '../../shared/kernel/errors';
import { validate } from '../../shared/kernel/validate';
import { type Lang, t } from '../../shared/messages';
import { type HttpRequest, httpHandler } from '../../shared/platform/http/handler';
import { linkBase } from '../../shared/platform/http/links';
import { decodePageToken, encodePageToken } from '../../shared/platform/http/page-token';
import { csv, type HttpResponse, html, json, redirect, wantsJson } from '../../shared/platform/http/responses';
import { MetricUnit, metrics } from '../../shared/platform/observability';
import { StaffSignIn } from '../../shared/staff/adapters/sign-in';
import { claimPlaces, enforceScope } from '../../shared/staff/application/scope-guard';
import { requireRole, STAFF_ROLES, type StaffUser } from '../../shared/staff/domain/roles';
import { inScope, isNational, placeOfClaim } from '../../shared/staff/domain/scope';

/** Links in messages: the configured public URL, never the request's Host (shared/platform/http/links.ts). */
const PUBLIC_BASE_URL = publicBaseUrl();

const auth = staffAuth();
const claims = claimStore();
const deps = { claims, workflow: taskResponder(), notifier: notifier(), messages: claimMessages(), staffEmails: staffEmails() };
const assessDeps = { ...deps, members: membersRepository(), secondApprovalAbove: workflowSettings().secondApprovalAbove };
const paymentDeps = { ...assessDeps, workflow: claimWorkflow() };
/** An upheld appeal starts verification again (its own execution), as a further payment starts its own. */
const appealDeps = { ...deps, workflow: paymentDeps.workflow };
/** Province and district scopes (shared/staff/application/scope-guard.ts): where a claim of a route belongs. */
const scopeLookups = { claimPlace: claimPlaces(claims) };
/** Where a browser without a session signs in: the hosted sign-in page (Cognito's in AWS, the twin's locally). */
const signIn = staffSignIn();
const links = documentLinks();
const members = membersRepository();
const premiums = premiumsRepository();
/** The signed-in user of a request, for the error page of a form post (rendered outside the route). */
const users = new WeakMap<object, StaffUser>();
/** Staff pages in Bahasa Indonesia, or English with `?lang=en` (forms post back with it). */
const pageLang = (request: HttpRequest): Lang => (request.query.lang === 'en' ? 'en' : 'id');
const claimUrl = (reference: string, request: HttpRequest, hash = '') =>
  `/staff/claims/${reference}${request.query.lang === 'en' ? '?lang=en' : ''}${hash}`;

const baseUrlOf = (request: HttpRequest) => linkBase(request, PUBLIC_BASE_URL);

const queues = claimQueues();

/**
 * A queue: for browsers the page (a status oldest first, or every status newest first, with the counts of every tab);
 * in JSON the api.md shape `{ items, nextToken? }`, newest first unless `order=oldest`, with `counts` when
 * `counts=true` and `status=ALL` as extensions.
 */
const queue = async (request: HttpRequest, user: StaffUser): Promise<HttpResponse> => {
  const name = queueName(request.query.status ?? 'AWAITING_APPROVAL');
  const asJson = wantsJson(request.headers);
  const order = request.query.order ?? (asJson ? 'newest' : 'oldest');
  if (order !== 'newest' && order !== 'oldest')
    throw new ValidationError([{ path: 'order', code: 'invalid' }], 'order is newest or oldest.');
  const cursor = decodePageToken(request.query.nextToken);
  // Counts are national: a user limited to provinces sees the tabs without them.
  const withCounts = isNational(user) && (!asJson || request.query.counts === 'true');
  const [page, counts] = await Promise.all([
    queuePage(queues, name, { cursor, order, visible: (c) => inScope(user, placeOfClaim(c)) }),
    withCounts ? queueCounts(queues) : undefined,
  ]);
  const nextToken = encodePageToken(page.next);
  if (asJson) {
    return json(200, {
      items: page.rows.map(apiItem),
      ...(nextToken ? { nextToken } : {}),
      ...(counts ? { counts: countsJson(counts) } : {}),
    });
  }
  return html(
    200,
    renderStaffQueue({
      lang: request.lang,
      user,
      queue: page.queue,
      rows: page.rows,
      counts: counts ?? {},
      ...(nextToken ? { nextToken } : {}),
      paged: cursor !== undefined,
    }),
  );
};

/** The member's programme and region, and their coverage month by month, for the claim page (absent: not in the roster). */
const memberView = async (nik: string) => {
  const [member, coverage] = await Promise.all([members.get(nik), premiums.coverageOf(nik)]);
  return {
    member: member && { program: member.program, province: member.province, regency: member.regency },
    coverage: coverage.map(({ period, category, expected, paid }) => ({ period, category, expected: expected.total, paid: paid.total })),
  };
};

const claimPage = async (reference: string, request: HttpRequest, user: StaffUser): Promise<HttpResponse> => {
  const { claim, audit } = await claimForStaff(claims, reference);
  if (wantsJson(request.headers)) {
    // Task tokens stay inside: staff see what the workflow waits for, never the token.
    const withoutToken = (task: typeof claim.pendingTask) => task && { kind: task.kind, since: task.since, escalated: task.escalated };
    const tranches = claim.tranches?.map((t) => ({ ...t, pendingTask: withoutToken(t.pendingTask) }));
    return json(200, { ...claim, pendingTask: withoutToken(claim.pendingTask), ...(tranches ? { tranches } : {}), audit });
  }
  const { member, coverage } = await memberView(claim.member.nik);
  return html(
    200,
    renderStaffClaimPage(claim, audit, user, { csrfToken: auth.csrfToken(request), lang: pageLang(request), member, coverage }),
  );
};

/**
 * Staff routes: the claim queue, one claim (JSON, or the HTML page staff open from the email link), the decision,
 * closing a claim, the assessment, further payments, the payout retry and revoking the family's status links. Every request is authenticated by the same token check; a GET never changes state.
 */
export const handler = httpHandler(
  async (request) => {
    // Sign-in and sign-out need no session: the hosted sign-in's callback, and the way out.
    if (request.route === 'GET /staff/auth/callback') {
      const result = await signIn.finish(request, baseUrlOf(request));
      if (!result.ok) return html(400, renderSignInFailed(result.next, pageLang(request)));
      return { ...html(200, renderSignedIn(result.next, pageLang(request))), cookies: signIn.sessionCookies(result, baseUrlOf(request)) };
    }
    if (request.route === 'GET /staff/logout') return signIn.logout(baseUrlOf(request));
    let user: StaffUser;
    try {
      user = await auth.authenticate(request);
    } catch (error) {
      // A browser without a (valid) session goes straight to the sign-in page, and comes back to this page.
      if (error instanceof UnauthorizedError && request.method === 'GET' && !wantsJson(request.headers))
        return signIn.start(baseUrlOf(request), StaffSignIn.nextOf(request));
      throw error;
    }
    users.set(request, user);
    // A field coordinator who signed in lands here by default: their own page is elsewhere.
    const fieldOnly = !user.roles.some((r) => (STAFF_ROLES as readonly string[]).includes(r)) && user.roles.includes('coordinator');
    if (fieldOnly && request.method === 'GET' && !wantsJson(request.headers)) return redirect('/staff/coordinator');
    requireRole(user, STAFF_ROLES);
    // Province and district scopes: one check for every route (404 for a claim outside them, lists filtered).
    await enforceScope(user, request, scopeLookups);
    const reference = normalizeReference(request.params.reference ?? '');
    const fromForm = request.bodyKind === 'form';
    switch (request.route) {
      case 'GET /staff/claims':
        return queue(request, user);
      case 'GET /staff/claims/{reference}':
        return claimPage(reference, request, user);
      case 'GET /staff/claims/{reference}/documents/{document}': {
        // Any staff role; the view is audited before the short-lived link is signed (view-document.ts).
        const { url } = await viewDocument({ claims, links }, reference, request.params.document ?? '', user);
        return redirect(url, 302);
      }
      case 'POST /staff/claims/{reference}/decision': {
        // The role first: someone who may not decide learns nothing from the body's or the claim's errors.
        requireRole(user, ['approver', 'supervisor']);
        const { tranche, ...input } = validate(decisionRequestSchema, request.body ?? {});
        const decision = { ...input, reasonCode: input.reasonCode || undefined };
        if (isFurtherTranche(tranche)) {
          const decided = await decideTranche(deps, reference, tranche, user, decision, baseUrlOf(request));
          if (fromForm) return redirect(claimUrl(reference, request, `#${tranche}`));
          return json(200, { tranche, status: decided.tranche.status, approvals: decided.tranche.approvals.length });
        }
        const claim = await decide(deps, reference, user, decision, baseUrlOf(request));
        metrics.addDimensions({ outcome: input.decision, decidedBy: 'staff' }).addMetric('ClaimDecisions', MetricUnit.Count, 1);
        if (fromForm) return redirect(claimUrl(reference, request));
        return json(200, { status: claim.status, approvals: claim.approvals?.length ?? 0 });
      }
      case 'POST /staff/claims/{reference}/close': {
        requireRole(user, [...CLOSE_ROLES]);
        const input = validate(closeRequestSchema, request.body ?? {});
        const closed = await closeClaim(
          deps,
          reference,
          user,
          { reasonCode: input.reasonCode, note: input.note || undefined },
          baseUrlOf(request),
        );
        if (fromForm) return redirect(claimUrl(reference, request));
        return json(200, { status: closed.status, reasonCode: input.reasonCode });
      }
      case 'POST /staff/claims/{reference}/appeal-decision': {
        requireRole(user, [...APPEAL_ROLES]);
        const input = validate(appealDecisionRequestSchema, request.body ?? {});
        const claim = await decideAppeal(
          appealDeps,
          reference,
          user,
          { decision: input.decision, note: input.note || undefined },
          baseUrlOf(request),
        );
        if (fromForm) return redirect(claimUrl(reference, request));
        return json(200, { reference, status: claim.status, outcome: claim.appeal?.outcome });
      }
      case 'POST /staff/claims/{reference}/assessment': {
        requireRole(user, ['verifier', 'supervisor']);
        const body = (request.body ?? {}) as Record<string, unknown>;
        const input = validate(assessmentSchema, fromForm ? assessmentFromForm(body) : body);
        const { benefit } = await assessClaim(assessDeps, reference, user, input, baseUrlOf(request));
        if (fromForm) return redirect(claimUrl(reference, request, '#assessment'));
        return json(200, {
          benefit: { total: benefit.total, currency: benefit.currency, ruleSet: benefit.ruleSet, components: benefit.components },
        });
      }
      case 'POST /staff/claims/{reference}/payments': {
        requireRole(user, ['verifier', 'supervisor']);
        const input = validate(paymentRequestSchema, request.body ?? {});
        const { tranche } = await requestPayment(paymentDeps, reference, user, input, baseUrlOf(request));
        const { id, kind, status, amount, currency, ruleSet, components, stmb, schoolYear, children, approval } = tranche;
        const body = { id, kind, status, amount, currency, ruleSet, components, stmb, schoolYear, children, approval };
        return json(201, { reference, tranche: body }, { location: `/staff/claims/${reference}#${id}` });
      }
      case 'POST /staff/claims/{reference}/payout-retry': {
        requireRole(user, ['finance']);
        const { tranche } = validate(payoutRetryRequestSchema, request.body ?? {});
        if (isFurtherTranche(tranche)) {
          const retried = await retryTranchePayout(deps, reference, tranche, user);
          if (fromForm) return redirect(claimUrl(reference, request, `#${tranche}`));
          return json(200, { status: retried.tranche.status });
        }
        const claim = await retryPayout(deps, reference, user);
        if (fromForm) return redirect(claimUrl(reference, request));
        return json(200, { status: claim.status });
      }
      case 'GET /staff/claims/{reference}/audit': {
        // Any staff: the claim's audit trail as a spreadsheet (who, when, what, why), for an inspector or an appeal.
        const { audit } = await claimForStaff(claims, reference);
        return csv(auditCsv(reference, audit), `audit-${reference}.csv`);
      }
      case 'POST /staff/claims/{reference}/links/revoke': {
        requireRole(user, [...REVOKE_LINK_ROLES]);
        const input = validate(revokeLinksRequestSchema, request.body === undefined ? {} : request.body);
        const revoked = await revokeStatusLinks(deps, reference, user, { note: input.note || undefined }, baseUrlOf(request));
        if (fromForm) return redirect(claimUrl(reference, request));
        return json(200, revoked);
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
    renderError: (error: DomainError, status, request) =>
      request.bodyKind === 'form' && request.params.reference
        ? html(
            status,
            renderStaffFormError(
              status,
              // A stale or forged form is the one refusal a person must act on: in the page's words.
              error.code === 'CSRF_TOKEN_INVALID' ? t('staff.form.tokenInvalid', pageLang(request)) : error.message,
              request.params.reference,
              users.get(request),
              pageLang(request),
            ),
          )
        : undefined,
  },
);
