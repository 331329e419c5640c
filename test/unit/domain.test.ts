import { DEMO_PROGRAMS, demoRoster, EXAMPLE_MEMBER_NIK } from '../../infra/local/demo-roster';
import { newReference, normalizeReference, REFERENCE_ALPHABET, REFERENCE_PATTERN } from '../../shared/claims/domain/reference';
import { missingDocuments, requiredDocuments } from '../../shared/claims/domain/rules/documents';
import { canonicalJson } from '../../shared/kernel/canonical';
import { isCalendarDate, jakartaDate, jakartaIso } from '../../shared/kernel/time';
import { parseForm } from '../../shared/platform/http/body';
import { maskAccount } from '../../shared/reference-data/banks';
import { parseNik } from '../../shared/reference-data/nik';
import { maskPhone } from '../../shared/reference-data/phone';

describe('form bodies', () => {
  it('rebuilds nested objects and arrays from JSON-path field names', () => {
    const body = parseForm(
      'benefit=JKM&member.nik=3173014107850003&documents%5B0%5D.type=BANK_BOOK&documents%5B0%5D.uploadId=up_x&documents%5B2%5D.type=OTHER',
    );
    expect(body).toEqual({
      benefit: 'JKM',
      member: { nik: '3173014107850003' },
      documents: [{ type: 'BANK_BOOK', uploadId: 'up_x' }, { type: 'OTHER' }],
    });
  });
  it('drops empty inputs so optional fields stay optional', () => {
    expect(parseForm('claimant.email=&claimant.phone=0812')).toEqual({ claimant: { phone: '0812' } });
  });
  it('never writes to prototypes and caps array indexes', () => {
    const body = parseForm('__proto__.polluted=1&constructor.prototype.x=1&documents%5B999999%5D.type=X');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(body).toEqual({});
  });
});

describe('claim references', () => {
  it('have the SNT-year-code shape without ambiguous characters', () => {
    for (let i = 0; i < 200; i += 1) {
      const ref = newReference(2026);
      expect(ref).toMatch(REFERENCE_PATTERN);
      expect(ref.slice(9)).not.toMatch(/[01OILAEU]/);
    }
    expect(REFERENCE_ALPHABET).not.toMatch(/[01OIL]/);
  });
  it('accept what people type', () => {
    expect(normalizeReference(' snt 2026 7kq4mz ')).toBe('SNT-2026-7KQ4MZ');
    expect(normalizeReference('SNT2026-7KQ4MZ')).toBe('SNT-2026-7KQ4MZ');
  });
});

describe('required documents (rule data)', () => {
  it('JKM death claimed by a spouse needs the marriage book', () => {
    expect(requiredDocuments({ benefit: 'JKM', incidentType: 'death', relationship: 'spouse' }).sort()).toEqual(
      [
        'BANK_BOOK',
        'CLAIMANT_ID_CARD',
        'DEATH_CERTIFICATE',
        'FAMILY_CARD',
        'HEIR_CERTIFICATE',
        'MARRIAGE_CERTIFICATE',
        'MEMBER_ID_CARD',
      ].sort(),
    );
  });
  it('JKK adds the accident and medical reports, and the police report for a commuting accident', () => {
    const docs = requiredDocuments({ benefit: 'JKK', incidentType: 'death', relationship: 'child', cause: 'commute_accident' });
    expect(docs).toEqual(expect.arrayContaining(['ACCIDENT_REPORT', 'MEDICAL_REPORT', 'POLICE_REPORT']));
    expect(docs).not.toContain('MARRIAGE_CERTIFICATE');
  });
  it('an injured member needs no death or heir papers', () => {
    expect(requiredDocuments({ benefit: 'JKK', incidentType: 'injury', relationship: 'self', cause: 'work_accident' }).sort()).toEqual([
      'ACCIDENT_REPORT',
      'BANK_BOOK',
      'MEDICAL_REPORT',
      'MEMBER_ID_CARD',
    ]);
  });
  it('lists what is still missing', () => {
    expect(
      missingDocuments({ benefit: 'JKK', incidentType: 'injury', relationship: 'self', cause: 'work_accident' }, [
        'BANK_BOOK',
        'MEMBER_ID_CARD',
        'OTHER',
      ]),
    ).toEqual(['ACCIDENT_REPORT', 'MEDICAL_REPORT']);
  });
});

describe('demo roster', () => {
  const roster = demoRoster();
  it('has the programme sizes of the handbook and the api.md example member', () => {
    const byProgram = Object.fromEntries(DEMO_PROGRAMS.map((p) => [p.program, roster.filter((m) => m.program === p.program).length]));
    expect(byProgram).toEqual({ TKSK: 7100, PKH: 2000, BPNT: 500 });
    expect(roster.find((m) => m.nik === EXAMPLE_MEMBER_NIK)?.name).toBe('Siti Aminah');
  });
  it('is deterministic, unique, and every NIK is structurally valid and matches its region codes', () => {
    expect(demoRoster().map((m) => m.nik)).toEqual(roster.map((m) => m.nik));
    expect(new Set(roster.map((m) => m.nik)).size).toBe(roster.length);
    for (const m of roster) {
      const parsed = parseNik(m.nik, '2026-11-28');
      expect(parsed.ok).toBe(true);
      expect(m.district.startsWith(m.regency) && m.regency.startsWith(m.province)).toBe(true);
    }
  });
  it('spreads TKSK over every province', () => {
    expect(new Set(roster.filter((m) => m.program === 'TKSK').map((m) => m.province)).size).toBe(38);
  });
});

describe('time and masking', () => {
  it('uses the Jakarta calendar: 18:00 UTC is already the next day in WIB', () => {
    expect(jakartaDate(new Date('2026-12-31T18:00:00Z'))).toBe('2027-01-01');
    expect(jakartaIso(new Date('2026-12-31T18:00:00Z'))).toBe('2027-01-01T01:00:00.000+07:00');
  });
  it('knows real dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
  });
  it('hashes bodies independently of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 1, x: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { x: 2, y: 1 }] }, b: 1 }),
    );
  });
  it('masks accounts and phones for logs', () => {
    expect(maskAccount('012301000123456')).toBe('***********3456');
    expect(maskPhone('+6281234567890')).toBe('+62********890');
  });
});

describe('phone metadata subset', () => {
  it('is exactly Indonesia\'s part of the installed libphonenumber "mobile" metadata (rerun scripts/phone-metadata.mjs when stale)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const full = require('libphonenumber-js/metadata.mobile.json');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const subset = require('../../shared/reference-data/phone-metadata.id.json');
    expect(subset.countries.ID).toEqual(full.countries.ID);
    expect(subset.version).toBe(full.version);
  });
});
