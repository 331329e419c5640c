import { PAYMENT_HEADER } from '../../shared/premiums/domain/payment-row';
import { checkHeader, parseRosterRow, ROSTER_HEADER, ROSTER_OPTIONAL_HEADER, type RowError } from '../../shared/premiums/domain/roster-row';

const TODAY = '2026-11-28';
const NIK = '3173014107850003'; // DKI Jakarta 31, regency 3173, district 317301; a woman born 1985-07-01

const aRow = (overrides: Record<string, string> = {}): Record<string, string> => ({
  nik: NIK,
  name: 'Siti Aminah',
  program: 'TKSK',
  kpj: '12345678901',
  province: '31',
  regency: '3173',
  district: '317301',
  enrolledOn: '2019-01-01',
  monthlyWage: '1000000',
  phone: '081234567890',
  status: 'active',
  ...overrides,
});

/** The errors of a row that must fail. */
const errorsOf = (fields: Record<string, string>): RowError[] => {
  const result = parseRosterRow(fields, TODAY);
  if (result.ok) throw new Error(`expected the row to fail, got ${JSON.stringify(result.value)}`);
  return result.errors;
};

const onlyError = (fields: Record<string, string>): RowError => {
  const errors = errorsOf(fields);
  expect(errors).toHaveLength(1);
  return errors[0]!;
};

describe('ROSTER_HEADER', () => {
  it("is api.md's column list, in order", () => {
    expect(ROSTER_HEADER.join(',')).toBe('nik,name,program,kpj,province,regency,district,enrolledOn,monthlyWage,phone,status');
  });
});

describe('parseRosterRow: a valid line', () => {
  it('returns the member with integer wage and an E.164 phone', () => {
    // Act
    const result = parseRosterRow(aRow(), TODAY);

    // Assert
    expect(result).toEqual({
      ok: true,
      value: {
        nik: NIK,
        name: 'Siti Aminah',
        program: 'TKSK',
        kpj: '12345678901',
        province: '31',
        regency: '3173',
        district: '317301',
        enrolledOn: '2019-01-01',
        monthlyWage: 1_000_000,
        phone: '+6281234567890',
        status: 'active',
      },
    });
  });

  it('trims spaces and normalises what a clerk types: NIK separators, name spacing, status case, programme case, dotted region codes', () => {
    // Arrange
    const fields = aRow({
      nik: ' 3173 0141 0785 0003 ',
      name: '  Siti   Aminah ',
      program: ' tksk ',
      kpj: '123 4567 8901',
      province: ' 31 ',
      regency: '31.73',
      district: '31.73.01',
      enrolledOn: ' 2019-01-01 ',
      monthlyWage: ' 1000000 ',
      phone: ' 0812-3456-7890 ',
      status: ' Active ',
    });

    // Act
    const result = parseRosterRow(fields, TODAY);

    // Assert
    expect(result.ok && result.value).toEqual({
      nik: NIK,
      name: 'Siti Aminah',
      program: 'TKSK',
      kpj: '12345678901',
      province: '31',
      regency: '3173',
      district: '317301',
      enrolledOn: '2019-01-01',
      monthlyWage: 1_000_000,
      phone: '+6281234567890',
      status: 'active',
    });
  });

  it('leaves kpj and phone out when they are empty', () => {
    // Act
    const result = parseRosterRow(aRow({ kpj: '', phone: '  ' }), TODAY);

    // Assert
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).not.toHaveProperty('kpj');
    expect(result.value).not.toHaveProperty('phone');
  });

  it.each(['active', 'inactive', 'deceased', 'INACTIVE', 'Deceased'])('accepts status %s', (status) => {
    const result = parseRosterRow(aRow({ status }), TODAY);
    expect(result.ok && result.value.status).toBe(status.toLowerCase());
  });

  it.each(['TKSK', 'PKH', 'BPNT'])('accepts programme %s', (program) => {
    expect(parseRosterRow(aRow({ program }), TODAY).ok).toBe(true);
  });

  it.each([
    ['0', 0],
    ['1500000', 1_500_000],
    ['1000000000', 1_000_000_000],
    ['01500000', 1_500_000],
  ])('accepts monthlyWage %s as %i', (monthlyWage, expected) => {
    const result = parseRosterRow(aRow({ monthlyWage }), TODAY);
    expect(result.ok && result.value.monthlyWage).toBe(expected);
  });

  it('accepts enrolment on 2015-01-01 and on today', () => {
    expect(parseRosterRow(aRow({ enrolledOn: '2015-01-01' }), TODAY).ok).toBe(true);
    expect(parseRosterRow(aRow({ enrolledOn: TODAY }), TODAY).ok).toBe(true);
  });

  it('accepts names of one word and names with titles', () => {
    expect(parseRosterRow(aRow({ name: 'Sukarno' }), TODAY).ok).toBe(true);
    expect(parseRosterRow(aRow({ name: 'H. Ahmad Fauzi, S.Pd.' }), TODAY).ok).toBe(true);
    expect(parseRosterRow(aRow({ name: "Ni Luh Putu D'Arsa" }), TODAY).ok).toBe(true);
  });
});

