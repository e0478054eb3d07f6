import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BackgroundTask } from '@cohesion/common';
import { purgeAttempts } from './oidc.queries.js';

/** Council sign-ins are over within the hour; their records go after a day. */
const KEEP_SECONDS = 86_400;

@Injectable()
export class OidcAttemptPurgeTask implements BackgroundTask {
  readonly name = 'purge-council-sign-in-attempts';

  constructor(private readonly dataSource: DataSource) {}

  runOnce(): Promise<number> {
    return purgeAttempts(this.dataSource, KEEP_SECONDS, 500);
  }
}
