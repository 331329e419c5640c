import { maskNik, parseNik } from '../../shared/reference-data/nik';

const TODAY = '2026-11-28';

describe('parseNik', () => {
  it("reads province, region, birth date and sex from a woman's NIK (day + 40)", () => {
    const result = parseNik('3173014107850003', TODAY);
    expect(result).toEqual({
      ok: true,
      value: { nik: '3173014107850003', province: '31', regency: '3173', district: '317301', birthDate: '1985-07-01', sex: 'F' },
    });
  });

  it("reads a man's NIK and a birth year in this century", () => {
    const result = parseNik('3201021502050001', TODAY);
    expect(result.ok && result.value).toMatchObject({ birthDate: '2005-02-15', sex: 'M' });
  });

  it('accepts spaces and dots that people type', () => {
    expect(parseNik('3173 0141 0785 0003', TODAY).ok).toBe(true);
  });

  it.each([
    ['317301410785000', 'format'], // 15 digits
    ['31730141078500031', 'format'], // 17 digits
    ['317301410785000A', 'format'],
    ['9973014107850003', 'province'], // 99 is no province
    ['2073014107850003', 'province'],
    ['3100014107850003', 'region'],
    ['3173004107850003', 'region'],
    ['3173013207850003', 'birthDate'], // day 32
    ['3173017207850003', 'birthDate'], // day 72 (woman, 32)
    ['3173014013850003', 'birthDate'], // month 13
    ['3173013002850003', 'birthDate'], // 30 February
    ['3173012902230003', 'birthDate'], // 29 February 2023
    ['3173014107850000', 'serial'],
  ])('refuses %s (%s)', (nik, problem) => {
    expect(parseNik(nik, TODAY)).toEqual({ ok: false, problem });
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseNik('3173012902240003', TODAY).ok).toBe(true);
  });

  it('puts a two-digit year that would be in the future into the last century', () => {
    const result = parseNik('3173010112260001', TODAY); // 1 Dec 26: after today in 2026, so 1926
    expect(result.ok && result.value.birthDate).toBe('1926-12-01');
  });

  it('masks all but the province and the last two digits', () => {
    expect(maskNik('3173014107850003')).toBe('31************03');
  });
});
