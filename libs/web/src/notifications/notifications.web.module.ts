import { Module } from '@nestjs/common';

/** The notifications pages. */
export const NOTIFICATION_PAGES = [];

@Module({ controllers: NOTIFICATION_PAGES })
export class NotificationsWebModule {}
