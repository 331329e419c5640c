import { randomInt } from 'node:crypto';

/**
 * Test data. Every test gets its own member NIK, because the duplicate guard is per member and benefit and the
 * test files share one database.
 */
const pad = (n: number, w: number) => String(n).padStart(w, '0');

export const uniqueNik = (opts: { female?: boolean; province?: string } = {}): string => {
  const province = opts.province ?? '32';
  const day = 1 + randomInt(28) + (opts.female ? 40 : 0);
  return `${province}${pad(1 + randomInt(79), 2)}${pad(1 + randomInt(40), 2)}${pad(day, 2)}${pad(1 + randomInt(12), 2)}${pad(60 + randomInt(39), 2)}${pad(1 + randomInt(9998), 4)}`;
};

export type Body = Record<string, any>;

export const validClaim = (overrides: (b: Body) => void = () => undefined): Body => {
  const body: Body = {
    benefit: 'JKM',
    member: { nik: uniqueNik({ female: true }), name: 'Siti Aminah' },
    incident: { type: 'death', date: '2026-10-03', cause: 'illness', description: 'Meninggal di rumah sakit.' },
    claimant: { nik: uniqueNik(), name: 'Ahmad Fauzi', relationship: 'spouse', phone: '+6281234567890', email: 'ahmad@example.org' },
    payout: { bankCode: '002', accountNumber: '012301000123456', accountHolder: 'Ahmad Fauzi' },
    documents: [],
  };
  overrides(body);
  return body;
};

/** The form's field names are JSON paths: flatten a body the way the browser would post it. */
export const toForm = (body: Body, prefix = ''): URLSearchParams => {
  const params = new URLSearchParams();
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) for (const [i, v] of value.entries()) walk(v, `${path}[${i}]`);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
    else if (value !== undefined) params.append(path, String(value));
  };
  walk(body, prefix);
  return params;
};
