import type { PersonalDataEraser, PersonalDataSection } from '@cohesion/common';
import type { NoticeBlocks } from './notice-blocks.js';
import { deleteNotificationsOfOrAbout, notificationsOf } from './notification.queries.js';

/** What the notifications hold about one person, for a copy of their data: what they can see in the app. */
export function notificationsPersonalData(blocks: NoticeBlocks): PersonalDataSection[] {
  return [{ name: 'notifications', read: (db, accountId) => notificationsOf(db, blocks, accountId) }];
}

/** Erased with the account: the notifications to them, and those to others that name them, with their emails. */
export const NOTIFICATIONS_ERASERS: PersonalDataEraser[] = [
  { name: 'notifications', erase: deleteNotificationsOfOrAbout },
];
