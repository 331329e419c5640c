import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { ClaimMessages } from '../claims/application/ports';
import { appealMessages } from '../claims/web/appeal-messages';
import { familyMessages, familySms, staffMessages, trancheMessages } from '../claims/web/notifications';
import type { Notifier } from '../kernel/notifier';
import { SesNotifier } from '../platform/notifications/notifier';
import { traced } from '../platform/observability';
import { ENV, requireEnv } from './env';
import { SDK_CLIENT_DEFAULTS } from './sdk';

/** Email through SES (MAIL_FROM) and SMS through the gateway when one is configured. */
export const notifier = (): Notifier =>
  new SesNotifier(
    traced(new SESv2Client({ ...SDK_CLIENT_DEFAULTS })),
    requireEnv(ENV.mailFrom),
    process.env[ENV.smsGatewayUrl] || undefined,
  );

/** The texts of claim notifications, from the message catalogue. */
export const claimMessages: ClaimMessages = {
  family: familyMessages,
  sms: familySms,
  staff: staffMessages,
  tranches: trancheMessages,
  appeals: appealMessages,
};
