import { Global, Module } from '@nestjs/common';
import { PERSONAL_DATA_DOCUMENT } from '@cohesion/auth';
import { PersonalDataController } from './personal-data.controller.js';
import { PersonalDataService } from './personal-data.service.js';

/**
 * A person's copy of their data: the download for the signed-in person and, through the
 * service, the command line for an admin answering a subject access request. Needs the
 * network's NoticeBlocks (global) for the notifications a person may see. Global, so the
 * website's download writes the same document through auth's PERSONAL_DATA_DOCUMENT.
 */
@Global()
@Module({
  controllers: [PersonalDataController],
  providers: [PersonalDataService, { provide: PERSONAL_DATA_DOCUMENT, useExisting: PersonalDataService }],
  exports: [PersonalDataService, PERSONAL_DATA_DOCUMENT],
})
export class PersonalDataModule {}
