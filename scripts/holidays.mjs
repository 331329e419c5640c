// Writes shared/reference-data/holidays.id.json: Indonesian public holidays (date-holidays, country ID, type public) for
// 2015-2040. The Lambda bundles read this small file instead of the package, whose worldwide data is 1.5 MB of
// bundle and ~60 ms of cold start. Rerun after upgrading date-holidays: `node scripts/holidays.mjs`.
// A unit test fails when the file and the installed package disagree. The yearly decree's corrections and cuti bersama
// are not generated: they are dated data in shared/reference-data/holiday-corrections.id.json, applied at run time.
import { writeFileSync } from 'node:fs';
import Holidays from 'date-holidays';

const FIRST = 2015;
const LAST = 2040;
const calendar = new Holidays('ID', { types: ['public'] });
const years = {};
for (let year = FIRST; year <= LAST; year += 1) {
  years[year] = [
    ...new Set(
      calendar
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    ),
  ].sort();
}
const { version } = JSON.parse(
  (await import('node:fs')).readFileSync(new URL('../node_modules/date-holidays/package.json', import.meta.url), 'utf8'),
);
writeFileSync(
  new URL('../shared/reference-data/holidays.id.json', import.meta.url),
  `${JSON.stringify({ source: `date-holidays ${version}, country ID, type public`, first: FIRST, last: LAST, years })}\n`,
);