describe('parseRosterRow: NIK', () => {
  it.each([
    ['', 'required'],
    ['317301410785000', 'nik.format'],
    ['3.17301E+15', 'nik.format'],
    ['9973014107850003', 'nik.province'],
    ['3100014107850003', 'nik.region'],
    ['3173013202850003', 'nik.birthDate'],
    ['3173014107850000', 'nik.serial'],
  ])('refuses %j with %s', (nik, code) => {
    // Act
    const errors = errorsOf(aRow({ nik }));

    // Assert: the region columns are not compared with an invalid NIK
    expect(errors).toEqual([{ field: 'nik', code, message: expect.any(String) }]);
  });

  it('tells the clerk how to keep a spreadsheet from mangling the NIK, without repeating it', () => {
    const error = onlyError(aRow({ nik: '317301410785000' }));
    expect(error.message).toMatch(/16 digits/);
    expect(error.message).toMatch(/Text/);
    expect(error.message).not.toContain('317301410785000');
  });
});

describe('parseRosterRow: region codes', () => {
  it.each([
    ['province', '32'],
    ['regency', '3174'],
    ['district', '317302'],
  ])('refuses a %s that does not match the NIK, naming it', (field, code) => {
    // Act
    const error = onlyError(aRow({ [field]: code }));

    // Assert
    expect(error).toEqual({ field, code: 'region.mismatch', message: expect.stringContaining(field) });
    expect(error.message).toContain(code);
  });

  it('reports every mismatching level of a member filed under another region', () => {
    const errors = errorsOf(aRow({ province: '32', regency: '3201', district: '320102' }));
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['province', 'region.mismatch'],
      ['regency', 'region.mismatch'],
      ['district', 'region.mismatch'],
    ]);
  });

  it.each([
    ['province', '3', 'region.format'],
    ['province', '31a', 'region.format'],
    ['regency', '31731', 'region.format'],
    ['district', '3173', 'region.format'],
    ['province', '', 'required'],
    ['regency', '', 'required'],
    ['district', '', 'required'],
  ])('refuses %s %j with %s', (field, value, code) => {
    expect(onlyError(aRow({ [field]: value }))).toEqual({ field, code, message: expect.any(String) });
  });

  it('refuses a province code that does not exist', () => {
    const errors = errorsOf(aRow({ province: '99' }));
    expect(errors).toContainEqual({ field: 'province', code: 'region.unknown', message: expect.any(String) });
  });

  it('checks that the codes nest when the NIK is invalid and cannot be compared', () => {
    // Act
    const errors = errorsOf(aRow({ nik: '123', province: '31', regency: '3273', district: '327301' }));

    // Assert
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['nik', 'nik.format'],
      ['regency', 'region.mismatch'],
    ]);
  });
});

