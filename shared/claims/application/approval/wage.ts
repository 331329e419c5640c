import type { Member } from '../../../premiums/domain/member';

/** The member's wage base on a date (the roster's figure in force then). */
export const wageAt = (member: Member, _date: string): number => member.monthlyWage;
