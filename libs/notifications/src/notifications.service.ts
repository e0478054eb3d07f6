import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  badInput,
  keysetPage,
  returningRows,
  SqlParams,
  type ConnectionShape,
  type KeysetSort,
  type Viewer,
} from '@cohesion/common';
import { accountsSql } from '@cohesion/auth';
import { AppConfig } from '@cohesion/config';
import { NoticeBlocks } from './notice-blocks.js';
import { noticeBlockedSql, NOTIFICATIONS_POLICY } from './notifications.policy.js';
import { toNotification, type NotificationRow } from './notification.mapper.js';
import type { Notification } from './notification.model.js';

/** Something to tell one person, in the app and by email. Never put private contact details here. */
export interface Notice {
  recipientId: string;
  kind: string;
  subject: string;
  body: string;
  /** Path in the product to act on it, e.g. `/introductions/<id>`. */
  link?: string;
  /**
   * Everyone the notice names or comes from, besides its recipient (account and
   * practitioner ids). A notice between people either of whom blocked the other is not
   * created, not shown and not emailed.
   */
  about: string[];
  /**
   * Something its sender can still take back (a request): held for
   * NOTIFY_WITHDRAW_WINDOW_SECONDS, and cancelled unseen by `cancelHeld` if taken back.
   */
  withdrawable?: boolean;
}

const SORT: KeysetSort<NotificationRow> = {
  expressions: ['n.created_at', 'n.id'],
  parts: ['timestamp', 'uuid'],
  valuesOf: (row) => [row.createdAtKey, row.id],
  descending: true,
};

/** notifications.subject is varchar(200); a subject built from two long names could exceed it. */
const SUBJECT_MAX = 200;

function fitSubject(subject: string): string {
  const characters = Array.from(subject);
  if (characters.length <= SUBJECT_MAX) return subject;
  const kept = characters.slice(0, SUBJECT_MAX - 1).join('');
  return `${kept.trimEnd()}…`;
}

const COLUMNS = `n.id, n.kind, n.subject, n.body, n.link, n.created_at AS "createdAt", n.read_at AS "readAt",
  n.created_at::text AS "createdAtKey"`;

@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly blocks: NoticeBlocks,
    private readonly config: AppConfig,
  ) {}

  /** Notification alias `n` belongs to `recipient` (an SQL expression) and may be shown to them now. */
  private shownTo(recipient: string): string {
    return NOTIFICATIONS_POLICY.seeNotifications.sql(this.blocks, recipient);
  }

  /**
   * Queues notices inside the caller's transaction: the in-app notifications and their
   * emails exist exactly when the event that caused them commits.
   */
  async queue(manager: EntityManager, notices: Notice[]): Promise<void> {
    if (notices.length === 0) return;
    await manager.query(
      `WITH input AS (
         SELECT x.recipient_id, x.kind, x.subject, x.body, x.link, string_to_array(x.about, ',')::uuid[] AS about_ids,
                now() + make_interval(secs => x.held_seconds) AS deliver_at
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[])
                  AS x(recipient_id, kind, subject, body, link, about, held_seconds)),
       created AS (
         INSERT INTO notifications (recipient_id, kind, subject, body, link, about_ids, deliver_at)
         SELECT recipient_id, kind, subject, body, link, about_ids, deliver_at FROM input
          WHERE NOT ${noticeBlockedSql(this.blocks, 'input.recipient_id', 'input.about_ids')}
         RETURNING id, recipient_id, deliver_at)
       INSERT INTO notification_deliveries (notification_id, recipient_address, next_attempt_at)
       SELECT created.id, a.email, created.deliver_at FROM created JOIN ${accountsSql('a')} ON a.id = created.recipient_id`,
      [
        notices.map((notice) => notice.recipientId),
        notices.map((notice) => notice.kind),
        notices.map((notice) => fitSubject(notice.subject)),
        notices.map((notice) => notice.body),
        notices.map((notice) => notice.link ?? null),
        notices.map((notice) => notice.about.filter((id) => id !== notice.recipientId).join(',')),
        notices.map((notice) => (notice.withdrawable ? this.config.notificationWithdrawWindowSeconds : 0)),
      ],
    );
  }

  /**
   * Cancels, inside the caller's transaction, the notices about `link` to `recipientIds`
   * that are still held: their sender took the event back before anyone saw them, so
   * they are never shown or emailed. Returns how many.
   */
  async cancelHeld(manager: EntityManager, link: string, recipientIds: string[]): Promise<number> {
    const rows = await returningRows<{ id: string }>(
      manager,
      `DELETE FROM notifications
        WHERE recipient_id = ANY($2::uuid[]) AND link = $1 AND deliver_at > now() RETURNING id`,
      [link, recipientIds],
    );
    return rows.length;
  }

  /** The viewer's notifications, newest first. */
  list(
    viewer: Viewer,
    unreadOnly: boolean,
    page: { first: number; after?: string },
  ): Promise<ConnectionShape<Notification>> {
    const params = new SqlParams();
    const recipient = params.add(viewer.accountId);
    return keysetPage(this.dataSource, {
      select: COLUMNS,
      from: 'notifications n',
      where: `${this.shownTo(recipient)}${unreadOnly ? ' AND n.read_at IS NULL' : ''}`,
      params,
      sort: SORT,
      page,
      toNode: toNotification,
    });
  }

  async byIds(viewer: Viewer, ids: readonly string[]): Promise<NotificationRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifications n WHERE n.id = ANY($1::uuid[]) AND ${this.shownTo('$2')}`,
      [ids, viewer.accountId],
    );
  }

  async unreadCount(viewer: Viewer): Promise<number> {
    const [row] = await this.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM notifications n
        WHERE ${this.shownTo('$1')} AND n.read_at IS NULL`,
      [viewer.accountId],
    );
    return row.count;
  }

  /** Marks the viewer's own notifications read (the given ones, or all); returns how many changed. */
  async markRead(viewer: Viewer, selection: { ids?: string[] | null; all?: boolean | null }): Promise<number> {
    const hasIds = (selection.ids ?? []).length > 0;
    if (hasIds === Boolean(selection.all)) throw badInput('input.ids', 'give the notifications to mark, or all: true');
    const rows = await returningRows<{ id: string }>(
      this.dataSource,
      `UPDATE notifications n SET read_at = now()
        WHERE ${this.shownTo('$1')} AND n.read_at IS NULL
              ${hasIds ? 'AND n.id = ANY($2::uuid[])' : ''}
        RETURNING n.id`,
      hasIds ? [viewer.accountId, selection.ids] : [viewer.accountId],
    );
    return rows.length;
  }
}
