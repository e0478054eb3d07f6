import { Injectable } from '@nestjs/common';
import type { BackgroundTask } from '@cohesion/common';
import { IntroductionsService } from './introductions.service.js';

/** Lapses unanswered introduction requests after 14 days and tells the people who asked. */
@Injectable()
export class IntroductionExpiryTask implements BackgroundTask {
  readonly name = 'expire-introductions';

  constructor(private readonly introductions: IntroductionsService) {}

  runOnce(): Promise<number> {
    return this.introductions.expireDue();
  }
}
