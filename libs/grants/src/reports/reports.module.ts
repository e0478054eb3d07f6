import { Module } from '@nestjs/common';

/** grantsReport and its CSV download. */
@Module({
  providers: [],
  controllers: [],
})
export class GrantsReportsModule {}
