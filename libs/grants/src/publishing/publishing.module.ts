import { Module } from '@nestjs/common';
import { DirectoryModule } from '@cohesion/directory';
import { ThreeSixtyGivingImportResolver } from './three-sixty-giving-import.resolver.js';
import { ThreeSixtyGivingImportService } from './three-sixty-giving-import.service.js';

/** 360Giving: the published JSON and CSV, their data-quality checks, and the import of past awards. */
@Module({
  imports: [DirectoryModule],
  providers: [ThreeSixtyGivingImportService, ThreeSixtyGivingImportResolver],
  controllers: [],
  exports: [ThreeSixtyGivingImportService],
})
export class GrantsPublishingModule {}
