import * as z from 'zod/mini';
import { ROUTES, routeKey } from '../../infra/definitions/routes';
import packageJson from '../../package.json';
import { parseForm } from '../../shared/platform/http/body';
import { SESSION_COOKIE } from '../../shared/staff/adapters/staff-auth';
import { CSRF_FIELD } from '../../shared/staff/domain/csrf';
import {
  type BodySpec,
  COMPONENTS,
  type Example,
  OPERATIONS,
  type OperationSpec,
  PATH_PARAMETERS,
  type ResponseSpec,
  TAGS,
  TWIN_COMPONENTS,
  TWIN_OPERATIONS,
} from './operations';

/**
 * Builds the OpenAPI 3.1 document from the route table (infra/definitions/routes.ts), the zod schemas (through
 * `z.toJSONSchema`, which drops refinements it cannot express: their meaning is in the schemas' `z.meta`
 * descriptions) and the per-route specification in ./operations.ts. Pure: `npm run openapi` writes the result to
 * docs/openapi.json and a unit test compares the committed file with a fresh build.
 */

export const OPENAPI_FILE = 'docs/openapi.json';

type Json = Record<string, unknown>;
type Schema = z.ZodMiniType;

const API_GATEWAY_LIMIT = '10 MB';
const METHOD_ORDER = ['get', 'put', 'post', 'delete', 'patch'];
const JSON_MEDIA = 'application/json';
const FORM_MEDIA = 'application/x-www-form-urlencoded';
const CSV_MEDIA = 'text/csv';

const jsonSchemaOf = (schema: Schema, io: 'input' | 'output'): Json => {
  // Each component stands alone in the document; the dialect is OpenAPI 3.1's (JSON Schema 2020-12), so no `$schema`.
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io }) as Json;
  return rest;
};

const size = (bytes: number): string => (bytes % 1024 === 0 ? `${bytes / 1024} KB` : `${bytes} bytes`);

const isZod = (value: unknown): value is Schema => typeof value === 'object' && value !== null && '_zod' in value;

/**
 * A form body has the JSON body's fields under their JSON paths as names (`member.nik`, `documents[0].type`), as the
 * claim form posts them and shared/platform/http/body.ts reads them back. Array rows become pattern properties.
 */
const flattenForForm = (schema: Json, extraFields: Record<string, Json> = {}): Json => {
  const properties: Record<string, Json> = {};
  const patternProperties: Record<string, Json> = {};
  const required: string[] = [];
  const walk = (node: Json, name: string, pattern: string, inArray: boolean, isRequired: boolean): void => {
    // A nullable field (`anyOf: [..., {type: 'null'}]`): a form leaves it empty, which the body reader leaves out.
    const branches = node.anyOf as Json[] | undefined;
    const notNull = branches?.filter((b) => b.type !== 'null');
    if (branches?.length === 2 && notNull?.length === 1) {
      const { anyOf: _anyOf, ...rest } = node;
      walk({ ...rest, ...notNull[0] }, name, pattern, inArray, false);
      return;
    }
    if (node.type === 'object') {
      const requiredKeys = new Set((node.required as string[] | undefined) ?? []);
      for (const [key, child] of Object.entries(node.properties as Record<string, Json>)) {
        walk(child, name ? `${name}.${key}` : key, pattern ? `${pattern}\\.${key}` : key, inArray, isRequired && requiredKeys.has(key));
      }
    } else if (node.type === 'array') {
      walk(node.items as Json, `${name}[i]`, `${pattern}\\[\\d{1,2}\\]`, true, false);
    } else if (node.type === 'string') {
      if (inArray) patternProperties[`^${pattern}$`] = node;
      else {
        properties[name] = node;
        if (isRequired) required.push(name);
      }
    } else {
      throw new Error(`A form field is text, but ${name} is ${JSON.stringify(node.type)}: give the form its own schema.`);
    }
  };
  walk(schema, '', '', false, true);
  return {
    type: 'object',
    description: 'Field names are the JSON paths of the JSON body (`member.nik`, `documents[0].uploadId`); empty fields are left out.',
    properties: { ...properties, ...extraFields },
    ...(Object.keys(patternProperties).length ? { patternProperties } : {}),
    ...(required.length ? { required } : {}),
  };
};

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ');

/** Examples are requests the contract test sends: one that its own schema refuses is a mistake here, found now. */
const checkExamples = (where: string, body: BodySpec, kind: 'json' | 'form') => {
  for (const [name, example] of Object.entries(body.examples)) {
    const input = kind === 'form' ? parseForm(new URLSearchParams(example.value as Record<string, string>).toString()) : example.value;
    const result = body.schema.safeParse(input);
    if (!result.success) throw new Error(`The ${kind} example "${name}" of ${where} does not pass its schema: ${issuesOf(result)}`);
  }
};

