import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { AppConfig } from '@cohesion/config';
import { createDataSource, runMigrations, type SchemaDefinition } from './data-source.js';
import { DatabaseLogger } from './database.logger.js';
import { EmbeddedPostgres } from './embedded/embedded-postgres.js';

/**
 * Owns the database for the process: starts the embedded server when no DATABASE_URL
 * is configured, connects, applies migrations, and on shutdown closes the pool before
 * the embedded server so the data directory is left clean.
 */
@Injectable()
export class DatabaseHost implements OnApplicationShutdown {
  private closed = false;

  private constructor(
    readonly dataSource: DataSource,
    readonly embedded: EmbeddedPostgres | undefined,
    readonly appliedMigrations: string[],
  ) {}

  static async open(config: AppConfig, schema: SchemaDefinition, logger: DatabaseLogger): Promise<DatabaseHost> {
    const embedded = config.usesEmbeddedDatabase
      ? await EmbeddedPostgres.start({
          dataDir: config.dataDir,
          port: config.embeddedDatabasePort,
          maxConnections: config.databasePoolSize + 4,
        })
      : undefined;
    try {
      const url = config.databaseUrl ?? (embedded as EmbeddedPostgres).url;
      const dataSource = createDataSource(schema, { url, poolSize: config.databasePoolSize, logger });
      await dataSource.initialize();
      const applied = await runMigrations(dataSource);
      return new DatabaseHost(dataSource, embedded, applied);
    } catch (error) {
      await embedded?.stop();
      throw error;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.embedded?.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }
}
