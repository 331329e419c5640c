import { PAYMENT_HEADER, type PaymentLine, parsePaymentRow, paymentLineKey } from '../../shared/premiums/domain/payment-row';
import type { RowError } from '../../shared/premiums/domain/roster-row';

const TODAY = '2026-11-28';
const NIK = '3173014107850003';

const aLine = (overrides: Record<string, string> = {}): Record<string, string> => ({
  period: '2026-10',
  nik: NIK,
  jkk: '10000',
  jkm: '6800',
  receiptNo: 'KWT/2026/10-0001',
  paidOn: '2026-10-14',
  ...overrides,
});

const onlyError = (fields: Record<string, string>): RowError => {
  const result = parsePaymentRow(fields, TODAY);
  if (result.ok) throw new Error(`expected the line to fail, got ${JSON.stringify(result.value)}`);
  expect(result.errors).toHaveLength(1);
  return result.errors[0]!;
};

describe('PAYMENT_HEADER', () => {
  it("is api.md's column list, in order", () => {
    expect(PAYMENT_HEADER.join(',')).toBe('period,nik,jkk,jkm,receiptNo,paidOn');
  });
});

describe('parsePaymentRow', () => {
  it('returns the line with integer amounts', () => {
    // Act
    const result = parsePaymentRow(aLine(), TODAY);

    // Assert
    expect(result).toEqual({
      ok: true,
      value: { period: '2026-10', nik: NIK, jkk: 10_000, jkm: 6_800, receiptNo: 'KWT/2026/10-0001', paidOn: '2026-10-14' },
    });
  });

  it('trims spaces and NIK separators', () => {
    // Arrange
    const fields = aLine({
      period: ' 2026-10 ',
      nik: '3173 0141 0785 0003',
      jkk: ' 10000',
      jkm: '6800 ',
      receiptNo: ' R-1 ',
      paidOn: ' 2026-10-14 ',
    });

    // Act
    const result = parsePaymentRow(fields, TODAY);

    // Assert
    expect(result.ok && result.value).toEqual({
      period: '2026-10',
      nik: NIK,
      jkk: 10_000,
      jkm: 6_800,
      receiptNo: 'R-1',
      paidOn: '2026-10-14',
    });
  });

  it('accepts zero amounts', () => {
    const result = parsePaymentRow(aLine({ jkk: '0', jkm: '0' }), TODAY);
    expect(result.ok && [result.value.jkk, result.value.jkm]).toEqual([0, 0]);
  });

  it('accepts the current month and a payment made today', () => {
    expect(parsePaymentRow(aLine({ period: '2026-11', paidOn: TODAY }), TODAY).ok).toBe(true);
  });

  it('accepts a payment for an earlier month made later (arrears), and one made before its month (in advance)', () => {
    expect(parsePaymentRow(aLine({ period: '2026-01', paidOn: '2026-06-30' }), TODAY).ok).toBe(true);
    expect(parsePaymentRow(aLine({ period: '2026-11', paidOn: '2026-10-30' }), TODAY).ok).toBe(true);
  });

  it.each(['R1', 'KWT/2026/10-0001', 'abc_DEF.123', 'A'.repeat(40)])('accepts receipt number %s', (receiptNo) => {
    expect(parsePaymentRow(aLine({ receiptNo }), TODAY).ok).toBe(true);
  });

  it.each([
    ['period', '', 'required'],
    ['period', '2026-13', 'period.invalid'],
    ['period', '2026-00', 'period.invalid'],
    ['period', '26-10', 'period.invalid'],
    ['period', 'Oct-26', 'period.invalid'],
    ['period', '2026-10-01', 'period.invalid'],
    ['period', '2026-12', 'period.future'],
    ['nik', '', 'required'],
    ['nik', '31730141078500', 'nik.format'],
    ['nik', '9973014107850003', 'nik.province'],
    ['nik', '3173014107850000', 'nik.serial'],
    ['jkk', '', 'required'],
    ['jkk', '-10000', 'amount.negative'],
    ['jkk', '10000.50', 'amount.notWhole'],
    ['jkk', '10.000', 'amount.notWhole'],
    ['jkk', 'Rp10000', 'amount.format'],
    ['jkk', '1000000001', 'amount.tooLarge'],
    ['jkm', '', 'required'],
    ['jkm', '-6800', 'amount.negative'],
    ['jkm', '6800,00', 'amount.notWhole'],
    ['receiptNo', '', 'required'],
    ['receiptNo', 'A'.repeat(41), 'receipt.tooLong'],
    ['receiptNo', 'KWT 0001', 'receipt.invalid'],
    ['receiptNo', 'KWT#0001', 'receipt.invalid'],
    ['receiptNo', 'KWT,0001', 'receipt.invalid'],
    ['paidOn', '', 'required'],
    ['paidOn', '2026-02-29', 'date.invalid'],
    ['paidOn', '14/10/2026', 'date.invalid'],
    ['paidOn', '2026-11-29', 'date.future'],
  ])('refuses %s %j with %s', (field, value, code) => {
    expect(onlyError(aLine({ [field]: value }))).toEqual({ field, code, message: expect.any(String) });
  });

  it("explains negative and decimal amounts in a clerk's words", () => {
    expect(onlyError(aLine({ jkk: '-10000' })).message).toMatch(/^jkk cannot be negative/);
    expect(onlyError(aLine({ jkm: '6800.00' })).message).toMatch(
      /^jkm must be whole rupiah without dots, commas, spaces or cents, e\.g\. 6800/,
    );
  });

  it('names the current month when the period is in the future', () => {
    expect(onlyError(aLine({ period: '2027-01' })).message).toContain('2026-11');
  });

  it('reports every error of the line at once', () => {
    // Act
    const result = parsePaymentRow({ period: '2026-13', nik: '1', jkk: '-1', jkm: '1.5', receiptNo: 'a b', paidOn: '2099-01-01' }, TODAY);

    // Assert
    expect(!result.ok && result.errors.map((e) => [e.field, e.code])).toEqual([
      ['period', 'period.invalid'],
      ['nik', 'nik.format'],
      ['jkk', 'amount.negative'],
      ['jkm', 'amount.notWhole'],
      ['receiptNo', 'receipt.invalid'],
      ['paidOn', 'date.future'],
    ]);
  });

  it('refuses a malformed today, which is a programming error', () => {
    expect(() => parsePaymentRow(aLine(), '2026-11')).toThrow(RangeError);
  });
});

describe('paymentLineKey', () => {
  const line: PaymentLine = { period: '2026-10', nik: NIK, jkk: 10_000, jkm: 6_800, receiptNo: 'KWT-1', paidOn: '2026-10-14' };

  it('is period, NIK and receipt number', () => {
    expect(paymentLineKey(line)).toBe(`2026-10#${NIK}#KWT-1`);
  });

  it('is the same for the same line imported twice, whatever its amounts or date', () => {
    // Arrange
    const again: PaymentLine = { ...line, jkk: 0, paidOn: '2026-10-20' };

    // Act and Assert
    expect(paymentLineKey(again)).toBe(paymentLineKey(line));
  });

  it('differs for a second receipt, another month or another member', () => {
    const keys = new Set([
      paymentLineKey(line),
      paymentLineKey({ ...line, receiptNo: 'KWT-2' }),
      paymentLineKey({ ...line, period: '2026-09' }),
      paymentLineKey({ ...line, nik: '3201021502050001' }),
    ]);
    expect(keys.size).toBe(4);
  });
});