/** The hidden field of every staff form (shared/staff/domain/csrf.ts). */
const CSRF_FORM_FIELD: Record<string, Json> = {
  [CSRF_FIELD]: {
    type: 'string',
    pattern: '^[\\w-]{43}$',
    description: "The session's form token (a hidden field; only for a post signed with the session cookie).",
  },
};

const examplesOf = (examples: Record<string, Example>): Json =>
  Object.fromEntries(Object.entries(examples).map(([name, e]) => [name, { summary: e.summary, value: e.value }]));

export const buildOpenApiDocument = (): Json => {
  const componentSchemas: Record<string, Json> = {};
  const names = new Map<Schema, string>();
  for (const { name, schema, io } of [...COMPONENTS, ...TWIN_COMPONENTS]) {
    if (componentSchemas[name]) throw new Error(`Two components are named ${name}`);
    names.set(schema, name);
    componentSchemas[name] = jsonSchemaOf(schema, io);
  }
  const nameOf = (schema: Schema): string => {
    const name = names.get(schema);
    if (!name) throw new Error('A schema used by an operation is not in COMPONENTS (scripts/openapi/operations.ts)');
    return name;
  };
  const ref = (schema: Schema): Json => ({ $ref: `#/components/schemas/${nameOf(schema)}` });
  /** The form variant of a JSON body's schema, as its own component (`ClaimSubmissionForm`). */
  const formRef = (schema: Schema, extraFields?: Record<string, Json>): Json => {
    const name = nameOf(schema);
    componentSchemas[`${name}Form`] ??= flattenForForm(componentSchemas[name]!, extraFields);
    return { $ref: `#/components/schemas/${name}Form` };
  };
  const errorShape = (codes: readonly string[]): Json => ({
    allOf: [{ $ref: '#/components/schemas/ErrorResponse' }],
    properties: { error: { enum: [...codes] } },
  });
  const jsonOf = (json: NonNullable<ResponseSpec['json']>): Json => {
    if (isZod(json)) return ref(json);
    if ('errors' in json) return errorShape(json.errors);
    return { anyOf: json.anyOf.map((j) => jsonOf(j)) };
  };
  const gatewayError = { $ref: '#/components/schemas/GatewayError' };

  const responseOf = (spec: ResponseSpec, status: number, lambda: boolean): Json => {
    const content: Record<string, Json> = {};
    if (spec.json) {
      // Before any function runs, API Gateway answers a body over its limit or a crashed function in its own shape.
      const gateway = lambda && (status === 413 || status === 500);
      content[JSON_MEDIA] = { schema: gateway ? { anyOf: [jsonOf(spec.json), gatewayError] } : jsonOf(spec.json) };
    }
    if (spec.html) content['text/html'] = { schema: { type: 'string', description: spec.html } };
    if (spec.csv) content[CSV_MEDIA] = { schema: { type: 'string', description: spec.csv } };
    if (spec.text) content[spec.text.mediaType] = { schema: spec.text.schema ?? { type: 'string', description: spec.text.description } };
    // 429 names its own Retry-After (spec.retryAfter); a 503 always has one.
    const retryAfterText = spec.retryAfter ?? (status === 503 ? 'Seconds to wait before trying again.' : undefined);
    const retryAfter = retryAfterText ? { 'Retry-After': { description: retryAfterText, schema: { type: 'integer', minimum: 1 } } } : {};
    const headers = { ...(spec.location ? { Location: { description: spec.location, schema: { type: 'string' } } } : {}), ...retryAfter };
    return {
      description: spec.description,
      ...(Object.keys(headers).length ? { headers } : {}),
      ...(Object.keys(content).length ? { content } : {}),
    };
  };

  const operationOf = (key: string, path: string, spec: OperationSpec, twinOnly: boolean): Json => {
    const lambda = !twinOnly;
    const responses: Record<number, ResponseSpec> = { ...spec.responses };
    const mediaTypes = [spec.body?.json && JSON_MEDIA, spec.body?.form && FORM_MEDIA, spec.body?.csv && CSV_MEDIA].filter(
      (m): m is string => !!m,
    );
    // A staff post signed only by the session cookie also carries the session's form token (shared/staff/domain/csrf.ts).
    const cookiePost = !!spec.roles && key.startsWith('POST ');
    if (spec.roles) {
      responses[401] ??= {
        description: 'No valid access token: send `Authorization: Bearer <token>` (or the sign-in cookie).',
        json: { errors: ['UNAUTHORIZED'] },
      };
      // A browser that did not ask for JSON goes to the hosted sign-in page instead, and comes back after it.
      if (spec.signInPage)
        responses[302] ??= {
          description: 'No session, from a browser that did not ask for JSON: to the hosted sign-in page, which comes back to this page.',
          location: 'The sign-in page (`<sign-in service>/oauth2/authorize?…`).',
        };
      responses[403] ??= { description: `Signed in, but not as ${spec.roles.join(' or ')}.`, json: { errors: ['FORBIDDEN'] } };
    }
    if (cookiePost) {
      const forbidden = responses[403]!;
      const codes = forbidden.json && !isZod(forbidden.json) && 'errors' in forbidden.json ? forbidden.json.errors : ['FORBIDDEN'];
      responses[403] = {
        ...forbidden,
        description: `${forbidden.description} \`CSRF_TOKEN_INVALID\`: signed with the session cookie, but without the session's form token (\`${CSRF_FIELD}\` or \`X-CSRF-Token\`).`,
        json: { errors: [...codes, 'CSRF_TOKEN_INVALID'] },
      };
    }
    // The HTTP stack of every function refuses a body over its limit or of another media type; the twin's own routes do not.
    if (spec.body && lambda) {
      responses[413] ??= { description: `The body is over ${size(spec.body.maxBytes)}.`, json: { errors: ['PAYLOAD_TOO_LARGE'] } };
      responses[413] = {
        ...responses[413],
        description: `${responses[413].description} Over ${API_GATEWAY_LIMIT}, API Gateway answers itself.`,
      };
      responses[415] ??= { description: `The body is not ${mediaTypes.join(' or ')}.`, json: { errors: ['UNSUPPORTED_MEDIA_TYPE'] } };
    }
    if (lambda) {
      responses[500] ??= {
        description: 'Something failed on our side; nothing was lost, try again.',
        json: { errors: ['INTERNAL_ERROR'] },
      };
      responses[503] ??= {
        description:
          'A service we depend on is briefly unavailable (a database restart, throttling); nothing was saved. Try again after `Retry-After` seconds (with the same `Idempotency-Key`, where the route takes one).',
        json: { errors: ['SERVICE_UNAVAILABLE'] },
      };
    }

    const pathParameters = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => {
      const p = PATH_PARAMETERS[name!];
      if (!p) throw new Error(`${key}: the path parameter ${name} is not described in PATH_PARAMETERS`);
      return { name, in: 'path', required: true, description: p.description, schema: p.schema, example: p.example };
    });
    const parameters = [
      ...pathParameters,
      ...(cookiePost
        ? [
            {
              name: 'X-CSRF-Token',
              in: 'header',
              description:
                "Only with the session cookie (not with a Bearer token): the session's form token, as the pages' hidden " +
                `\`${CSRF_FIELD}\` field carries it. A form post may send the field instead.`,
              schema: { type: 'string' },
            },
          ]
        : []),
      ...(spec.parameters ?? []).map((p) => ({
        name: p.name,
        in: p.in,
        description: p.description,
        ...(p.required ? { required: true } : {}),
        schema: p.schema,
        ...(p.example !== undefined ? { example: p.example } : {}),
      })),
    ];

    let requestBody: Json | undefined;
    if (spec.body) {
      const content: Record<string, Json> = {};
      const { json, form, csv } = spec.body;
      if (json) {
        checkExamples(key, json, 'json');
        content[JSON_MEDIA] = { schema: ref(json.schema), examples: examplesOf(json.examples) };
      }
      if (form) {
        checkExamples(key, form, 'form');
        content[FORM_MEDIA] = {
          schema: formRef(form.schema, cookiePost ? { ...form.extraFields, ...CSRF_FORM_FIELD } : form.extraFields),
          examples: examplesOf(form.examples),
        };
      }
      if (csv) {
        for (const [name, example] of Object.entries(csv.examples)) {
          if (String(example.value).split('\n')[0] !== csv.header.join(','))
            throw new Error(`The CSV example "${name}" of ${key} has another header`);
        }
        const description = `A header row \`${csv.header.join(',')}\`, then one line per record; UTF-8, comma-separated.`;
        content[CSV_MEDIA] = { schema: { type: 'string', description }, examples: examplesOf(csv.examples) };
      }
      const notes = [json?.description && `JSON: ${json.description}`, form?.description && `Form: ${form.description}`].filter(Boolean);
      requestBody = { required: spec.body.required, description: [`At most ${size(spec.body.maxBytes)}.`, ...notes].join(' '), content };
    }

    const statuses = Object.keys(responses)
      .map(Number)
      .sort((a, b) => a - b);
    return {
      tags: [spec.tag],
      summary: spec.summary,
      description: spec.roles ? `${spec.description}\n\nRoles: ${spec.roles.join(', ')}.` : spec.description,
      operationId: spec.operationId,
      ...(parameters.length ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses: Object.fromEntries(statuses.map((s) => [String(s), responseOf(responses[s]!, s, lambda)])),
      ...(spec.roles ? { security: [{ staffBearer: [] }, { staffSession: [] }], 'x-roles': [...spec.roles] } : {}),
      ...(twinOnly ? { 'x-twin-only': true } : {}),
    };
  };

  const paths: Record<string, Record<string, Json>> = {};
  const addOperation = (key: string, spec: OperationSpec, twinOnly: boolean) => {
    const [method, path] = key.split(' ') as [string, string];
    paths[path] ??= {};
    paths[path][method.toLowerCase()] = operationOf(key, path, spec, twinOnly);
  };
  // The route table is the source of the routes: each must be described, and nothing else may be.
  const keys = new Set(ROUTES.map(routeKey));
  for (const key of keys) {
    const spec = OPERATIONS[key];
    if (!spec) throw new Error(`The route ${key} has no description in scripts/openapi/operations.ts`);
    addOperation(key, spec, false);
  }
  for (const key of Object.keys(OPERATIONS)) if (!keys.has(key)) throw new Error(`${key} is described but is not in the route table`);
  for (const [key, spec] of Object.entries(TWIN_OPERATIONS)) addOperation(key, spec, true);

  // Keys that are data (paths, methods, schema names) are sorted so the file does not churn when code moves.
  const sortedPaths = Object.fromEntries(
    Object.keys(paths)
      .sort()
      .map((p) => [p, Object.fromEntries(Object.entries(paths[p]!).sort(([a], [b]) => METHOD_ORDER.indexOf(a) - METHOD_ORDER.indexOf(b)))]),
  );
  const sortedSchemas = Object.fromEntries(
    Object.keys(componentSchemas)
      .sort()
      .map((n) => [n, componentSchemas[n]]),
  );

  return {
    openapi: '3.1.1',
    info: {
      title: 'Santunan API',
      version: packageJson.version,
      summary: 'Death (JKM) and work-accident (JKK) benefit claims for the families of government-sponsored workers.',
      description:
        'The public contract of Santunan: the HTTP API of the CDK stack (API Gateway HTTP API) and of the local twin, which serves the ' +
        'same route table with the same handlers. Generated by `npm run openapi` from the zod schemas (`shared/*/schemas`), the route ' +
        'table (`infra/definitions/routes.ts`) and `scripts/openapi/operations.ts`; do not edit by hand.\n\n' +
        'Errors are `{ "error": "CODE", "message": "human text", "fields": [{ "path", "code", "message" }] }` (`fields` only for ' +
        '`VALIDATION_FAILED`; messages in Bahasa Indonesia, `?lang=en` for English). Amounts are integer rupiah (`IDR`), dates ' +
        '`YYYY-MM-DD`, times ISO 8601 with the +07:00 offset. Response objects list every field sent today; fields may be added, so ' +
        'ignore the ones you do not know. Staff routes need a staff access token with a role they name.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [
      { url: 'http://localhost:3000', description: 'The local twin (`npm start`; `PORT` overrides the port).' },
      {
        url: 'https://{apiId}.execute-api.{region}.amazonaws.com',
        description: 'The deployed HTTP API (the stack output), or its custom domain.',
        variables: { apiId: { default: 'your-api-id' }, region: { default: 'ap-southeast-3' } },
      },
    ],
    tags: TAGS,
    paths: sortedPaths,
    components: {
      schemas: sortedSchemas,
      securitySchemes: {
        staffBearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A Cognito access token in AWS (its user pool groups are the roles); on the local twin, one from POST /auth/token.',
        },
        staffSession: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description:
            'The same token in the HttpOnly cookie that the sign-in page sets, for browsers. A POST signed with it must also ' +
            `carry the session's form token: the hidden \`${CSRF_FIELD}\` field of the page's forms, or the \`X-CSRF-Token\` header.`,
        },
      },
    },
  };
};

/** The file's text: two-space indentation and a final newline, as committed. */
export const renderOpenApi = (): string => `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
