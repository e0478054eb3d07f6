import { Module } from '@nestjs/common';
import { OpenReferralImportModule } from './import/oruk-import.module.js';

/** Open Referral UK 3.0: the public service directory feed, and the import of other publishers' feeds. */
@Module({ imports: [OpenReferralImportModule] })
export class OpenReferralModule {}
