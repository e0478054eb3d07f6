export * from './delivery/delivery-worker.js';
export * from './mail/file-mail-sender.js';
export * from './mail/mail-sender.js';
export * from './notice-blocks.js';
export * from './notification.entity.js';
export * from './notification.model.js';
export * from './notifications.module.js';
export * from './notifications.policy.js';
export * from './notifications.service.js';

import { NotificationDeliveryEntity, NotificationEntity } from './notification.entity.js';

export const NOTIFICATION_ENTITIES = [NotificationEntity, NotificationDeliveryEntity];
export * from './personal-data.js';
