/** A message for people: a subject and a plain-text body, optionally HTML. */
export interface Message {
  subject: string;
  text: string;
  html?: string;
}

/**
 * The port every use case uses to tell people something (the adapter: SES email and an HTTP SMS gateway).
 * A notification never fails the step that sends it: the state is already recorded, so a lost message is logged
 * for follow-up and answered `false` rather than retried into duplicates.
 */
export interface Notifier {
  email(to: readonly string[], message: Message): Promise<boolean>;
  sms(phone: string | undefined, text: string): Promise<boolean>;
}