describe('parseRosterRow: other fields', () => {
  it.each([
    ['program', '', 'required'],
    ['program', 'KARANG_TARUNA', 'program.unknown'],
    ['program', 'toString', 'program.unknown'],
    ['kpj', '1234567890', 'kpj.format'],
    ['kpj', '123456789012', 'kpj.format'],
    ['kpj', 'KPJ12345678', 'kpj.format'],
    ['enrolledOn', '', 'required'],
    ['enrolledOn', '2026-02-30', 'date.invalid'],
    ['enrolledOn', '01/01/2019', 'date.invalid'],
    ['enrolledOn', '2019-1-1', 'date.invalid'],
    ['enrolledOn', '2026-11-29', 'date.future'],
    ['enrolledOn', '2014-12-31', 'date.tooOld'],
    ['monthlyWage', '', 'required'],
    ['monthlyWage', '-1500000', 'amount.negative'],
    ['monthlyWage', '1.500.000', 'amount.notWhole'],
    ['monthlyWage', '1,500,000', 'amount.notWhole'],
    ['monthlyWage', '1500000.00', 'amount.notWhole'],
    ['monthlyWage', '1500000,50', 'amount.notWhole'],
    ['monthlyWage', '1 500 000', 'amount.notWhole'],
    ['monthlyWage', 'Rp1500000', 'amount.format'],
    ['monthlyWage', '1.5E+06', 'amount.format'],
    ['monthlyWage', '+1500000', 'amount.format'],
    ['monthlyWage', 'satu juta', 'amount.format'],
    ['monthlyWage', '1000000001', 'amount.tooLarge'],
    ['monthlyWage', '99999999999999999999', 'amount.tooLarge'],
    ['phone', '021 5550123', 'phone.invalid'],
    ['phone', '+12025550123', 'phone.invalid'],
    ['phone', '0812', 'phone.invalid'],
    ['phone', '0812345678901234567890', 'phone.invalid'],
    ['status', '', 'required'],
    ['status', 'aktif', 'status.invalid'],
    ['status', 'meninggal', 'status.invalid'],
    ['name', '', 'required'],
    ['name', '   ', 'required'],
    ['name', 'A'.repeat(101), 'tooLong'],
    ['name', '123 Siti', 'name.invalid'],
    ['name', 'Siti <b>', 'name.invalid'],
  ])('refuses %s %j with %s', (field, value, code) => {
    expect(onlyError(aRow({ [field]: value }))).toEqual({ field, code, message: expect.any(String) });
  });

  it("explains monthlyWage in a clerk's words", () => {
    const error = onlyError(aRow({ monthlyWage: '1.500.000' }));
    expect(error.message).toMatch(/^monthlyWage must be whole rupiah without dots/);
    expect(error.message).toContain('e.g. 1500000');
  });

  it('names the configured programmes when the programme is unknown', () => {
    const error = onlyError(aRow({ program: 'PKK' }));
    expect(error.message).toContain('TKSK, PKH, BPNT');
  });

  it('accepts a name of 100 characters', () => {
    expect(parseRosterRow(aRow({ name: 'A'.repeat(100) }), TODAY).ok).toBe(true);
  });

  it('does not repeat the phone number in its message', () => {
    const error = onlyError(aRow({ phone: '021 5550123' }));
    expect(error.message).not.toContain('5550123');
  });
});

