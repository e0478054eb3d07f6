import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { AppConfig, ConfigModule } from '@cohesion/config';
import { CommonModule } from '@cohesion/common';
import { DatabaseModule } from '@cohesion/database';
import { AuthModule } from '@cohesion/auth';
import { DirectoryModule } from '@cohesion/directory';
import { NetworkModule } from '@cohesion/network';
import { NotificationsModule } from '@cohesion/notifications';
import { SCHEMA } from '../../api/src/schema.js';

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
      imports: [
        ConfigModule.forRoot(config),
        CommonModule.forRoot(logger),
        DatabaseModule.forRoot(SCHEMA),
        AuthModule,
        NotificationsModule,
        DirectoryModule,
        NetworkModule,
      ],
    };
  }
}
