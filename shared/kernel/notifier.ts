/** A message for people: a subject and a plain-text body, optionally HTML. */
export interface Message {
  subject: string;
  text: string;
  html?: string;
}

/**
 * The port every use case uses to tell people something (the adapter: SES email and an HTTP SMS gateway).
 * A notification never fails the step that sends it: the state is already recorded, so a lost message (or one that
 * could not be built) is logged for follow-up and answered `false` rather than retried into duplicates.
 */
export interface Notifier {
  /** The message may still be being built (a family message signs its status link first): it is sent once built. */
  email(to: readonly string[], message: Message | Promise<Message>): Promise<boolean>;
  sms(phone: string | undefined, text: string | Promise<string>): Promise<boolean>;
}
