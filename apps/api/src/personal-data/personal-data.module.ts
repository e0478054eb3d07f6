import { Module } from '@nestjs/common';
import { PersonalDataController } from './personal-data.controller.js';
import { PersonalDataService } from './personal-data.service.js';

/**
 * A person's copy of their data: the download for the signed-in person and, through the
 * service, the command line for an admin answering a subject access request. Needs the
 * network's NoticeBlocks (global) for the notifications a person may see.
 */
@Module({
  controllers: [PersonalDataController],
  providers: [PersonalDataService],
  exports: [PersonalDataService],
})
export class PersonalDataModule {}
