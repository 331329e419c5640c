import type { FunctionName } from './functions';

/** The HTTP API's route table: the CDK HttpApi and the local twin's gateway are both built from it. */
export interface RouteDefinition {
  method: 'GET' | 'POST';
  path: string;
  function: FunctionName;
}

export const ROUTES: readonly RouteDefinition[] = [
  { method: 'GET', path: '/', function: 'claimForm' },
  { method: 'GET', path: '/assets/upload.js', function: 'claimForm' },
  { method: 'GET', path: '/assets/app.css', function: 'claimForm' },
  { method: 'GET', path: '/assets/status.js', function: 'claimForm' },
  { method: 'POST', path: '/uploads', function: 'createUpload' },
  { method: 'POST', path: '/claims', function: 'submitClaim' },
  { method: 'GET', path: '/claims/{reference}', function: 'claimStatus' },
  { method: 'GET', path: '/status', function: 'claimStatus' },
  { method: 'POST', path: '/claims/{reference}/documents', function: 'addDocuments' },
  { method: 'POST', path: '/claims/{reference}/correction', function: 'familyRequests' },
  { method: 'POST', path: '/claims/{reference}/appeal', function: 'familyRequests' },
  { method: 'POST', path: '/benefits/estimate', function: 'benefitEstimate' },
  { method: 'GET', path: '/staff/claims', function: 'staffApi' },
  { method: 'GET', path: '/staff/claims/{reference}', function: 'staffApi' },
  { method: 'GET', path: '/staff/claims/{reference}/documents/{document}', function: 'staffApi' },
  // Browser sign-in: the hosted sign-in page's callback, and sign-out (shared/staff/adapters/sign-in.ts).
  { method: 'GET', path: '/staff/auth/callback', function: 'staffApi' },
  { method: 'GET', path: '/staff/logout', function: 'staffApi' },
  { method: 'POST', path: '/staff/claims/{reference}/decision', function: 'staffApi' },
  { method: 'POST', path: '/staff/claims/{reference}/close', function: 'staffApi' },
  { method: 'POST', path: '/staff/claims/{reference}/appeal-decision', function: 'staffApi' },
  { method: 'POST', path: '/staff/claims/{reference}/assessment', function: 'staffApi' },
  { method: 'POST', path: '/staff/claims/{reference}/payments', function: 'staffApi' },
  { method: 'POST', path: '/staff/claims/{reference}/payout-retry', function: 'staffApi' },
  { method: 'POST', path: '/staff/claims/{reference}/links/revoke', function: 'staffApi' },
  { method: 'GET', path: '/staff/claims/{reference}/audit', function: 'staffApi' },
  { method: 'POST', path: '/staff/members/import', function: 'staffRoster' },
  { method: 'GET', path: '/staff/members/{nik}', function: 'staffPremiumViews' },
  { method: 'GET', path: '/staff/search', function: 'staffSearch' },
  { method: 'POST', path: '/staff/premiums/payments', function: 'staffPayments' },
  { method: 'POST', path: '/staff/reconciliations', function: 'staffPayments' },
  { method: 'GET', path: '/staff/reconciliations', function: 'staffPremiumViews' },
  { method: 'GET', path: '/staff/reconciliations/{period}', function: 'staffPremiumViews' },
  { method: 'GET', path: '/staff/reconciliations/runs/{runId}', function: 'staffPremiumViews' },
  { method: 'GET', path: '/staff/imports/{jobId}', function: 'staffPremiumViews' },
  { method: 'POST', path: '/staff/uploads', function: 'staffRoster' },
  { method: 'GET', path: '/staff/reports/summary', function: 'staffReports' },
  { method: 'GET', path: '/staff/reports', function: 'staffReports' },
  { method: 'GET', path: '/staff/admin/users', function: 'staffAdmin' },
  { method: 'POST', path: '/staff/admin/users', function: 'staffAdmin' },
  { method: 'POST', path: '/staff/admin/users/{username}', function: 'staffAdmin' },
  // After the roster routes: the documented examples run in this order, and a coordinator files for a member imported above.
  { method: 'GET', path: '/staff/coordinator', function: 'coordinatorApi' },
  { method: 'GET', path: '/staff/coordinator/claims/new', function: 'coordinatorApi' },
  { method: 'POST', path: '/staff/coordinator/claims', function: 'coordinatorApi' },
  { method: 'GET', path: '/staff/coordinator/claims/{reference}', function: 'coordinatorApi' },
  { method: 'POST', path: '/staff/coordinator/drafts/{draftId}/delete', function: 'coordinatorApi' },
];

export const routeKey = (r: RouteDefinition): string => `${r.method} ${r.path}`;

/**
 * Functions that anyone may call to look a claim up or file one: the tighter per-IP rate limit of the web ACL applies
 * to their paths (guessing references and NIKs, flooding intake).
 */
export const PUBLIC_LOOKUP_FUNCTIONS: readonly FunctionName[] = ['submitClaim', 'claimStatus', 'addDocuments', 'familyRequests'];

/**
 * The URL paths of the given functions' routes as path matches: a path without parameters exactly, a path with one
 * by its fixed start (`/claims/{reference}` as every path starting with `/claims/`). Sorted, without repeats.
 */
export const pathMatches = (functions: readonly FunctionName[]): { path: string; match: 'EXACTLY' | 'STARTS_WITH' }[] => {
  const matches = new Map<string, 'EXACTLY' | 'STARTS_WITH'>();
  for (const route of ROUTES.filter((r) => functions.includes(r.function))) {
    const parameter = route.path.indexOf('{');
    if (parameter < 0) matches.set(route.path, 'EXACTLY');
    else matches.set(route.path.slice(0, parameter), 'STARTS_WITH');
  }
  return [...matches].sort(([a], [b]) => a.localeCompare(b)).map(([path, match]) => ({ path, match }));
};
