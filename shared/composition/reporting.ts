import { ReportingRepository } from '../reporting/adapters/reporting-repository';
import type { ReportSource } from '../reporting/application/report-summary';
import { ENV, requireEnv } from './env';

/** The reports' reads: claims (byStatus index) and the months' reconciliation reports (read only). */
export const reportSource = (): ReportSource => new ReportingRepository(requireEnv(ENV.claimsTable), requireEnv(ENV.membersTable));
