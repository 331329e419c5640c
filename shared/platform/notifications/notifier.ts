import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Message, Notifier } from '../../kernel/notifier';
import { maskPhone } from '../../reference-data/phone';
import { logger } from '../observability/logger';

/** A message still being built (it signs its status link first); undefined, logged, when it could not be. */
const built = async <T>(pending: T | Promise<T>, kind: 'email' | 'sms'): Promise<T | undefined> => {
  try {
    return await pending;
  } catch (error) {
    logger.error(`${kind} not built`, { error: error as Error });
    return undefined;
  }
};

/**
 * Emails through SES v2 (the twin: aws-ses-v2-local, through AWS_ENDPOINT_URL_SESV2). SMS goes out through an
 * HTTP SMS gateway when one is configured (SMS_GATEWAY_URL), else it is logged, masked, as not sent.
 * A notification never fails a workflow step: the claim's state is already recorded, and a lost message is
 * logged for follow-up rather than retried into duplicates.
 */
export class SesNotifier implements Notifier {
  constructor(
    private readonly ses: SESv2Client,
    private readonly from: string,
    private readonly smsGatewayUrl?: string,
  ) {}

  async email(to: readonly string[], pending: Message | Promise<Message>): Promise<boolean> {
    const recipients = to.filter(Boolean);
    // Awaited even without a recipient: a message that failed to build is logged, never an unhandled rejection.
    const message = await built(pending, 'email');
    if (recipients.length === 0 || !message) return false;
    try {
      await this.ses.send(
        new SendEmailCommand({
          FromEmailAddress: this.from,
          Destination: { ToAddresses: [...recipients] },
          Content: {
            Simple: {
              Subject: { Data: message.subject, Charset: 'UTF-8' },
              Body: {
                Text: { Data: message.text, Charset: 'UTF-8' },
                ...(message.html ? { Html: { Data: message.html, Charset: 'UTF-8' } } : {}),
              },
            },
          },
        }),
      );
      return true;
    } catch (error) {
      logger.error('email not sent', { error: error as Error, recipients: recipients.length, subject: message.subject });
      return false;
    }
  }

  async sms(phone: string | undefined, pending: string | Promise<string>): Promise<boolean> {
    const text = await built(pending, 'sms');
    if (!phone || text === undefined) return false;
    if (!this.smsGatewayUrl) {
      logger.info('sms not configured', { phone: maskPhone(phone) });
      return false;
    }
    try {
      const res = await fetch(this.smsGatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ to: phone, text }),
        signal: AbortSignal.timeout(5000),
      });
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
      return true;
    } catch (error) {
      logger.error('sms not sent', { error: error as Error, phone: maskPhone(phone) });
      return false;
    }
  }
}
