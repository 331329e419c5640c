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
  { method: 'POST', path: '/uploads', function: 'createUpload' },
  { method: 'POST', path: '/claims', function: 'submitClaim' },
  { method: 'GET', path: '/claims/{reference}', function: 'claimStatus' },
  { method: 'GET', path: '/status', function: 'claimStatus' },
  { method: 'POST', path: '/claims/{reference}/documents', function: 'addDocuments' },
  { method: 'POST', path: '/benefits/estimate', function: 'benefitEstimate' },
  { method: 'GET', path: '/staff/claims', function: 'staffApi' },
  { method: 'GET', path: '/staff/claims/{reference}', function: 'staffApi' },
  { method: 'POST', path: '/staff/claims/{reference}/decision', function: 'staffApi' },
  { method: 'POST', path: '/staff/claims/{reference}/close', function: 'staffApi' },
  { method: 'POST', path: '/staff/claims/{reference}/assessment', function: 'staffApi' },
  { method: 'POST', path: '/staff/claims/{reference}/payments', function: 'staffApi' },
  { method: 'POST', path: '/staff/claims/{reference}/payout-retry', function: 'staffApi' },
  { method: 'POST', path: '/staff/members/import', function: 'staffRoster' },
  { method: 'GET', path: '/staff/members/{nik}', function: 'staffPremiumViews' },
  { method: 'POST', path: '/staff/premiums/payments', function: 'staffPayments' },
  { method: 'POST', path: '/staff/reconciliations', function: 'staffPayments' },
  { method: 'GET', path: '/staff/reconciliations/{period}', function: 'staffPremiumViews' },
  { method: 'GET', path: '/staff/reconciliations/runs/{runId}', function: 'staffPremiumViews' },
  { method: 'POST', path: '/staff/uploads', function: 'staffRoster' },
];

export const routeKey = (r: RouteDefinition): string => `${r.method} ${r.path}`;
