import { Module } from '@nestjs/common';

/** The admin pages. */
export const ADMIN_PAGES = [];

@Module({ controllers: ADMIN_PAGES })
export class AdminWebModule {}
