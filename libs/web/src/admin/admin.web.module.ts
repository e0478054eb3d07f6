import { Module } from '@nestjs/common';
import { AuthModule } from '@cohesion/auth';
import { DirectoryModule, MembershipsModule } from '@cohesion/directory';
import { NetworkModule } from '@cohesion/network';
import { AccountsAdminController } from './accounts.controller.js';
import { AdminQueuesController } from './admin.controller.js';
import { MisuseReportsController } from './misuse-reports.controller.js';

/** The platform admins' pages: verification queues, misuse reports, account suspension. */
export const ADMIN_PAGES = [AdminQueuesController, MisuseReportsController, AccountsAdminController];

@Module({ imports: [AuthModule, DirectoryModule, MembershipsModule, NetworkModule], controllers: ADMIN_PAGES })
export class AdminWebModule {}
