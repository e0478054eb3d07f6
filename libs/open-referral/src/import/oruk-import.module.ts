import { Module } from '@nestjs/common';
import { DirectoryWriterModule, GeoModule } from '@cohesion/directory';
import { OpenReferralImportResolver } from './oruk-import.resolver.js';
import { OpenReferralImportService } from './oruk-import.service.js';
import { OrukImportWriter } from './oruk-import.writer.js';

/** The import of other publishers' Open Referral UK feeds and files (the admin mutation and `npm run import:oruk`). */
@Module({
  imports: [GeoModule, DirectoryWriterModule],
  providers: [OrukImportWriter, OpenReferralImportService, OpenReferralImportResolver],
  exports: [OpenReferralImportService],
})
export class OpenReferralImportModule {}
