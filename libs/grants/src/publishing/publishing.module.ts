import { Module } from '@nestjs/common';
import { FundDataQualityLoader } from './data-quality.loader.js';
import { DataQualityService } from './data-quality.service.js';
import { FundDataQualityResolver } from './fund-data-quality.resolver.js';
import { PublishingService } from './publishing.service.js';
import { ThreeSixtyGivingController } from './three-sixty-giving.controller.js';

/** 360Giving: the published JSON and CSV, their data-quality checks, and the import of past awards. */
@Module({
  providers: [PublishingService, DataQualityService, FundDataQualityLoader, FundDataQualityResolver],
  controllers: [ThreeSixtyGivingController],
  exports: [PublishingService, DataQualityService],
})
export class GrantsPublishingModule {}
