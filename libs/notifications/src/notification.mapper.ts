import { toGlobalId } from '@cohesion/common';
import { Notification } from './notification.model.js';
import type { NotificationRow } from './notification.queries.js';

export const NOTIFICATION_TYPE = 'Notification';

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
