import { Module } from '@nestjs/common';

/** 360Giving: the published JSON and CSV, their data-quality checks, and the import of past awards. */
@Module({
  providers: [],
  controllers: [],
})
export class GrantsPublishingModule {}
