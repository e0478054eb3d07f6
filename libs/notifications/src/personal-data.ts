import type { PersonalDataSection } from '@cohesion/common';
import type { NoticeBlocks } from './notice-blocks.js';
import { notificationsOf } from './notification.queries.js';

/** What the notifications hold about one person, for a copy of their data: what they can see in the app. */
export function notificationsPersonalData(blocks: NoticeBlocks): PersonalDataSection[] {
  return [{ name: 'notifications', read: (db, accountId) => notificationsOf(db, blocks, accountId) }];
}
