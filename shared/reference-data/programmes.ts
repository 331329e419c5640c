import type { Benefit } from './benefits';

/**
 * The sponsor's groups of workers, as data (handbook domain.md, "Who and what"). A member's `program` in the roster
 * is one of these codes. Enrolling the next group of workers is a new entry here: no code reads a programme code.
 */
export interface Contribution {
  /** BPU (Bukan Penerima Upah): non-wage-earner membership, where the wage base is the declared income. */
  scheme: 'BPU';
  /** JKK rate in basis points of the declared monthly income: 100 = 1%. Basis points keep the arithmetic integer. */
  jkkRate: number;
  /** The least JKK contribution in rupiah, whatever the income. */
  jkkMinimum: number;
  /** The flat JKM contribution in rupiah per month. */
  jkm: number;
  source: string;
}

export interface Programme {
  code: string;
  name: string;
  sponsor: string;
  legalBasis: string;
  benefits: readonly Benefit[];
  contribution: Contribution;
  source: string;
}

/** BPU contributions, domain.md "Contributions and coverage" (confidence S: secondary sources). */
const BPU_CONTRIBUTION: Contribution = {
  scheme: 'BPU',
  jkkRate: 100,
  jkkMinimum: 10_000,
  jkm: 6_800,
  source:
    'BPJS Ketenagakerjaan BPU rates: JKK 1% of declared income, minimum Rp10.000 (income Rp1.000.000); JKM Rp6.800 per month (domain.md, S)',
};

export const PROGRAMMES: Readonly<Record<string, Programme>> = {
  TKSK: {
    code: 'TKSK',
    name: 'Tenaga Kesejahteraan Sosial Kecamatan',
    sponsor: 'Kemensos',
    legalBasis: 'Permensos 28/2018',
    benefits: ['JKK', 'JKM'],
    contribution: BPU_CONTRIBUTION,
    source: 'Kemensos and BPJS Ketenagakerjaan agreement (2018); about 7,100 TKSK, all enrolled (domain.md)',
  },
  PKH: {
    code: 'PKH',
    name: 'Pendamping Program Keluarga Harapan',
    sponsor: 'Kemensos',
    legalBasis: 'Kemensos and BPJS Ketenagakerjaan agreement (2019)',
    benefits: ['JKK', 'JKM'],
    contribution: BPU_CONTRIBUTION,
    source: 'About 39,182 PKH companions under a 2019 agreement (domain.md)',
  },
  BPNT: {
    code: 'BPNT',
    name: 'Pendamping Bantuan Pangan Non Tunai',
    sponsor: 'Kemensos',
    // The handbook says only that BPNT companions were "already enrolled in 2019"; it names no instrument.
    legalBasis: 'Kemensos enrolment of BPNT companions (2019); instrument not named in the handbook',
    benefits: ['JKK', 'JKM'],
    contribution: BPU_CONTRIBUTION,
    source: 'Pendamping BPNT already enrolled in 2019 (domain.md)',
  },
};

/** The programme with this code, or undefined for a code the sponsor has not registered. */
export const programme = (code: string): Programme | undefined => (Object.hasOwn(PROGRAMMES, code) ? PROGRAMMES[code] : undefined);

export interface MonthlyContribution {
  jkk: number;
  jkm: number;
  total: number;
}

/**
 * What the sponsor owes for one member and month, in integer rupiah.
 *
 * JKK = max(minimum, 1% of the declared income), with the 1% rounded UP to the whole rupiah. BPJS publishes no
 * rounding rule for odd incomes (incomes are normally round figures, where 1% is exact), and the sponsor is the payer:
 * rounding up means the expected figure never sits a fraction below what BPJS could ask, so reconciliation never
 * marks a fully paid month UNDERPAID (and the member's family SPONSOR_ARREARS) over less than one rupiah.
 */
export const monthlyContribution = (programmeData: Programme, monthlyWage: number): MonthlyContribution => {
  if (!Number.isSafeInteger(monthlyWage) || monthlyWage < 0) {
    throw new RangeError(`monthlyWage must be a non-negative integer number of rupiah, got ${monthlyWage}`);
  }
  const { jkkRate, jkkMinimum, jkm } = programmeData.contribution;
  const jkkByRate = Math.ceil((monthlyWage * jkkRate) / 10_000);
  const jkk = Math.max(jkkMinimum, jkkByRate);
  return { jkk, jkm, total: jkk + jkm };
};
