import { Injectable } from '@nestjs/common';
import type { BackgroundTask } from '@cohesion/common';
import { PasswordRecoveryService } from './password-recovery.service.js';

/** Sends the password reset links people asked for (see `PasswordRecoveryService.requestReset`). */
@Injectable()
export class PasswordResetTask implements BackgroundTask {
  readonly name = 'send-password-reset-links';

  constructor(private readonly passwords: PasswordRecoveryService) {}

  runOnce(): Promise<number> {
    return this.passwords.sendRequestedLinks();
  }
}
