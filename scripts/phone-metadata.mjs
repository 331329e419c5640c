// Writes shared/reference-data/phone-metadata.id.json: libphonenumber's "mobile" metadata cut down to Indonesia (+62).
// The full metadata is ~130 KB of every Lambda bundle that validates phones; Indonesia's part is under 1 KB.
// Run after upgrading libphonenumber-js: `node scripts/phone-metadata.mjs`. A unit test fails when it is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const full = JSON.parse(readFileSync(require.resolve('libphonenumber-js/metadata.mobile.json'), 'utf8'));
const subset = {
  version: full.version,
  country_calling_codes: { 62: full.country_calling_codes['62'] },
  countries: { ID: full.countries.ID },
  nonGeographic: {},
};
writeFileSync(new URL('../shared/reference-data/phone-metadata.id.json', import.meta.url), `${JSON.stringify(subset)}\n`);
