import type { Db } from '@cohesion/common';
import type { DeliveryStatus } from '../notification.entity.js';
import type { NoticeBlocks } from '../notice-blocks.js';
import { noticeBlockedSql } from '../notifications.policy.js';

/** A delivery a worker has claimed, with the notification it sends. */
export interface ClaimedDeliveryRow {
  id: string;
  recipientAddress: string;
  /** Counts claims too: the claim's own number, so a stale worker can never overwrite a newer claim. */
  attempts: number;
  subject: string;
  body: string;
  link: string | null;
}

/** Notification alias `n`'s recipient and anyone it names have blocked each other. */
function blockedSql(blocks: NoticeBlocks): string {
  return noticeBlockedSql(blocks, 'n.recipient_id', 'n.about_ids');
}

/**
 * Claims the next due delivery for `leaseSeconds` (FOR UPDATE SKIP LOCKED: workers never
 * take the same row), counting the claim as an attempt; never one between blocked people.
 */
export async function claimNextDelivery(
  db: Db,
  blocks: NoticeBlocks,
  leaseSeconds: number,
): Promise<ClaimedDeliveryRow | undefined> {
  const [row] = await db.query<ClaimedDeliveryRow[]>(
    `WITH claimed AS (
         UPDATE notification_deliveries d
            SET locked_until = now() + make_interval(secs => $1), attempts = d.attempts + 1
          WHERE d.id = (SELECT id FROM notification_deliveries
                         WHERE status = 'PENDING' AND next_attempt_at <= now()
                           AND (locked_until IS NULL OR locked_until <= now())
                           AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.id = notification_id
                                              AND ${blockedSql(blocks)})
                         ORDER BY next_attempt_at, id
                         LIMIT 1
                         FOR UPDATE SKIP LOCKED)
          RETURNING d.id, d.notification_id, d.recipient_address, d.attempts)
       SELECT c.id, c.recipient_address AS "recipientAddress", c.attempts, n.subject, n.body, n.link
         FROM claimed c JOIN notifications n ON n.id = c.notification_id`,
    [leaseSeconds],
  );
  return row;
}

/** Marks CANCELLED the due, unclaimed deliveries between people who have blocked each other. */
export async function cancelBlockedDeliveries(db: Db, blocks: NoticeBlocks): Promise<void> {
  await db.query(
    `UPDATE notification_deliveries d SET status = 'CANCELLED', locked_until = NULL
         FROM notifications n
        WHERE n.id = d.notification_id AND d.status = 'PENDING' AND d.next_attempt_at <= now()
          AND (d.locked_until IS NULL OR d.locked_until <= now())
          AND ${blockedSql(blocks)}`,
  );
}

/** What an email-only message carrying a one-time link keeps of its text once sent or given up. */
export const CLEARED_TEXT = 'This email carried a one-time link; its text is not kept.';

/** Clears the text of the email-only notification of the deliveries in CTE `done` (with `notification_id`). */
const CLEAR_LINK_TEXT = `
  UPDATE notifications n SET body = '${CLEARED_TEXT}'
    FROM done WHERE n.id = done.notification_id AND NOT n.shown_in_app`;

/**
 * Records a pending delivery as sent and lets go of its lease; an email-only message
 * (one carrying a link that acts for the person) loses its text at the same moment.
 */
export async function markDeliverySent(db: Db, deliveryId: string): Promise<void> {
  await db.query(
    `WITH done AS (
       UPDATE notification_deliveries SET status = 'SENT', sent_at = now(), locked_until = NULL, last_error = NULL
        WHERE id = $1 AND status = 'PENDING'
        RETURNING notification_id)
     ${CLEAR_LINK_TEXT}`,
    [deliveryId],
  );
}

/** A failed attempt: the delivery's status after it, why it failed, and when to try again. */
export interface FailedAttempt {
  deliveryId: string;
  /** The claim's number: a claim taken since by another worker is left alone. */
  attempts: number;
  status: Extract<DeliveryStatus, 'PENDING' | 'FAILED'>;
  lastError: string;
  retryInMs: number;
}

/**
 * Records a failed attempt on the claim `attempts` of a pending delivery and lets go of its
 * lease; once given up (FAILED), an email-only message loses its text.
 */
export async function markDeliveryFailed(db: Db, failure: FailedAttempt): Promise<void> {
  await db.query(
    `WITH done AS (
       UPDATE notification_deliveries
          SET status = $2, locked_until = NULL, last_error = $3,
              next_attempt_at = now() + make_interval(secs => $4::float8 / 1000)
        WHERE id = $1 AND status = 'PENDING' AND attempts = $5
        RETURNING notification_id, status)
     ${CLEAR_LINK_TEXT} AND done.status = 'FAILED'`,
    [failure.deliveryId, failure.status, failure.lastError, failure.retryInMs, failure.attempts],
  );
}
