import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@cohesion/config';
import type { SchemaDefinition } from './data-source.js';
import { DatabaseHost } from './database-host.js';
import { DatabaseLogger } from './database.logger.js';

/** Provides the migrated DataSource to every module; the app passes the whole schema once. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(schema: SchemaDefinition): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DatabaseLogger, useValue: new DatabaseLogger() },
        {
          provide: DatabaseHost,
          inject: [AppConfig, DatabaseLogger],
          useFactory: (config: AppConfig, logger: DatabaseLogger) => DatabaseHost.open(config, schema, logger),
        },
        { provide: DataSource, inject: [DatabaseHost], useFactory: (host: DatabaseHost) => host.dataSource },
      ],
      exports: [DataSource, DatabaseHost, DatabaseLogger],
    };
  }
}
