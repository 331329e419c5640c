import DATA from './banks.id.json';

/**
 * Indonesian bank clearing codes (kode bank, 3 digits) accepted for payouts: every participant in Bank Indonesia's
 * clearing (SKNBI) and BI-RTGS that a family may bank with, the regional development banks (BPD) included, because
 * many families here bank with their province's BPD (domain.md: "the table must hold every clearing participant").
 *
 * The data is banks.id.json: its `source` names Bank Indonesia's published list and `asOf` the date it was compiled;
 * refresh it from BI's list at least once a year and when a bank merges or is renamed. Codes that were left out on
 * purpose (merged or closed banks, Syariah units, codes that could not be confirmed) are listed in its `leftOut`, with
 * the reason: a code is left out rather than guessed. Adding a bank is a data change there.
 */

export type BankGroup = 'state' | 'regional' | 'private' | 'foreign';

export interface Bank {
  /** The 3-digit clearing code. */
  code: string;
  /** The name families see on their bank book, with the former name (d/h) where the bank was renamed. */
  name: string;
  /** State-owned (BUMN), regional development bank (BPD), national private bank, or branch of a foreign bank. */
  group: BankGroup;
}

const GROUPS: readonly BankGroup[] = ['state', 'regional', 'private', 'foreign'];
const isGroup = (group: string): group is BankGroup => (GROUPS as readonly string[]).includes(group);

/** Checked once, at cold start: a malformed data file stops the function instead of accepting or refusing codes wrongly. */
const checked = (rows: readonly { code: string; name: string; group: string }[]): readonly Bank[] => {
  const seen = new Set<string>();
  return rows.map(({ code, name, group }) => {
    if (!/^\d{3}$/.test(code)) throw new Error(`banks.id.json: bank code ${JSON.stringify(code)} is not 3 digits`);
    if (seen.has(code)) throw new Error(`banks.id.json: bank code ${code} is listed twice`);
    if (name.trim() === '') throw new Error(`banks.id.json: bank ${code} has no name`);
    if (!isGroup(group)) throw new Error(`banks.id.json: bank ${code} has an unknown group ${JSON.stringify(group)}`);
    seen.add(code);
    return Object.freeze({ code, name, group });
  });
};

/** Every accepted bank, in code order. */
export const BANK_LIST: readonly Bank[] = Object.freeze(checked(DATA.banks));

/** Bank name by clearing code. */
export const BANKS: Readonly<Record<string, string>> = Object.freeze(Object.fromEntries(BANK_LIST.map((b) => [b.code, b.name])));

export const isBankCode = (code: string): boolean => Object.hasOwn(BANKS, code);

/** For logs: only the last four digits of an account number. */
export const maskAccount = (account: string): string => `${'*'.repeat(Math.max(0, account.length - 4))}${account.slice(-4)}`;
