import type { Benefit } from './benefits';

/**
 * The sponsor's groups of workers, as data (handbook domain.md, "Who and what"). A member's `program` in the roster
 * is one of these codes. Enrolling the next group of workers is a new entry here: no code reads a programme code.
 */
/**
 * Who pays a programme's contributions. Relief rules name the payers they exclude (PP 50/2025 excludes members paid
 * from the state budget, APBN, or a regional one, APBD).
 */
export type ContributionPayer = 'APBN' | 'APBD' | 'EMPLOYER' | 'SELF';

/**
 * How a programme's contributions are priced: its scheme, whose dated rules (normal schedule and relief periods) live
 * in shared/premiums/domain/rules/contributions.ts, and who pays them.
 */
export interface Contribution {
  /** BPU (Bukan Penerima Upah): non-wage-earner membership, where the wage base is the declared income. */
  scheme: 'BPU';
  payer: ContributionPayer;
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

/**
 * Kemensos enrols its field workers as BPU members and pays their contributions from its own budget, the state budget
 * (APBN): domain.md, "Who and what" (confidence S).
 */
const KEMENSOS_BPU: Contribution = {
  scheme: 'BPU',
  payer: 'APBN',
  source: 'Kemensos pays the BPU contributions of its field workers from its budget (APBN); domain.md',
};

export const PROGRAMMES: Readonly<Record<string, Programme>> = {
  TKSK: {
    code: 'TKSK',
    name: 'Tenaga Kesejahteraan Sosial Kecamatan',
    sponsor: 'Kemensos',
    legalBasis: 'Permensos 28/2018',
    benefits: ['JKK', 'JKM'],
    contribution: KEMENSOS_BPU,
    source: 'Kemensos and BPJS Ketenagakerjaan agreement (2018); about 7,100 TKSK, all enrolled (domain.md)',
  },
  PKH: {
    code: 'PKH',
    name: 'Pendamping Program Keluarga Harapan',
    sponsor: 'Kemensos',
    legalBasis: 'Kemensos and BPJS Ketenagakerjaan agreement (2019)',
    benefits: ['JKK', 'JKM'],
    contribution: KEMENSOS_BPU,
    source: 'About 39,182 PKH companions under a 2019 agreement (domain.md)',
  },
  BPNT: {
    code: 'BPNT',
    name: 'Pendamping Bantuan Pangan Non Tunai',
    sponsor: 'Kemensos',
    // The handbook says only that BPNT companions were "already enrolled in 2019"; it names no instrument.
    legalBasis: 'Kemensos enrolment of BPNT companions (2019); instrument not named in the handbook',
    benefits: ['JKK', 'JKM'],
    contribution: KEMENSOS_BPU,
    source: 'Pendamping BPNT already enrolled in 2019 (domain.md)',
  },
};

/** The programme with this code, or undefined for a code the sponsor has not registered. */
export const programme = (code: string): Programme | undefined => (Object.hasOwn(PROGRAMMES, code) ? PROGRAMMES[code] : undefined);
