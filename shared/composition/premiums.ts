import { LambdaClient } from '@aws-sdk/client-lambda';
import { traced } from '../platform/observability';
import { LambdaJobStarter } from '../premiums/adapters/job-starter';
import { MembersRepository } from '../premiums/adapters/members-repository';
import { PremiumsRepository } from '../premiums/adapters/premiums-repository';
import { ImportJobsRepository, RunsRepository } from '../premiums/adapters/runs-repository';
import { ENV, requireEnv } from './env';
import { SDK_CLIENT_DEFAULTS } from './sdk';

export const membersRepository = (): MembersRepository => new MembersRepository(requireEnv(ENV.membersTable));
export const premiumsRepository = (): PremiumsRepository => new PremiumsRepository(requireEnv(ENV.membersTable));
export const reconciliationRuns = (): RunsRepository => new RunsRepository(requireEnv(ENV.membersTable));
export const importJobs = (): ImportJobsRepository => new ImportJobsRepository(requireEnv(ENV.membersTable));
/** Starts premium jobs (on-demand runs, imports from storage) on the premium jobs function (RECONCILE_FUNCTION_NAME). */
export const jobStarter = (): LambdaJobStarter =>
  new LambdaJobStarter(traced(new LambdaClient({ ...SDK_CLIENT_DEFAULTS })), requireEnv(ENV.reconcileFunctionName));
