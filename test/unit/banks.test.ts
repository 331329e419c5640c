import { BANK_LIST, BANKS, isBankCode } from '../../shared/reference-data/banks';
import DATA from '../../shared/reference-data/banks.id.json';

describe('bank clearing codes (banks.id.json)', () => {
  it.each([
    ['002', 'BRI'],
    ['008', 'Bank Mandiri'],
    ['009', 'BNI'],
    ['014', 'BCA'],
    ['200', 'BTN'],
    ['451', 'BSI (Bank Syariah Indonesia)'],
    ['022', 'CIMB Niaga'],
    ['011', 'Bank Danamon'],
    ['013', 'Bank Permata'],
    ['147', 'Bank Muamalat'],
    ['110', 'Bank BJB (Jawa Barat dan Banten)'],
    ['114', 'Bank Jatim (Jawa Timur)'],
    ['130', 'Bank NTT'],
    ['132', 'Bank Papua'],
  ])('has the handbook code %s as %s', (code, name) => {
    expect(BANKS[code]).toBe(name);
    expect(isBankCode(code)).toBe(true);
  });

  it('has every regional development bank (BPD), 110-135 and Banten 137, as a regional bank', () => {
    const bpd = [...Array.from({ length: 26 }, (_, i) => String(110 + i)), '137'];
    const regional = new Set(BANK_LIST.filter((b) => b.group === 'regional').map((b) => b.code));
    expect(bpd.filter((code) => !regional.has(code))).toEqual([]);
  });

  it('gives every bank a 3-digit code, a name and a known group, and no code twice', () => {
    const codes = DATA.banks.map((b) => b.code);
    expect(codes.filter((code) => !/^\d{3}$/.test(code))).toEqual([]);
    expect(codes.filter((code, i) => codes.indexOf(code) !== i)).toEqual([]);
    expect(DATA.banks.filter((b) => b.name.trim() === '' || !['state', 'regional', 'private', 'foreign'].includes(b.group))).toEqual([]);
    expect(codes.length).toBeGreaterThan(100);
  });

  it('is kept in code order, so a diff of the file shows what changed', () => {
    const codes = DATA.banks.map((b) => b.code);
    expect(codes).toEqual([...codes].sort());
  });

  it('names its source and the date it was compiled, and says why codes were left out', () => {
    expect(DATA.source).toMatch(/Bank Indonesia/);
    expect(DATA.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // A code the file gives a reason to leave out must not be accepted anyway.
    const leftOut = DATA.leftOut.flatMap((line) => (/^(\d{3})\b/.exec(line) ? [line.slice(0, 3)] : []));
    expect(leftOut.length).toBeGreaterThan(5);
    expect(leftOut.filter(isBankCode)).toEqual([]);
  });

  it('refuses codes that are not in the list', () => {
    expect(isBankCode('999')).toBe(false);
    expect(isBankCode('14')).toBe(false);
    expect(isBankCode('toString')).toBe(false);
  });
});
