import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient } from '@aws-sdk/client-sfn';
import { ENV, optionalEnv, requireEnv } from '../config';
import { BankClient } from '../adapters/bank';
import { ClaimsRepository } from '../adapters/claims-repository';
import { MembersRepository } from '../adapters/members-repository';
import { Notifier } from '../adapters/notifier';
import { WorkflowClient } from '../adapters/workflow';

/** Cold-start wiring for workflow tasks and staff functions: each function builds only what it uses. */
export const claims = () => new ClaimsRepository(requireEnv(ENV.claimsTable));
export const members = () => new MembersRepository(requireEnv(ENV.membersTable));
export const notifier = () => new Notifier(new SESv2Client({}), requireEnv('MAIL_FROM'), process.env.SMS_GATEWAY_URL || undefined);
export const workflow = () => new WorkflowClient(new SFNClient({}), process.env.STATE_MACHINE_ARN || undefined);
export const bank = () => new BankClient(requireEnv('BANK_API_URL'), requireEnv('BANK_API_KEY'), Number(optionalEnv('BANK_TIMEOUT_MS', '10000')));
