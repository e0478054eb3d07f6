import { Module } from '@nestjs/common';
import { AuthModule } from '@cohesion/auth';
import { DirectoryModule } from '@cohesion/directory';
import { GrantsPublishingModule } from './publishing/publishing.module.js';
import { GrantsReportsModule } from './reports/reports.module.js';

/** Funds, rounds, applications, assessment, awards, payments, monitoring, reports and 360Giving. */
@Module({
  imports: [AuthModule, DirectoryModule, GrantsPublishingModule, GrantsReportsModule],
  providers: [],
  exports: [],
})
export class GrantsModule {}
