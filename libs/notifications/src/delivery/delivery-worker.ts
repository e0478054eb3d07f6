import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AppConfig } from '@cohesion/config';
import { LOGGER, type BackgroundTask } from '@cohesion/common';
import { MailSender, type OutgoingMail } from '../mail/mail-sender.js';
import { NoticeBlocks } from '../notice-blocks.js';
import {
  cancelBlockedDeliveries,
  claimNextDelivery,
  markDeliveryFailed,
  markDeliverySent,
  type ClaimedDeliveryRow,
} from './outbox.queries.js';

export interface ClaimedDelivery extends ClaimedDeliveryRow {
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
    await markDeliverySent(this.dataSource, delivery.id);
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
    const claimed = await claimNextDelivery(this.dataSource, this.blocks, this.config.notificationLeaseSeconds);
    if (claimed) return { ...claimed, sendBy };
    await cancelBlockedDeliveries(this.dataSource, this.blocks);
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

  private async markFailed(delivery: ClaimedDelivery, error: Error): Promise<void> {
    const giveUp = delivery.attempts >= this.config.notificationMaxAttempts;
    const backoff = Math.min(this.config.notificationRetryBaseMs * 2 ** (delivery.attempts - 1), LONGEST_RETRY_MS);
    const delayMs = Math.round(backoff * (0.8 + Math.random() * 0.4));
    // The transport's reason only: never the address or the message.
    const reason = (error.message || error.name).replace(EMAIL_ADDRESS, '<address>').slice(0, 500);
    await markDeliveryFailed(this.dataSource, {
      deliveryId: delivery.id,
      attempts: delivery.attempts,
      status: giveUp ? 'FAILED' : 'PENDING',
      lastError: reason,
      retryInMs: delayMs,
    });
    this.logger.warn(
      { delivery: delivery.id, attempts: delivery.attempts, gaveUp: giveUp, reason },
      giveUp ? 'Email delivery failed for good' : 'Email delivery failed; will retry',
    );
  }
}
