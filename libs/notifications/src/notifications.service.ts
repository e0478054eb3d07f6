import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { badInput, type ConnectionShape, type Viewer } from '@cohesion/common';
import { AppConfig } from '@cohesion/config';
import { NoticeBlocks } from './notice-blocks.js';
import { toNotification } from './notification.mapper.js';
import type { Notification } from './notification.model.js';
import {
  deleteHeldNotifications,
  insertAccountEmail,
  insertNotifications,
  markNotificationsRead,
  notificationsByIds,
  notificationsPage,
  unreadNotificationCount,
  type NotificationRow,
} from './notification.queries.js';

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

/** notifications.subject is varchar(200); a subject built from two long names could exceed it. */
const SUBJECT_MAX = 200;

function fitSubject(subject: string): string {
  const characters = Array.from(subject);
  if (characters.length <= SUBJECT_MAX) return subject;
  const kept = characters.slice(0, SUBJECT_MAX - 1).join('');
  return `${kept.trimEnd()}…`;
}

@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly blocks: NoticeBlocks,
    private readonly config: AppConfig,
  ) {}

  /**
   * Queues notices inside the caller's transaction: the in-app notifications and their
   * emails exist exactly when the event that caused them commits.
   */
  async queue(manager: EntityManager, notices: Notice[]): Promise<void> {
    if (notices.length === 0) return;
    await insertNotifications(
      manager,
      this.blocks,
      notices.map((notice) => ({
        recipientId: notice.recipientId,
        kind: notice.kind,
        subject: fitSubject(notice.subject),
        body: notice.body,
        link: notice.link ?? null,
        aboutIds: notice.about.filter((id) => id !== notice.recipientId),
        heldSeconds: notice.withdrawable ? this.config.notificationWithdrawWindowSeconds : 0,
      })),
    );
  }

  /**
   * Cancels, inside the caller's transaction, the notices about `link` to `recipientIds`
   * that are still held: their sender took the event back before anyone saw them, so
   * they are never shown or emailed. Returns how many.
   */
  /**
   * Queues, inside the caller's transaction, an email to an address that may have no account
   * yet (an invitation to join). Email only: it is never shown in the app.
   */
  async emailAddress(
    manager: EntityManager,
    email: { to: string; kind: string; subject: string; body: string },
  ): Promise<void> {
    await insertAccountEmail(manager, { ...email, accountId: null, shownInApp: false });
  }

  async cancelHeld(manager: EntityManager, link: string, recipientIds: string[]): Promise<number> {
    const rows = await deleteHeldNotifications(manager, link, recipientIds);
    return rows.length;
  }

  /** The viewer's notifications, newest first. */
  list(
    viewer: Viewer,
    unreadOnly: boolean,
    page: { first: number; after?: string },
  ): Promise<ConnectionShape<Notification>> {
    return notificationsPage(this.dataSource, this.blocks, {
      recipientId: viewer.accountId,
      unreadOnly,
      page,
      toNode: toNotification,
    });
  }

  async byIds(viewer: Viewer, ids: readonly string[]): Promise<NotificationRow[]> {
    return notificationsByIds(this.dataSource, this.blocks, viewer.accountId, ids);
  }

  async unreadCount(viewer: Viewer): Promise<number> {
    return unreadNotificationCount(this.dataSource, this.blocks, viewer.accountId);
  }

  /** Marks the viewer's own notifications read (the given ones, or all); returns how many changed. */
  async markRead(viewer: Viewer, selection: { ids?: string[] | null; all?: boolean | null }): Promise<number> {
    const ids = selection.ids ?? [];
    const hasIds = ids.length > 0;
    if (hasIds === Boolean(selection.all)) throw badInput('input.ids', 'give the notifications to mark, or all: true');
    const rows = await markNotificationsRead(this.dataSource, this.blocks, viewer.accountId, hasIds ? ids : undefined);
    return rows.length;
  }
}
