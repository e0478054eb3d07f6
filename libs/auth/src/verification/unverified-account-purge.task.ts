import { Injectable } from '@nestjs/common';
import type { BackgroundTask } from '@cohesion/common';
import { EmailVerificationService } from './email-verification.service.js';

/** Deletes accounts whose email was never verified, UNVERIFIED_ACCOUNT_RETENTION_DAYS after registering. */
@Injectable()
export class UnverifiedAccountPurgeTask implements BackgroundTask {
  readonly name = 'purge-unverified-accounts';

  constructor(private readonly verification: EmailVerificationService) {}

  runOnce(): Promise<number> {
    return this.verification.purgeNeverVerified();
  }
}
