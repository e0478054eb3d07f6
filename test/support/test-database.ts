import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDataSource, EmbeddedPostgres, runMigrations, type SchemaDefinition } from '@cohesion/database';

/**
 * One database per test file, cloned from a template that was migrated once per run:
 * on a real server (TEST_DATABASE_URL) with CREATE DATABASE ... TEMPLATE, on the
 * embedded database by loading a saved copy of the migrated data directory.
 */
export interface TestDatabase {
  url: string;
  kind: 'embedded' | 'server';
  /** Cuts the application's connections to this database (pg_terminate_backend on a server); returns how many. */
  interrupt(): Promise<number>;
  close(): Promise<void>;
}

export const TEMPLATE_ENV = 'COHESION_TEST_TEMPLATE';

function serverUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(
  sql: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return (await client.query<R>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

async function migrate(url: string, schema: SchemaDefinition): Promise<void> {
  const dataSource = createDataSource(schema, { url, poolSize: 2 });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** Jest globalSetup: builds the migrated template and tells the workers where it is. */
export async function prepareTemplate(schema: SchemaDefinition): Promise<void> {
  const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
  if (serverUrl()) {
    const name = `cohesion_test_template_${suffix}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    await migrate(withDatabase(serverUrl() as string, name), schema);
    process.env[TEMPLATE_ENV] = name;
    return;
  }
  const embedded = await EmbeddedPostgres.start();
  try {
    await migrate(embedded.url, schema);
    const file = join(tmpdir(), `cohesion-test-template-${suffix}.tar`);
    writeFileSync(file, Buffer.from(await (await embedded.dump()).arrayBuffer()));
    process.env[TEMPLATE_ENV] = file;
  } finally {
    await embedded.stop();
  }
}

/** Jest globalTeardown. */
export async function dropTemplate(): Promise<void> {
  const template = process.env[TEMPLATE_ENV];
  if (!template) return;
  if (serverUrl()) await adminQuery(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  else rmSync(template, { force: true });
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const template = process.env[TEMPLATE_ENV];
  if (!template) throw new Error('No test database template: run the suite through jest (its globalSetup builds one).');
  if (serverUrl()) {
    const name = `cohesion_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    return {
      url: withDatabase(serverUrl() as string, name),
      kind: 'server',
      interrupt: async () =>
        (
          await adminQuery(
            `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
            [name],
          )
        ).length,
      close: async () => {
        await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  }
  const embedded = await EmbeddedPostgres.start({ loadFrom: new Blob([readFileSync(template)]) });
  return {
    url: embedded.url,
    kind: 'embedded',
    interrupt: () => embedded.dropConnections(),
    close: () => embedded.stop(),
  };
}
