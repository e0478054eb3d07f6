/**
 * Throwaway databases for the schema tools: an in-memory embedded one, or a database
 * created on a PostgreSQL server and dropped after, whatever happens in between.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDataSource, EmbeddedPostgres, runMigrations } from '@cohesion/database';
import { SCHEMA } from '@cohesion/platform';

/** Runs `fn` on a new empty database: on the server at `serverUrl`, or embedded when there is none. */
export async function withScratchDatabase<T>(
  serverUrl: string | undefined,
  fn: (url: string) => Promise<T>,
): Promise<T> {
  if (!serverUrl) {
    const embedded = await EmbeddedPostgres.start();
    try {
      return await fn(embedded.url);
    } finally {
      await embedded.stop();
    }
  }
  const name = `cohesion_scratch_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return await fn(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** Applies the pending migrations to the database at `url`; returns their names. */
export async function migrate(url: string): Promise<string[]> {
  const dataSource = createDataSource(SCHEMA, { url, poolSize: 2 });
  await dataSource.initialize();
  try {
    return await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
