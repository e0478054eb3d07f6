import { definePolicies } from '@cohesion/common';
import type { NoticeBlocks } from './notice-blocks.js';

/**
 * Whether a notification's recipient (`recipient`, a uuid SQL expression) and anyone it
 * names (`about`, a uuid[] expression) have blocked each other: such a notice is not
 * created, not shown and not emailed.
 */
export function noticeBlockedSql(blocks: NoticeBlocks, recipient: string, about: string): string {
  return `EXISTS (SELECT 1 FROM unnest(${about}) AS named(id) WHERE ${blocks.blockedSql(recipient, 'named.id')})`;
}

/**
 * Who sees which notifications: only their recipient, and only once a held notice's
 * window has passed and nobody it names is blocked either way (blocks belong to the
 * network, which provides `NoticeBlocks`).
 */
export const NOTIFICATIONS_POLICY = definePolicies('notifications', {
  seeNotifications: {
    sentence: 'your own notifications only; emails carrying a verification or reset link are never shown in the app',
    allows: (viewer, notification: { recipientId: string }) => viewer.accountId === notification.recipientId,
    /**
     * The same rule as SQL on a `notifications` alias `n` for recipient `recipient` (an SQL
     * expression): theirs, shown in the app, no longer held, and no block between its people.
     */
    sql: (blocks: NoticeBlocks, recipient: string): string =>
      `n.recipient_id = ${recipient} AND n.shown_in_app AND n.deliver_at <= now() AND NOT ${noticeBlockedSql(blocks, 'n.recipient_id', 'n.about_ids')}`,
  },
  markNotificationsRead: {
    sentence: 'your own notifications only; ids of anyone else’s are ignored',
    allows: (viewer, notification: { recipientId: string }) => viewer.accountId === notification.recipientId,
  },
});
