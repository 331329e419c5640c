import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient } from '@aws-sdk/client-sfn';
import { ENV, optionalEnv, requireEnv } from './env';
import { BankClient } from '../claims/adapters/bank-client';
import { ClaimsRepository } from '../claims/adapters/claims-repository';
import { MembersRepository } from '../premiums/adapters/members-repository';
import { Notifier } from '../platform/notifications/notifier';
import { WorkflowClient } from '../claims/adapters/workflow-client';
import { traced } from '../platform/observability';

/** Cold-start wiring for workflow tasks and staff functions: each function builds only what it uses. */
export const claims = () => new ClaimsRepository(requireEnv(ENV.claimsTable));
export const members = () => new MembersRepository(requireEnv(ENV.membersTable));
export const notifier = () => new Notifier(traced(new SESv2Client({})), requireEnv('MAIL_FROM'), process.env.SMS_GATEWAY_URL || undefined);
export const workflow = () => new WorkflowClient(traced(new SFNClient({})), process.env.STATE_MACHINE_ARN || undefined);
export const bank = () => new BankClient(requireEnv('BANK_API_URL'), requireEnv('BANK_API_KEY'), Number(optionalEnv('BANK_TIMEOUT_MS', '10000')));
