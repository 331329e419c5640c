import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type * as z from 'zod/mini';
import { ROUTES, routeKey } from '../../infra/definitions/routes';
import { renderOpenApi } from '../../scripts/openapi/document';
import type { publicStatus } from '../../shared/claims/application/intake/find-claim';
import type { claimStatusResponseSchema } from '../../shared/claims/schemas/responses';
import { currentPeriod, isPeriod } from '../../shared/kernel/periods';
import type { PremiumsRepository } from '../../shared/premiums/adapters/premiums-repository';
import { reconcile } from '../../shared/premiums/domain/reconciliation';
import { reconcileRequestSchema } from '../../shared/premiums/schemas/reconciliation';
import { reconciliationReportSchema } from '../../shared/premiums/schemas/responses';
import { aMember } from '../support/members';
import { documentValidator, loadOpenApi, OPENAPI_FILE, operationsOf, pointer } from '../support/openapi';

const doc = loadOpenApi();

describe('docs/openapi.json', () => {
  it('is what `npm run openapi` generates from the schemas and the route table now', () => {
    const committed = readFileSync(OPENAPI_FILE, 'utf8');
    const fresh = renderOpenApi();
    if (committed !== fresh) {
      const a = committed.split('\n');
      const b = fresh.split('\n');
      const line = a.findIndex((l, i) => l !== b[i]);
      throw new Error(
        `${OPENAPI_FILE} is stale: run \`npm run openapi\` and commit it. ` +
          `First difference at line ${line + 1}:\n- ${a[line]}\n+ ${b[line]}`,
      );
    }
  });

  it('is a valid OpenAPI 3.1 document (@seriousme/openapi-schema-validator)', () => {
    // The validator is ESM only and Jest runs CommonJS here: it runs in its own Node process.
    const script = `
      import { readFileSync } from 'node:fs';
      import { Validator } from '@seriousme/openapi-schema-validator';
      const validator = new Validator();
      const result = await validator.validate(JSON.parse(readFileSync(${JSON.stringify(OPENAPI_FILE)}, 'utf8')));
      console.log(JSON.stringify({ valid: result.valid, version: validator.version, errors: result.errors ?? null }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as {
      valid: boolean;
      version: string;
      errors: unknown;
    };
    expect(out).toEqual({ valid: true, version: '3.1', errors: null });
  });

  it('describes every route of the route table, with its path parameters, and staff routes with their security', () => {
    for (const route of ROUTES) {
      const operation = doc.paths[route.path]?.[route.method.toLowerCase()];
      expect({ route: routeKey(route), described: !!operation }).toEqual({ route: routeKey(route), described: true });
      const pathParameters = (operation!.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      expect(pathParameters).toEqual([...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
      expect(Object.keys(operation!.responses).length).toBeGreaterThan(0);
      // Signing in and out needs no session: they are the way to one and out of it.
      const signInOrOut = ['GET /staff/auth/callback', 'GET /staff/logout'].includes(routeKey(route));
      if (route.path.startsWith('/staff/') && !signInOrOut) {
        expect(operation!.security).toEqual([{ staffBearer: [] }, { staffSession: [] }]);
        expect(operation!.responses).toHaveProperty('401');
        expect(operation!.responses).toHaveProperty('403');
      } else {
        expect(operation!.security).toBeUndefined();
      }
    }
    // Nothing else, except what only the twin serves, marked as such.
    const documented = operationsOf(doc)
      .filter((o) => !o.operation['x-twin-only'])
      .map((o) => o.key);
    expect(documented.sort()).toEqual(ROUTES.map(routeKey).sort());
  });

  it('has an example for every request body media type, and each passes its documented schema', () => {
    const validate = documentValidator(doc);
    let checked = 0;
    for (const { method, path, operation } of operationsOf(doc)) {
      for (const [media, content] of Object.entries(operation.requestBody?.content ?? {})) {
        const examples = Object.entries(content.examples ?? {});
        expect({ operation: `${method} ${path}`, media, examples: examples.length > 0 }).toEqual({
          operation: `${method} ${path}`,
          media,
          examples: true,
        });
        for (const [name, example] of examples) {
          const problem = validate(pointer('paths', path, method.toLowerCase(), 'requestBody', 'content', media, 'schema'), example.value);
          expect({ example: `${method} ${path} ${media} ${name}`, problem }).toEqual({
            example: `${method} ${path} ${media} ${name}`,
            problem: undefined,
          });
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(15);
  });

  it('documents the error shape with its codes, and every JSON error response uses it', () => {
    const validate = documentValidator(doc);
    const claims = doc.paths['/claims']!.post!;
    const schemaOf = (status: string) => pointer('paths', '/claims', 'post', 'responses', status, 'content', 'application/json', 'schema');
    expect(
      validate(schemaOf('400'), {
        error: 'VALIDATION_FAILED',
        message: 'x',
        fields: [{ path: 'member.nik', code: 'nik.format', message: 'NIK harus 16 angka.' }],
      }),
    ).toBeUndefined();
    expect(validate(schemaOf('400'), { error: 'NOT_FOUND', message: 'x' })).toMatch(/allowed values/);
    expect(validate(schemaOf('409'), { error: 'DUPLICATE_CLAIM', message: 'x', reference: 'SNT-2026-7KQ4MZ' })).toBeUndefined();
    expect(validate(schemaOf('413'), { message: 'Request Entity Too Large' })).toBeUndefined();
    expect(validate(schemaOf('503'), { error: 'SERVICE_UNAVAILABLE', message: 'x' })).toBeUndefined();
    expect(claims.responses['503']).toHaveProperty(['headers', 'Retry-After']);
    expect(Object.keys(claims.responses)).toEqual(['200', '201', '303', '400', '409', '413', '415', '422', '500', '503']);
    for (const { key, operation } of operationsOf(doc)) {
      for (const [status, response] of Object.entries(operation.responses)) {
        const json = response.content?.['application/json'];
        if (Number(status) < 400 || !json) continue;
        expect({
          response: `${key} ${status}`,
          errorShape: JSON.stringify(json.schema).includes('#/components/schemas/ErrorResponse'),
        }).toEqual({
          response: `${key} ${status}`,
          errorShape: true,
        });
      }
    }
  });
});

describe('the schemas behind the document', () => {
  it('documents the period pattern that isPeriod checks (the refinements themselves, a real month not to come, are not expressible in JSON Schema)', () => {
    const schema = reconcileRequestSchema.shape.period;
    const documented = doc.components.schemas.ReconcileRequest as { properties: { period: { pattern: string } } };
    const pattern = new RegExp(documented.properties.period.pattern);
    for (const period of ['2026-01', '2026-12', '1999-10', '2026-13', '2026-00', '26-01', '2026-1', '0999-01', '10000-01', '']) {
      expect({ period, pattern: pattern.test(period) }).toEqual({ period, pattern: isPeriod(period) });
      // The schema also refuses a month to come, which the pattern cannot say.
      expect({ period, schema: schema.safeParse(period).success }).toEqual({
        period,
        schema: isPeriod(period) && period <= currentPeriod(),
      });
    }
  });

  it('the report schema accepts what the reconciliation produces', () => {
    const member = aMember({ nik: '3173014107850003' });
    const { report } = reconcile({
      period: '2026-10',
      members: [member, aMember({ nik: '3201011203780004' })],
      payments: [],
      reconciledAt: '2026-11-01T01:00:00+07:00',
    });
    const result = reconciliationReportSchema.safeParse({ ...report, reconciledAt: '2026-11-01T01:00:00+07:00', trigger: 'schedule' });
    expect(result.error?.issues).toBeUndefined();
    // And at compile time: what the handlers return fits the documented shapes (tsc --noEmit fails otherwise).
    const fits = <T>(_value: T) => true;
    expect(
      fits<z.output<typeof reconciliationReportSchema>>(null as unknown as NonNullable<Awaited<ReturnType<PremiumsRepository['report']>>>),
    ).toBe(true);
    expect(fits<z.output<typeof claimStatusResponseSchema>>(null as unknown as ReturnType<typeof publicStatus>)).toBe(true);
  });

  it('no Lambda code imports the response schemas or the generator (they stay out of the bundles)', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) =>
        statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith('.ts') ? [join(dir, f)] : [],
      );
    const offenders = [...files('functions'), ...files('shared')].filter((file) => {
      const source = readFileSync(file, 'utf8');
      return /from '[^']*(schemas\/responses|schemas\/error-response|scripts\/)[^']*'/.test(source);
    });
    expect(offenders).toEqual([]);
  });
});
