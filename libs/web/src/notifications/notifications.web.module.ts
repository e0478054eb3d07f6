import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller.js';

/** The notifications pages: the person's notifications, and marking them read. */
export const NOTIFICATION_PAGES = [NotificationsController];

@Module({ controllers: NOTIFICATION_PAGES })
export class NotificationsWebModule {}
