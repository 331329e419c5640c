import { LambdaClient } from '@aws-sdk/client-lambda';
import { traced } from '../platform/observability';
import { MembersRepository } from '../premiums/adapters/members-repository';
import { PremiumsRepository } from '../premiums/adapters/premiums-repository';
import { LambdaRunStarter } from '../premiums/adapters/run-starter';
import { RunsRepository } from '../premiums/adapters/runs-repository';
import { ENV, requireEnv } from './env';
import { SDK_CLIENT_DEFAULTS } from './sdk';

export const membersRepository = (): MembersRepository => new MembersRepository(requireEnv(ENV.membersTable));
export const premiumsRepository = (): PremiumsRepository => new PremiumsRepository(requireEnv(ENV.membersTable));
export const reconciliationRuns = (): RunsRepository => new RunsRepository(requireEnv(ENV.membersTable));
/** Starts on-demand runs on the reconciliation function (RECONCILE_FUNCTION_NAME). */
export const runStarter = (): LambdaRunStarter =>
  new LambdaRunStarter(traced(new LambdaClient({ ...SDK_CLIENT_DEFAULTS })), requireEnv(ENV.reconcileFunctionName));
