import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { BackgroundRunner } from '@cohesion/common';
import { AppConfig } from '@cohesion/config';

/**
 * Runs the background tasks inside the API process unless WORKER_IN_PROCESS=false
 * (then `npm run start:worker` runs them, as many processes as needed).
 */
@Injectable()
export class InProcessWorker implements OnApplicationBootstrap {
  constructor(
    private readonly config: AppConfig,
    private readonly runner: BackgroundRunner,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.workerInProcess) this.runner.start(this.config.workerPollMs);
  }
}
