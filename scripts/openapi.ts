/**
 * `npm run openapi`: writes docs/openapi.json, the OpenAPI 3.1 description of the HTTP API, from the zod schemas and
 * the route table (scripts/openapi/document.ts). `npm run openapi -- --check` writes nothing and fails when the
 * committed file is stale, as the unit test test/unit/openapi.test.ts does.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { OPENAPI_FILE, renderOpenApi } from './openapi/document';

const file = new URL(`../${OPENAPI_FILE}`, import.meta.url);
const text = renderOpenApi();
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(file, 'utf8');
  } catch {
    // missing: stale as well
  }
  if (committed !== text) {
    console.error(`${OPENAPI_FILE} is stale: run npm run openapi and commit it.`);
    process.exit(1);
  }
  console.log(`${OPENAPI_FILE} is up to date.`);
} else {
  writeFileSync(file, text);
  const doc = JSON.parse(text) as { paths: Record<string, Record<string, unknown>> };
  const operations = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
  console.log(`Wrote ${OPENAPI_FILE}: ${operations} operations, ${text.length} bytes.`);
}
