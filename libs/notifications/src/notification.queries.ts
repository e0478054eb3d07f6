import { keysetPage, returningRows, SqlParams, type ConnectionShape, type Db, type KeysetSort } from '@cohesion/common';
import { accountsSql } from '@cohesion/auth';
import type { NoticeBlocks } from './notice-blocks.js';
import { noticeBlockedSql, NOTIFICATIONS_POLICY } from './notifications.policy.js';

/** A notification as its recipient reads it (alias `n`, `NOTIFICATION_COLUMNS`). */
export interface NotificationRow {
  id: string;
  kind: string;
  subject: string;
  body: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
  /** created_at as text, with microseconds, for cursors. */
  createdAtKey: string;
}

/** A notification a DELETE or UPDATE ... RETURNING touched. */
export interface NotificationIdRow {
  id: string;
}

const NOTIFICATION_COLUMNS = `n.id, n.kind, n.subject, n.body, n.link, n.created_at AS "createdAt", n.read_at AS "readAt",
  n.created_at::text AS "createdAtKey"`;

const NOTIFICATION_SORT: KeysetSort<NotificationRow> = {
  expressions: ['n.created_at', 'n.id'],
  parts: ['timestamp', 'uuid'],
  valuesOf: (row) => [row.createdAtKey, row.id],
  descending: true,
};

/** Notification alias `n` belongs to `recipient` (an SQL expression) and may be shown to them now. */
function shownToSql(blocks: NoticeBlocks, recipient: string): string {
  return NOTIFICATIONS_POLICY.seeNotifications.sql(blocks, recipient);
}

/** A notification to create, with its email; the rules (subject length, who it names, the hold) already applied. */
export interface NewNotification {
  recipientId: string;
  kind: string;
  subject: string;
  body: string;
  link: string | null;
  /** Everyone it names besides its recipient. */
  aboutIds: string[];
  /** How long it is held before it is shown or emailed (0: not held). */
  heldSeconds: number;
}

/**
 * Creates the notifications and their deliveries (to each recipient's account address) in
 * one statement; a notification between blocked people is not created.
 */
export async function insertNotifications(db: Db, blocks: NoticeBlocks, notices: NewNotification[]): Promise<void> {
  await db.query(
    `WITH input AS (
         SELECT x.recipient_id, x.kind, x.subject, x.body, x.link, string_to_array(x.about, ',')::uuid[] AS about_ids,
                now() + make_interval(secs => x.held_seconds) AS deliver_at
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[])
                  AS x(recipient_id, kind, subject, body, link, about, held_seconds)),
       created AS (
         INSERT INTO notifications (recipient_id, kind, subject, body, link, about_ids, deliver_at)
         SELECT recipient_id, kind, subject, body, link, about_ids, deliver_at FROM input
          WHERE NOT ${noticeBlockedSql(blocks, 'input.recipient_id', 'input.about_ids')}
         RETURNING id, recipient_id, deliver_at)
       INSERT INTO notification_deliveries (notification_id, recipient_address, next_attempt_at)
       SELECT created.id, a.email, created.deliver_at FROM created JOIN ${accountsSql('a')} ON a.id = created.recipient_id`,
    [
      notices.map((notice) => notice.recipientId),
      notices.map((notice) => notice.kind),
      notices.map((notice) => notice.subject),
      notices.map((notice) => notice.body),
      notices.map((notice) => notice.link),
      notices.map((notice) => notice.aboutIds.join(',')),
      notices.map((notice) => notice.heldSeconds),
    ],
  );
}

/** An email about the person's own account, to an address given (maybe one the account is moving to). */
export interface NewAccountEmail {
  /** Null for an address with no account yet (an invitation): then it is never shown in the app. */
  accountId: string | null;
  to: string;
  kind: string;
  subject: string;
  body: string;
  /** False for an email carrying a link that acts for the person: email only. */
  shownInApp: boolean;
}

