import { Module } from '@nestjs/common';
import { AuthModule } from '@cohesion/auth';
import { DirectoryModule } from '@cohesion/directory';
import { FeedRepository } from './feed/feed.repository.js';
import { FeedService } from './feed/feed.service.js';
import { OpenReferralController } from './feed/open-referral.controller.js';
import { OpenReferralImportModule } from './import/oruk-import.module.js';

/** Open Referral UK 3.0: the public service directory feed, and the import of other publishers' feeds. */
@Module({
  imports: [AuthModule, DirectoryModule, OpenReferralImportModule],
  providers: [FeedRepository, FeedService],
  controllers: [OpenReferralController],
  exports: [FeedService],
})
export class OpenReferralModule {}
