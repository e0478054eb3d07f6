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
  /**
   * Sends, or fails; once `signal` aborts, the attempt is abandoned (the connection
   * closed before the message is complete where it has not been yet) and the promise
   * rejects.
   */
  abstract send(mail: OutgoingMail, signal?: AbortSignal): Promise<void>;
  /** Releases connections; called on shutdown. */
  async close(): Promise<void> {}
}
