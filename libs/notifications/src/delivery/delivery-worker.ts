import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AppConfig } from '@cohesion/config';
import { LOGGER, type BackgroundTask } from '@cohesion/common';
import { MailSender, type OutgoingMail } from '../mail/mail-sender.js';
import { NoticeBlocks } from '../notice-blocks.js';
import { noticeBlockedSql } from '../notifications.policy.js';

export interface ClaimedDelivery {
  id: string;
  recipientAddress: string;
  /** Counts claims too: the claim's own number, so a stale worker can never overwrite a newer claim. */
  attempts: number;
  subject: string;
  body: string;
  link: string | null;
  /**
   * When (this process's clock) the send must be over: a share of the lease, counted
   * from before the claim was asked for, so it ends before the lease does.
   */
  sendBy: number;
}

const LONGEST_RETRY_MS = 6 * 60 * 60 * 1000;
/** Mail servers quote the recipient in their replies (`450 4.2.0 <name@example.org>: ...`). */
const EMAIL_ADDRESS = /[^\s<>"'(),;:@]+@[^\s<>"'(),;:@]+/g;

/**
 * The part of a lease a send may use: the rest is kept for recording the result and
 * for the clocks of the two machines, so that a send is over (done or abandoned) and
 * recorded before anyone else may take the delivery.
 */
export function sendBudgetMs(leaseSeconds: number): number {
  return Math.floor(leaseSeconds * 1000 * 0.75);
}

/** The Message-ID of a delivery's email: derived from the outbox row, so every attempt carries the same one. */
export function messageIdFor(deliveryId: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'cohesion-network.example';
  return `<${deliveryId}@${domain}>`;
}

/**
 * Sends the outbox, one email per claim. A round claims the next due delivery with FOR
 * UPDATE SKIP LOCKED (so any number of workers share the work without taking the same
 * row) and holds it for a lease rather than an open transaction while it talks to the
 * mail server. The send is cut off before the lease ends (`sendBudgetMs`): a slow mail
 * server makes the outbox slower, never makes a second worker send the same email while
 * the first is still on it. A failure is retried with exponential backoff until
 * NOTIFY_MAX_ATTEMPTS; a worker that dies after sending and before marking leaves the
 * lease to run out, and the message goes again with the same Message-ID.
 */
@Injectable()
export class NotificationDeliveryWorker implements BackgroundTask {
  readonly name = 'deliver-notifications';

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly sender: MailSender,
    private readonly blocks: NoticeBlocks,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Sends one due delivery, if there is one; the runner comes straight back while there is work. */
  async runOnce(): Promise<number> {
    const delivery = await this.claim();
    if (!delivery) return 0;
    try {
      await this.send(delivery);
    } catch (error) {
      await this.markFailed(delivery, error as Error);
      return 1;
    }
    await this.markSent(delivery);
    return 1;
  }

  /**
   * Takes the next due delivery for this worker, for one lease. Emails between people
   * who have blocked each other since they were queued are never claimed; once nothing
   * else is due, they are marked CANCELLED in one sweep (a sweep before every claim
   * would read the whole due backlog once per email sent).
   */
  async claim(): Promise<ClaimedDelivery | undefined> {
    const sendBy = Date.now() + sendBudgetMs(this.config.notificationLeaseSeconds);
    const blocked = noticeBlockedSql(this.blocks, 'n.recipient_id', 'n.about_ids');
    const rows: Omit<ClaimedDelivery, 'sendBy'>[] = await this.dataSource.query(
      `WITH claimed AS (
         UPDATE notification_deliveries d
            SET locked_until = now() + make_interval(secs => $1), attempts = d.attempts + 1
          WHERE d.id = (SELECT id FROM notification_deliveries
                         WHERE status = 'PENDING' AND next_attempt_at <= now()
                           AND (locked_until IS NULL OR locked_until <= now())
                           AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.id = notification_id
                                              AND ${blocked})
                         ORDER BY next_attempt_at, id
                         LIMIT 1
                         FOR UPDATE SKIP LOCKED)
          RETURNING d.id, d.notification_id, d.recipient_address, d.attempts)
       SELECT c.id, c.recipient_address AS "recipientAddress", c.attempts, n.subject, n.body, n.link
         FROM claimed c JOIN notifications n ON n.id = c.notification_id`,
      [this.config.notificationLeaseSeconds],
    );
    if (rows[0]) return { ...rows[0], sendBy };
    await this.dataSource.query(
      `UPDATE notification_deliveries d SET status = 'CANCELLED', locked_until = NULL
         FROM notifications n
        WHERE n.id = d.notification_id AND d.status = 'PENDING' AND d.next_attempt_at <= now()
          AND (d.locked_until IS NULL OR d.locked_until <= now())
          AND ${blocked}`,
    );
    return undefined;
  }

  /** Sends a claimed delivery, abandoning the attempt (an error) rather than going on past its share of the lease. */
  async send(delivery: ClaimedDelivery): Promise<void> {
    const left = delivery.sendBy - Date.now();
    if (left <= 0) throw new Error('The lease ran out before the email could be sent');
    await this.sender.send(this.compose(delivery), AbortSignal.timeout(left));
  }

  compose(delivery: ClaimedDelivery): OutgoingMail {
    const link = delivery.link ? `\n\nOpen it: ${this.config.publicUrl}${delivery.link}` : '';
    return {
      messageId: messageIdFor(delivery.id, this.config.mailFrom),
      to: delivery.recipientAddress,
      subject: delivery.subject,
      text:
        `${delivery.body}${link}\n\n` +
        '--\nCohesion Network. You get this email because you have an account; ' +
        'everything in it is also under Notifications when you sign in.\n',
    };
  }

  private async markSent(delivery: ClaimedDelivery): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification_deliveries SET status = 'SENT', sent_at = now(), locked_until = NULL, last_error = NULL
        WHERE id = $1 AND status = 'PENDING'`,
      [delivery.id],
    );
  }

  private async markFailed(delivery: ClaimedDelivery, error: Error): Promise<void> {
    const giveUp = delivery.attempts >= this.config.notificationMaxAttempts;
    const backoff = Math.min(this.config.notificationRetryBaseMs * 2 ** (delivery.attempts - 1), LONGEST_RETRY_MS);
    const delayMs = Math.round(backoff * (0.8 + Math.random() * 0.4));
    // The transport's reason only: never the address or the message.
    const reason = (error.message || error.name).replace(EMAIL_ADDRESS, '<address>').slice(0, 500);
    await this.dataSource.query(
      `UPDATE notification_deliveries
          SET status = $2, locked_until = NULL, last_error = $3,
              next_attempt_at = now() + make_interval(secs => $4::float8 / 1000)
        WHERE id = $1 AND status = 'PENDING' AND attempts = $5`,
      [delivery.id, giveUp ? 'FAILED' : 'PENDING', reason, delayMs, delivery.attempts],
    );
    this.logger.warn(
      { delivery: delivery.id, attempts: delivery.attempts, gaveUp: giveUp, reason },
      giveUp ? 'Email delivery failed for good' : 'Email delivery failed; will retry',
    );
  }
}
