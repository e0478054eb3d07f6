/** One email, ready to send. */
export interface OutgoingMail {
  /** Stable across retries: `<delivery-id@domain>`. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends email. Delivery is at least once: after a crash between sending and recording
 * it, the same message (same Message-ID) is sent again.
 */
export abstract class MailSender {
  abstract send(mail: OutgoingMail): Promise<void>;
  /** Releases connections; called on shutdown. */
  async close(): Promise<void> {}
}
