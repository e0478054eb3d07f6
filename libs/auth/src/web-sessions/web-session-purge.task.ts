import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BackgroundTask } from '@cohesion/common';
import { AppConfig } from '@cohesion/config';
import { purgeWebSessions } from './web-session.queries.js';

/** Web sessions that have ended (idle too long or past their absolute end) are deleted. */
@Injectable()
export class WebSessionPurgeTask implements BackgroundTask {
  readonly name = 'purge-ended-web-sessions';

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  runOnce(): Promise<number> {
    return purgeWebSessions(this.dataSource, this.config.webSessionIdleMinutes * 60, 500);
  }
}
