import { isRealDate, jakartaDate } from '../kernel/time';
import { isProvinceCode } from './regions';

/**
 * NIK (Nomor Induk Kependudukan): 16 digits `PP RR SS DDMMYY NNNN`: province, regency/city and district codes,
 * birth date with day + 40 for women, and a serial from 0001. There is no check digit, so only the structure
 * can be validated.
 */
export type NikProblem = 'format' | 'province' | 'region' | 'birthDate' | 'serial';

export interface NikInfo {
  nik: string;
  province: string;
  regency: string; // 4 digits, e.g. 3173
  district: string; // 6 digits, e.g. 317301
  birthDate: string; // YYYY-MM-DD
  sex: 'F' | 'M';
}

export type NikResult = { ok: true; value: NikInfo } | { ok: false; problem: NikProblem };

export const parseNik = (raw: string, today: string = jakartaDate()): NikResult => {
  const nik = raw.replace(/[\s.-]/g, '');
  if (!/^\d{16}$/.test(nik)) return { ok: false, problem: 'format' };
  const province = nik.slice(0, 2);
  if (!isProvinceCode(province)) return { ok: false, problem: 'province' };
  if (nik.slice(2, 4) === '00' || nik.slice(4, 6) === '00') return { ok: false, problem: 'region' };
  let day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const sex = day > 40 ? 'F' : 'M';
  if (day > 40) day -= 40;
  // Two-digit year: the latest century that does not put the birth date in the future.
  const currentYear = Number(today.slice(0, 4));
  let year = 2000 + yy;
  if (year > currentYear) year -= 100;
  if (!isRealDate(year, month, day)) return { ok: false, problem: 'birthDate' };
  const birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (birthDate > today) year -= 100;
  if (nik.slice(12) === '0000') return { ok: false, problem: 'serial' };
  return {
    ok: true,
    value: {
      nik,
      province,
      regency: nik.slice(0, 4),
      district: nik.slice(0, 6),
      birthDate: `${year}-${birthDate.slice(5)}`,
      sex,
    },
  };
};

/** For logs: keep the province code and the last two digits only. */
export const maskNik = (nik: string): string =>
  nik.length < 6 ? '****' : `${nik.slice(0, 2)}${'*'.repeat(nik.length - 4)}${nik.slice(-2)}`;
