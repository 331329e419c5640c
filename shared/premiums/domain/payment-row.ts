import { isPeriod, periodOf } from '../../kernel/periods';
import { assertToday, errorCollector, fieldText, type RowResult, readNik, readPastDate, readWholeRupiah } from './csv-line';

/**
 * One line of the sponsor's payment CSV (handbook api.md, "CSV formats"): what it paid for one member and month,
 * under one receipt. Checked and normalised the same way as a roster line (roster-row.ts), with the readers of
 * csv-line.ts.
 */

// ---------------------------------------------------------------------------------------------------------------
// The payment line

/** The payment columns, in this order (api.md). */
export const PAYMENT_HEADER = ['period', 'nik', 'jkk', 'jkm', 'receiptNo', 'paidOn'] as const;

export interface PaymentLine {
  /** YYYY-MM, Asia/Jakarta: the month the money pays for (not the month it was paid in). */
  period: string;
  nik: string;
  /** Integer rupiah; 0 is a valid line. */
  jkk: number;
  jkm: number;
  receiptNo: string;
  paidOn: string;
}

/** Receipt numbers as banks and BPJS print them: letters, digits and / _ . - (e.g. `KWT/2026/01-0001`). */
const RECEIPT_NO = /^[A-Za-z0-9/_.-]{1,40}$/;

/**
 * The identity of a line (api.md, docs/data-model.md `PAYMENT#<period>` / `<nik>#<receiptNo>`): importing the same
 * file twice writes the same keys and changes nothing, while two receipts for one member and month are two lines
 * that add up. The receipt number is kept as written, case included: it is the payer's reference and we do not know
 * that its issuer treats `kwt-1` and `KWT-1` as the same receipt.
 */
export const paymentLineKey = (line: Pick<PaymentLine, 'period' | 'nik' | 'receiptNo'>): string =>
  `${line.period}#${line.nik}#${line.receiptNo}`;

/**
 * Validates one payment line. `today` is the Jakarta date of the import (YYYY-MM-DD). The period may not be after
 * today's month: a contribution is paid for a month that has begun (BPU contributions fall due by the 15th of the same
 * month, domain.md), and a future period is almost always a typo in the year or the month.
 */
export const parsePaymentRow = (fields: Readonly<Record<string, string | undefined>>, today: string): RowResult<PaymentLine> => {
  assertToday(today);
  const { errors, report } = errorCollector();
  const text = (name: string) => fieldText(fields, name);

  const periodRaw = text('period');
  let period: string | undefined;
  if (periodRaw === '') report('period', 'required', 'period is required: the month paid for, written YYYY-MM, e.g. 2026-01.');
  else if (!isPeriod(periodRaw)) {
    report(
      'period',
      'period.invalid',
      `period must be a month written YYYY-MM, e.g. 2026-01 (not ${periodRaw}; spreadsheets may turn it into Jan-26: format the column as Text).`,
    );
  } else if (periodRaw > periodOf(today)) {
    report('period', 'period.future', `period ${periodRaw} is after the current month (${periodOf(today)}).`);
  } else period = periodRaw;

  const nik = readNik(text('nik'), today, report);
  const jkk = readWholeRupiah(text('jkk'), 'jkk', '10000', report);
  const jkm = readWholeRupiah(text('jkm'), 'jkm', '6800', report);

  const receiptRaw = text('receiptNo');
  let receiptNo: string | undefined;
  if (receiptRaw === '') report('receiptNo', 'required', 'receiptNo is required: the receipt or transfer reference of the payment.');
  else if (receiptRaw.length > 40) report('receiptNo', 'receipt.tooLong', `receiptNo is longer than 40 characters (${receiptRaw.length}).`);
  else if (!RECEIPT_NO.test(receiptRaw)) {
    report(
      'receiptNo',
      'receipt.invalid',
      `receiptNo may contain only letters, digits and / _ . - (no spaces), e.g. KWT/2026/01-0001 (not ${receiptRaw}).`,
    );
  } else receiptNo = receiptRaw;

  const paidOn = readPastDate(text('paidOn'), 'paidOn', today, report);

  if (errors.length > 0 || !period || !nik || jkk === undefined || jkm === undefined || !receiptNo || !paidOn) return { ok: false, errors };
  return { ok: true, value: { period, nik: nik.nik, jkk, jkm, receiptNo, paidOn } };
};
