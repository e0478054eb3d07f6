import {
  DataSource,
  type DataSourceOptions,
  type MixedList,
  type EntitySchema,
  type MigrationInterface,
} from 'typeorm';
import type { DatabaseLogger } from './database.logger.js';
import { SLOW_QUERY_THRESHOLD_MS } from './database.logger.js';
import { faultTolerantPg } from './safe-pool.js';
import { sessionStartupOptions } from './session-settings.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityList = MixedList<Function | string | EntitySchema>;

export interface SchemaDefinition {
  entities: EntityList;
  migrations: (new () => MigrationInterface)[];
}

export interface ConnectionSettings {
  url: string;
  poolSize: number;
  applicationName?: string;
  logger?: DatabaseLogger;
}

/** One set of options for the app, the CLI and tests: schema only through migrations, never synchronize. */
export function dataSourceOptions(schema: SchemaDefinition, connection: ConnectionSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: connection.url,
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    namingStrategy: new SnakeNamingStrategy(),
    logger: connection.logger,
    logging: connection.logger ? 'all' : false,
    // Slow statements are reported through the app's logger; bulk CLIs (no logger) expect them.
    maxQueryExecutionTime: connection.logger ? SLOW_QUERY_THRESHOLD_MS : undefined,
    applicationName: connection.applicationName ?? 'cohesion-network',
    // Every connection listens for errors from the moment it exists (see faultTolerantPg),
    // which also reports them; TypeORM's own pool listener would only log them twice.
    driver: faultTolerantPg((error, source) => connection.logger?.connectionFault(error, source)),
    poolErrorHandler: () => undefined,
    extra: {
      max: connection.poolSize,
      idleTimeoutMillis: 30_000,
      connectionTimeoutMillis: 10_000,
      options: sessionStartupOptions(),
    },
  };
}

export function createDataSource(schema: SchemaDefinition, connection: ConnectionSettings): DataSource {
  return new DataSource(dataSourceOptions(schema, connection));
}

/** Any stable 64-bit number works; every process that migrates this schema takes the same lock. */
const MIGRATION_LOCK_KEY = 7_204_119_331;

/**
 * Applies pending migrations, each in its own transaction, holding an advisory lock
 * so several API processes starting at once migrate one after another, not together.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}

/**
 * The SQL that would bring the database in line with the entities; empty when the
 * migrations and the entities agree. Used by `migration:generate` and the CI drift check.
 */
export interface SchemaChange {
  query: string;
  parameters?: unknown[];
}

export async function pendingSchemaChanges(
  dataSource: DataSource,
): Promise<{ up: SchemaChange[]; down: SchemaChange[] }> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  const change = (query: { query: string; parameters?: unknown[] }): SchemaChange => ({
    query: query.query,
    parameters: query.parameters,
  });
  return { up: log.upQueries.map(change), down: log.downQueries.map(change) };
}
