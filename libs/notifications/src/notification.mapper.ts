import { toGlobalId } from '@cohesion/common';
import { Notification } from './notification.model.js';

export const NOTIFICATION_TYPE = 'Notification';

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

export function toNotification(row: NotificationRow): Notification {
  return Object.assign(new Notification(), {
    id: toGlobalId(NOTIFICATION_TYPE, row.id),
    notificationId: row.id,
    kind: row.kind,
    subject: row.subject,
    body: row.body,
    link: row.link,
    createdAt: row.createdAt,
    readAt: row.readAt,
    read: row.readAt !== null,
  });
}
