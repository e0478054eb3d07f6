import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import type { AppConfig } from '@cohesion/config';
import { AuthModule } from '@cohesion/auth';
import { DirectoryModule } from '@cohesion/directory';
import { NetworkModule } from '@cohesion/network';
import { NotificationsModule } from '@cohesion/notifications';
import { foundationModules } from '@cohesion/platform';

/**
 * The background worker: the same domains as the API (they register their tasks),
 * without HTTP or GraphQL. Several can run at once; they share the work through
 * FOR UPDATE SKIP LOCKED.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: WorkerModule,
      imports: [...foundationModules(config, logger), AuthModule, NotificationsModule, DirectoryModule, NetworkModule],
    };
  }
}
