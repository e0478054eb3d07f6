import { Module } from '@nestjs/common';

/** Open Referral UK 3.0: the public service directory feed, and the import of other publishers' feeds. */
@Module({})
export class OpenReferralModule {}
