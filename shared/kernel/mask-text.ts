/**
 * Free text staff type (a decision note) may hold a NIK, an account or a phone number. Before such text is kept in
 * an audit event, every run of 8 or more digits (single spaces and dashes between them allowed, a leading `+` too)
 * keeps only its last 4 digits: `3173014107850003` becomes `************0003`. Shorter numbers (a date, a year) and
 * amounts written the Indonesian way with dots (`Rp42.000.000`) stay as they are.
 */
export const maskNumbersInText = (text: string): string =>
  text.replace(/\+?\d(?:[ -]?\d){7,}/g, (run) => {
    const digits = run.replace(/\D/g, '');
    return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
  });
