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
];

export const routeKey = (r: RouteDefinition): string => `${r.method} ${r.path}`;
