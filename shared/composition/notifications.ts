import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { ClaimMessages } from '../claims/application/ports';
import { claimMessagesWith } from '../claims/web/notifications';
import type { Notifier } from '../kernel/notifier';
import { SesNotifier } from '../platform/notifications/notifier';
import { traced } from '../platform/observability';
import { ENV, requireEnv } from './env';
import { SDK_CLIENT_DEFAULTS } from './sdk';
import { statusLinkService } from './status-links';

/** Email through SES (MAIL_FROM) and SMS through the gateway when one is configured. */
export const notifier = (): Notifier =>
  new SesNotifier(
    traced(new SESv2Client({ ...SDK_CLIENT_DEFAULTS })),
    requireEnv(ENV.mailFrom),
    process.env[ENV.smsGatewayUrl] || undefined,
  );

/**
 * The texts of claim notifications, from the templates and the message catalogue; family messages carry a private
 * status link signed with the link key (STATUS_LINK_KEY_SECRET: every function that sends claim messages has it).
 */
export const claimMessages = (): ClaimMessages => claimMessagesWith(statusLinkService());
