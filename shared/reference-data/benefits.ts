/** The BPJS Ketenagakerjaan benefits this platform pays: JKM (death not caused by work) and JKK (work accident). */
export const BENEFITS = ['JKM', 'JKK'] as const;
export type Benefit = (typeof BENEFITS)[number];
