import { Module } from '@nestjs/common';
import { DirectoryModule, DirectoryWriterModule } from '@cohesion/directory';
import { FundDataQualityLoader } from './data-quality/data-quality.loader.js';
import { DataQualityService } from './data-quality/data-quality.service.js';
import { FundDataQualityResolver } from './data-quality/fund-data-quality.resolver.js';
import { PublishingService } from './export/publishing.service.js';
import { ThreeSixtyGivingImportResolver } from './import/three-sixty-giving-import.resolver.js';
import { ThreeSixtyGivingImportService } from './import/three-sixty-giving-import.service.js';
import { ThreeSixtyGivingController } from './export/three-sixty-giving.controller.js';

/** 360Giving: the published JSON and CSV, their data-quality checks, and the import of past awards. */
@Module({
  imports: [DirectoryModule, DirectoryWriterModule],
  providers: [
    PublishingService,
    DataQualityService,
    FundDataQualityLoader,
    FundDataQualityResolver,
    ThreeSixtyGivingImportService,
    ThreeSixtyGivingImportResolver,
  ],
  controllers: [ThreeSixtyGivingController],
  exports: [PublishingService, DataQualityService, ThreeSixtyGivingImportService],
})
export class GrantsPublishingModule {}
