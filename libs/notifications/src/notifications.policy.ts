import { definePolicies } from '@cohesion/common';
import { noticeBlockedSql, type NoticeBlocks } from './notice-blocks.js';

/**
 * Who sees which notifications: only their recipient, and only once a held notice's
 * window has passed and nobody it names is blocked either way (blocks belong to the
 * network, which provides `NoticeBlocks`).
 */
export const NOTIFICATIONS_POLICY = definePolicies('notifications', {
  seeNotifications: {
    sentence: 'your own notifications only',
    allows: (viewer, notification: { recipientId: string }) => viewer.accountId === notification.recipientId,
    /**
     * The same rule as SQL on a `notifications` alias `n` for recipient `recipient` (an SQL
     * expression): theirs, no longer held, and no block between its people.
     */
    sql: (blocks: NoticeBlocks, recipient: string): string =>
      `n.recipient_id = ${recipient} AND n.deliver_at <= now() AND NOT ${noticeBlockedSql(blocks, 'n.recipient_id', 'n.about_ids')}`,
  },
  markNotificationsRead: {
    sentence: 'your own notifications only; ids of anyone else’s are ignored',
    allows: (viewer, notification: { recipientId: string }) => viewer.accountId === notification.recipientId,
  },
});
