/**
 * Indonesian bank clearing codes (kode bank, 3 digits) accepted for payouts.
 * Source: Bank Indonesia clearing (SKNBI) member codes, as listed in the team handbook (domain.md).
 * Adding a bank is a data change here.
 */
export const BANKS: Readonly<Record<string, string>> = {
  '002': 'BRI',
  '008': 'Bank Mandiri',
  '009': 'BNI',
  '011': 'Bank Danamon',
  '013': 'Bank Permata',
  '014': 'BCA',
  '022': 'CIMB Niaga',
  '147': 'Bank Muamalat',
  '200': 'BTN',
  '451': 'BSI (Bank Syariah Indonesia)',
};

export const isBankCode = (code: string): boolean => Object.hasOwn(BANKS, code);

/** For logs: only the last four digits of an account number. */
export const maskAccount = (account: string): string => `${'*'.repeat(Math.max(0, account.length - 4))}${account.slice(-4)}`;
