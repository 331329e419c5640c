import { randomInt } from 'node:crypto';

/**
 * Claim references are read aloud on the phone and copied by hand from an SMS, so the code avoids characters
 * that are easy to confuse (0/O, 1/I/L) and has no vowels that could spell words: `SNT-2026-7KQ4MZ`.
 * 6 characters of 28 give 481 million codes a year; the claim write is conditional, so a clash is retried.
 */
export const REFERENCE_ALPHABET = '23456789BCDFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 6;
export const REFERENCE_PATTERN = new RegExp(`^SNT-\\d{4}-[${REFERENCE_ALPHABET}]{${CODE_LENGTH}}$`);

export const newReference = (year: number): string => {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) code += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return `SNT-${year}-${code}`;
};

/** Accepts what people type: lower case, spaces, a missing dash. */
export const normalizeReference = (raw: string): string => {
  const compact = raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const m = /^SNT(\d{4})([A-Z0-9]{6})$/.exec(compact);
  return m ? `SNT-${m[1]}-${m[2]}` : raw.trim().toUpperCase();
};