describe('parseRosterRow: the optional statusDate and wageFrom', () => {
  it('reads both dates when the file has them', () => {
    // Act
    const result = parseRosterRow(aRow({ status: 'deceased', statusDate: '2025-09-20', wageFrom: '2024-07-01' }), TODAY);

    // Assert
    expect(result).toMatchObject({ ok: true, value: { status: 'deceased', statusDate: '2025-09-20', wageFrom: '2024-07-01' } });
  });

  it('leaves them out when the file has no such columns, or the cells are empty', () => {
    // Act
    const without = parseRosterRow(aRow(), TODAY);
    const empty = parseRosterRow(aRow({ statusDate: '', wageFrom: ' ' }), TODAY);

    // Assert
    expect(without.ok && without.value).not.toHaveProperty('statusDate');
    expect(without.ok && without.value).not.toHaveProperty('wageFrom');
    expect(empty).toEqual(without);
  });

  it('refuses a date that is not real, in the future or before 2015', () => {
    expect(onlyError(aRow({ statusDate: '20/09/2025' }))).toMatchObject({ field: 'statusDate', code: 'date.invalid' });
    expect(onlyError(aRow({ statusDate: '2026-11-29' }))).toMatchObject({ field: 'statusDate', code: 'date.future' });
    expect(onlyError(aRow({ wageFrom: '2026-02-30' }))).toMatchObject({ field: 'wageFrom', code: 'date.invalid' });
    expect(onlyError(aRow({ wageFrom: '2014-12-31' }))).toMatchObject({ field: 'wageFrom', code: 'date.tooOld' });
  });

  it('refuses a statusDate before enrolment, but accepts one on the enrolment day and a wageFrom before it', () => {
    expect(onlyError(aRow({ enrolledOn: '2020-03-01', statusDate: '2020-02-29' }))).toMatchObject({
      field: 'statusDate',
      code: 'date.beforeEnrolment',
    });
    expect(parseRosterRow(aRow({ enrolledOn: '2020-03-01', statusDate: '2020-03-01', wageFrom: '2019-07-01' }), TODAY).ok).toBe(true);
  });
});

describe('parseRosterRow: the whole line', () => {
  it('reports every error of the line at once, each with a message', () => {
    // Arrange
    const fields = aRow({
      nik: '12',
      name: '',
      program: 'X',
      kpj: '1',
      province: 'x',
      enrolledOn: '2030-01-01',
      monthlyWage: '1.000',
      phone: 'nope',
      status: 'gone',
    });

    // Act
    const errors = errorsOf(fields);

    // Assert
    expect(errors.map((e) => e.field)).toEqual([
      'nik',
      'name',
      'program',
      'kpj',
      'province',
      'enrolledOn',
      'monthlyWage',
      'phone',
      'status',
    ]);
    for (const error of errors) expect(error.message.length).toBeGreaterThan(20);
  });

  it('treats absent columns as empty', () => {
    const errors = errorsOf({ nik: NIK });
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['name', 'required'],
      ['program', 'required'],
      ['province', 'required'],
      ['regency', 'required'],
      ['district', 'required'],
      ['enrolledOn', 'required'],
      ['monthlyWage', 'required'],
      ['status', 'required'],
    ]);
  });

  it('refuses a malformed today, which is a programming error', () => {
    expect(() => parseRosterRow(aRow(), '28-11-2026')).toThrow(RangeError);
  });
});

