import { LambdaClient } from '@aws-sdk/client-lambda';
import { SFNClient } from '@aws-sdk/client-sfn';
import { traced } from '../platform/observability';
import { LambdaJobStarter, StateMachineRunStarter } from '../premiums/adapters/job-starter';
import { MembersRepository } from '../premiums/adapters/members-repository';
import { PremiumsRepository } from '../premiums/adapters/premiums-repository';
import { ImportJobsRepository, RunsRepository } from '../premiums/adapters/runs-repository';
import { ENV, requireEnv } from './env';
import { SDK_CLIENT_DEFAULTS } from './sdk';

export const membersRepository = (): MembersRepository => new MembersRepository(requireEnv(ENV.membersTable));
export const premiumsRepository = (): PremiumsRepository => new PremiumsRepository(requireEnv(ENV.membersTable));
export const reconciliationRuns = (): RunsRepository => new RunsRepository(requireEnv(ENV.membersTable));
export const importJobs = (): ImportJobsRepository => new ImportJobsRepository(requireEnv(ENV.membersTable));
/** Starts imports from storage on the premium jobs function (RECONCILE_FUNCTION_NAME). */
export const jobStarter = (): LambdaJobStarter =>
  new LambdaJobStarter(traced(new LambdaClient({ ...SDK_CLIENT_DEFAULTS })), requireEnv(ENV.reconcileFunctionName));
/** Starts on-demand reconciliation runs on the reconciliation state machine (RECONCILIATION_STATE_MACHINE_ARN). */
export const runStarter = (): StateMachineRunStarter =>
  new StateMachineRunStarter(traced(new SFNClient({ ...SDK_CLIENT_DEFAULTS })), requireEnv(ENV.reconciliationStateMachineArn));
