import { Module } from '@nestjs/common';
import { GrantsReportController } from './grants-report.controller.js';
import { GrantsReportResolver } from './grants-report.resolver.js';
import { GrantsReportService } from './grants-report.service.js';

/** grantsReport and its CSV download. */
@Module({
  providers: [GrantsReportService, GrantsReportResolver],
  controllers: [GrantsReportController],
  exports: [GrantsReportService],
})
export class GrantsReportsModule {}
