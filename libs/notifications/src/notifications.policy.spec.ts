import { describe, expect, it } from '@jest/globals';
import { allows, Viewer } from '@cohesion/common';
import { NOTIFICATIONS_POLICY } from './notifications.policy.js';

const ME = Viewer.member('a1', 'a1', []);

describe('NOTIFICATIONS_POLICY', () => {
  it('seeNotifications: only the recipient, once released and with nobody blocked', () => {
    expect(allows(NOTIFICATIONS_POLICY.seeNotifications, ME, { recipientId: 'a1' })).toBe(true);
    expect(allows(NOTIFICATIONS_POLICY.seeNotifications, ME, { recipientId: 'a2' })).toBe(false);
    expect(allows(NOTIFICATIONS_POLICY.seeNotifications, Viewer.anonymous(), { recipientId: 'a1' })).toBe(false);
    const sql = NOTIFICATIONS_POLICY.seeNotifications.sql(
      { blockedSql: (one, other) => `blocked(${one}, ${other})` },
      '$1',
    );
    expect(sql).toContain('n.recipient_id = $1');
    expect(sql).toContain('n.deliver_at <= now()');
    expect(sql).toContain('blocked(n.recipient_id, named.id)');
  });

  it('markNotificationsRead: only your own', () => {
    expect(allows(NOTIFICATIONS_POLICY.markNotificationsRead, ME, { recipientId: 'a1' })).toBe(true);
    expect(allows(NOTIFICATIONS_POLICY.markNotificationsRead, ME, { recipientId: 'a2' })).toBe(false);
  });
});