/** Creates the notification and its delivery to `to` in one statement. It names nobody else, so no block applies. */
export async function insertAccountEmail(db: Db, email: NewAccountEmail): Promise<void> {
  await db.query(
    `WITH created AS (
       INSERT INTO notifications (recipient_id, kind, subject, body, shown_in_app)
       VALUES ($1, $2, $3, $4, $5) RETURNING id)
     INSERT INTO notification_deliveries (notification_id, recipient_address)
     SELECT id, $6 FROM created`,
    [email.accountId, email.kind, email.subject, email.body, email.shownInApp, email.to],
  );
}

/** Deletes the notifications about `link` to `recipientIds` that are still held. */
export function deleteHeldNotifications(db: Db, link: string, recipientIds: string[]): Promise<NotificationIdRow[]> {
  return returningRows<NotificationIdRow>(
    db,
    `DELETE FROM notifications
        WHERE recipient_id = ANY($2::uuid[]) AND link = $1 AND deliver_at > now() RETURNING id`,
    [link, recipientIds],
  );
}

/** A page of the notifications shown to `recipientId`, newest first (only the unread ones if asked). */
export function notificationsPage<T>(
  db: Db,
  blocks: NoticeBlocks,
  query: {
    recipientId: string | null;
    unreadOnly: boolean;
    page: { first: number; after?: string };
    toNode: (row: NotificationRow) => T;
  },
): Promise<ConnectionShape<T>> {
  const params = new SqlParams();
  const recipient = params.add(query.recipientId);
  return keysetPage(db, {
    select: NOTIFICATION_COLUMNS,
    from: 'notifications n',
    where: `${shownToSql(blocks, recipient)}${query.unreadOnly ? ' AND n.read_at IS NULL' : ''}`,
    params,
    sort: NOTIFICATION_SORT,
    page: query.page,
    toNode: query.toNode,
  });
}

/** The notifications of `ids` shown to `recipientId` (the others are left out). */
export function notificationsByIds(
  db: Db,
  blocks: NoticeBlocks,
  recipientId: string | null,
  ids: readonly string[],
): Promise<NotificationRow[]> {
  return db.query<NotificationRow[]>(
    `SELECT ${NOTIFICATION_COLUMNS} FROM notifications n WHERE n.id = ANY($1::uuid[]) AND ${shownToSql(blocks, '$2')}`,
    [ids, recipientId],
  );
}

export async function unreadNotificationCount(
  db: Db,
  blocks: NoticeBlocks,
  recipientId: string | null,
): Promise<number> {
  const [row] = await db.query<{ count: number }[]>(
    `SELECT count(*)::int AS count FROM notifications n
        WHERE ${shownToSql(blocks, '$1')} AND n.read_at IS NULL`,
    [recipientId],
  );
  return row.count;
}

/** Marks read the unread notifications shown to `recipientId`: those of `ids`, or all of them when `ids` is not given. */
export function markNotificationsRead(
  db: Db,
  blocks: NoticeBlocks,
  recipientId: string | null,
  ids?: string[],
): Promise<NotificationIdRow[]> {
  const hasIds = ids !== undefined;
  return returningRows<NotificationIdRow>(
    db,
    `UPDATE notifications n SET read_at = now()
        WHERE ${shownToSql(blocks, '$1')} AND n.read_at IS NULL
              ${hasIds ? 'AND n.id = ANY($2::uuid[])' : ''}
        RETURNING n.id`,
    hasIds ? [recipientId, ids] : [recipientId],
  );
}

/** A notification in a person's copy of their data (`notificationsOf`). */
export type NotificationDataRow = Omit<NotificationRow, 'id' | 'createdAtKey'>;

/**
 * Every notification `recipient` may see in the app, oldest first: emails carrying a link
 * that acts for them (verification, reset) are left out, as in the app.
 */
export function notificationsOf(db: Db, blocks: NoticeBlocks, recipient: string): Promise<NotificationDataRow[]> {
  return db.query<NotificationDataRow[]>(
    `SELECT n.kind, n.subject, n.body, n.link, n.created_at AS "createdAt", n.read_at AS "readAt"
       FROM notifications n WHERE ${shownToSql(blocks, '$1')} ORDER BY n.created_at, n.id`,
    [recipient],
  );
}
