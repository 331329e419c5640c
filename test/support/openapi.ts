import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { ROUTES, routeKey } from '../../infra/definitions/routes';
import { type Api, apiClient } from './api';

/** The committed API description and what the contract tests need from it. */
export const OPENAPI_FILE = 'docs/openapi.json';

export interface MediaType {
  schema: Record<string, unknown>;
  examples?: Record<string, { summary: string; value: unknown }>;
}
export interface Operation {
  operationId: string;
  parameters?: { name: string; in: string; required?: boolean; example?: string }[];
  requestBody?: { required: boolean; content: Record<string, MediaType> };
  responses: Record<string, { description: string; content?: Record<string, MediaType> }>;
  security?: Record<string, string[]>[];
  'x-roles'?: string[];
  'x-twin-only'?: boolean;
}
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

export const loadOpenApi = (): OpenApiDocument => JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as OpenApiDocument;

/** `GET /claims/{reference}` and its operation, in the route table's order, then the twin-only operations. */
export const operationsOf = (doc: OpenApiDocument): { key: string; method: string; path: string; operation: Operation }[] => {
  const all = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({
      key: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      path,
      operation,
    })),
  );
  const order = ROUTES.map(routeKey);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return all.sort((a, b) => rank(a.key) - rank(b.key));
};

/** JSON Pointer (RFC 6901) into the document, as a URI fragment. */
export const pointer = (...segments: string[]): string =>
  `#/${segments.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/')}`;

/**
 * Validates values against schemas inside the document (JSON Schema 2020-12, the dialect of OpenAPI 3.1, with the
 * formats it names). The whole document is registered so that `$ref`s to its components resolve; its other parts are
 * not schemas, hence no strict mode and no meta-validation here (the OpenAPI validator checks the document itself).
 */
export const documentValidator = (doc: OpenApiDocument) => {
  const ajv = new Ajv2020({ strict: false, validateSchema: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc, 'openapi');
  return (fragment: string, value: unknown): string | undefined => {
    const validate = ajv.getSchema(`openapi${fragment}`);
    if (!validate) throw new Error(`No schema at ${fragment}`);
    return validate(value) ? undefined : ajv.errorsText(validate.errors, { separator: '; ' });
  };
};

export const mediaTypeOf = (contentType: string | null): string => (contentType ?? '').split(';')[0]!.trim().toLowerCase();

/**
 * Checks one response against the operation that the document describes: the status is one it lists, the media
 * type one it lists for that status (or no body where it lists none), and a JSON body validates against the schema.
 * Returns the problems found, empty when the response is as documented.
 */
export const checkResponse = (
  doc: OpenApiDocument,
  validate: ReturnType<typeof documentValidator>,
  where: { method: string; path: string },
  res: { status: number; headers: Headers; text: string },
): string[] => {
  const operation = doc.paths[where.path]?.[where.method.toLowerCase()];
  if (!operation) return [`${where.method} ${where.path} is not in the document`];
  const documented = operation.responses[String(res.status)];
  if (!documented)
    return [`status ${res.status} is not documented (${Object.keys(operation.responses).join(', ')}); body ${res.text.slice(0, 300)}`];
  if (!documented.content) return res.text === '' ? [] : [`status ${res.status} documents no body, got ${res.text.slice(0, 200)}`];
  const media = mediaTypeOf(res.headers.get('content-type'));
  if (!documented.content[media])
    return [`status ${res.status}: content type ${media} is not documented (${Object.keys(documented.content).join(', ')})`];
  if (media !== 'application/json') return [];
  let body: unknown;
  try {
    body = JSON.parse(res.text);
  } catch {
    return [`status ${res.status}: the body is not JSON: ${res.text.slice(0, 200)}`];
  }
  const problem = validate(
    pointer('paths', where.path, where.method.toLowerCase(), 'responses', String(res.status), 'content', media, 'schema'),
    body,
  );
  return problem ? [`status ${res.status}: the body does not match the documented schema: ${problem}; body ${res.text.slice(0, 500)}`] : [];
};

/** An Api (test/support/api.ts) for the twin the global setup started, so the workflow helpers work against it. */
export const twinApi = (): Api => apiClient(process.env.SANTUNAN_TWIN_URL!);