describe('checkHeader', () => {
  const header = [...ROSTER_HEADER];

  it('accepts the exact header', () => {
    expect(checkHeader(header, ROSTER_HEADER)).toEqual({ ok: true });
  });

  it('tolerates a UTF-8 byte-order mark and spaces around names', () => {
    // Arrange
    const fromExcel = header.map((name, i) => (i === 0 ? `\uFEFF${name}` : ` ${name} `));

    // Act and Assert
    expect(checkHeader(fromExcel, ROSTER_HEADER)).toEqual({ ok: true });
  });

  it('names missing columns', () => {
    // Arrange
    const actual = header.filter((name) => name !== 'kpj' && name !== 'phone');

    // Act
    const result = checkHeader(actual, ROSTER_HEADER);

    // Assert
    expect(result).toMatchObject({ ok: false, code: 'header.missing', missing: ['kpj', 'phone'], unknown: [], duplicated: [] });
    expect(!result.ok && result.message).toContain('missing columns "kpj", "phone"');
    expect(!result.ok && result.message).toContain(ROSTER_HEADER.join(','));
  });

  it('names extra columns', () => {
    const result = checkHeader([...header, 'email'], ROSTER_HEADER);
    expect(result).toMatchObject({ ok: false, code: 'header.unknown', missing: [], unknown: ['email'] });
    expect(!result.ok && result.message).toContain('unknown column "email"');
  });

  it('points at a column whose name differs only in case', () => {
    const result = checkHeader(
      header.map((name) => (name === 'enrolledOn' ? 'enrolledon' : name)),
      ROSTER_HEADER,
    );
    expect(result).toMatchObject({ ok: false, code: 'header.missing', missing: ['enrolledOn'], unknown: ['enrolledon'] });
    expect(!result.ok && result.message).toContain('did you mean "enrolledOn"?');
  });

  it('reports reordered columns when every name is right', () => {
    // Arrange
    const reordered = ['name', 'nik', ...header.slice(2)];

    // Act
    const result = checkHeader(reordered, ROSTER_HEADER);

    // Assert
    expect(result).toMatchObject({ ok: false, code: 'header.order', missing: [], unknown: [], duplicated: [] });
    expect(!result.ok && result.message).toContain('wrong order');
  });

  it('reports a column given twice', () => {
    const result = checkHeader([...header, 'phone'], ROSTER_HEADER);
    expect(result).toMatchObject({ ok: false, code: 'header.duplicate', duplicated: ['phone'] });
  });

  it('explains an empty column name left by a trailing comma', () => {
    const result = checkHeader([...header, ''], ROSTER_HEADER);
    expect(result).toMatchObject({ ok: false, code: 'header.unknown', unknown: [''] });
    expect(!result.ok && result.message).toContain('trailing comma');
  });

  describe('with the optional trailing columns', () => {
    it('accepts the header without them, with both, or with either one', () => {
      for (const extra of [[], ['statusDate', 'wageFrom'], ['statusDate'], ['wageFrom']]) {
        expect(checkHeader([...header, ...extra], ROSTER_HEADER, ROSTER_OPTIONAL_HEADER)).toEqual({ ok: true });
      }
    });

    it('refuses them out of order, before the required columns, or twice', () => {
      expect(checkHeader([...header, 'wageFrom', 'statusDate'], ROSTER_HEADER, ROSTER_OPTIONAL_HEADER)).toMatchObject({
        code: 'header.order',
      });
      expect(checkHeader(['statusDate', ...header], ROSTER_HEADER, ROSTER_OPTIONAL_HEADER)).toMatchObject({ code: 'header.order' });
      expect(checkHeader([...header, 'wageFrom', 'wageFrom'], ROSTER_HEADER, ROSTER_OPTIONAL_HEADER)).toMatchObject({
        code: 'header.duplicate',
      });
    });

    it('names them in the template, and points at one whose case differs', () => {
      const result = checkHeader([...header, 'statusdate'], ROSTER_HEADER, ROSTER_OPTIONAL_HEADER);
      expect(result).toMatchObject({ ok: false, code: 'header.unknown', unknown: ['statusdate'] });
      expect(!result.ok && result.message).toContain('did you mean "statusDate"?');
      expect(!result.ok && result.message).toContain('optionally followed by statusDate,wageFrom');
    });

    it('are not accepted where the format has none', () => {
      expect(checkHeader([...header, 'statusDate'], ROSTER_HEADER).ok).toBe(false);
    });
  });

  it('refuses the payment header for a roster, and the reverse', () => {
    expect(checkHeader([...PAYMENT_HEADER], ROSTER_HEADER).ok).toBe(false);
    expect(checkHeader(header, PAYMENT_HEADER).ok).toBe(false);
    expect(checkHeader([...PAYMENT_HEADER], PAYMENT_HEADER)).toEqual({ ok: true });
  });
});
