import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AppConfig } from '@cohesion/config';
import { LOGGER, type BackgroundTask } from '@cohesion/common';
import { MailSender, type OutgoingMail } from '../mail/mail-sender.js';
import { NoticeBlocks, noticeBlockedSql } from '../notice-blocks.js';

export interface ClaimedDelivery {
  id: string;
  recipientAddress: string;
  attempts: number;
  subject: string;
  body: string;
  link: string | null;
}

const BATCH_SIZE = 20;
const LONGEST_RETRY_MS = 6 * 60 * 60 * 1000;
/** Mail servers quote the recipient in their replies (`450 4.2.0 <name@example.org>: ...`). */
const EMAIL_ADDRESS = /[^\s<>"'(),;:@]+@[^\s<>"'(),;:@]+/g;

/** The Message-ID of a delivery's email: derived from the outbox row, so every attempt carries the same one. */
export function messageIdFor(deliveryId: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'cohesion-network.example';
  return `<${deliveryId}@${domain}>`;
}

/**
 * Sends the outbox. Each round claims due deliveries with FOR UPDATE SKIP LOCKED (so any
 * number of workers share the work without taking the same row), holds them for a lease
 * rather than an open transaction while it talks to the mail server, sends, then marks
 * each sent. A failure is retried with exponential backoff until NOTIFY_MAX_ATTEMPTS;
 * a worker that dies after sending and before marking leaves the lease to run out, and
 * the message goes again with the same Message-ID.
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

  async runOnce(): Promise<number> {
    const claimed = await this.claim();
    for (const delivery of claimed) {
      try {
        await this.send(delivery);
      } catch (error) {
        await this.markFailed(delivery, error as Error);
        continue;
      }
      await this.markSent(delivery);
    }
    return claimed.length;
  }

  /**
   * Takes up to `limit` due deliveries for this worker, for one lease. Due emails
   * between people who have blocked each other since they were queued are cancelled
   * first, never sent.
   */
  async claim(limit = BATCH_SIZE): Promise<ClaimedDelivery[]> {
    await this.dataSource.query(
      `UPDATE notification_deliveries d SET status = 'CANCELLED', locked_until = NULL
         FROM notifications n
        WHERE n.id = d.notification_id AND d.status = 'PENDING' AND d.next_attempt_at <= now()
          AND (d.locked_until IS NULL OR d.locked_until <= now())
          AND ${noticeBlockedSql(this.blocks, 'n.recipient_id', 'n.about_ids')}`,
    );
    return this.dataSource.query(
      `WITH claimed AS (
         UPDATE notification_deliveries d
            SET locked_until = now() + make_interval(secs => $2), attempts = d.attempts + 1
          WHERE d.id IN (SELECT id FROM notification_deliveries
                          WHERE status = 'PENDING' AND next_attempt_at <= now()
                            AND (locked_until IS NULL OR locked_until <= now())
                            AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.id = notification_id
                                               AND ${noticeBlockedSql(this.blocks, 'n.recipient_id', 'n.about_ids')})
                          ORDER BY next_attempt_at, id
                          LIMIT $1
                          FOR UPDATE SKIP LOCKED)
          RETURNING d.id, d.notification_id, d.recipient_address, d.attempts)
       SELECT c.id, c.recipient_address AS "recipientAddress", c.attempts, n.subject, n.body, n.link
         FROM claimed c JOIN notifications n ON n.id = c.notification_id`,
      [limit, this.config.notificationLeaseSeconds],
    );
  }

  async send(delivery: ClaimedDelivery): Promise<void> {
    await this.sender.send(this.compose(delivery));
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
        WHERE id = $1 AND status = 'PENDING'`,
      [delivery.id, giveUp ? 'FAILED' : 'PENDING', reason, delayMs],
    );
    this.logger.warn(
      { delivery: delivery.id, attempts: delivery.attempts, gaveUp: giveUp, reason },
      giveUp ? 'Email delivery failed for good' : 'Email delivery failed; will retry',
    );
  }
}
