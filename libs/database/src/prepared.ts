import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Runs a read as a named prepared statement: PostgreSQL parses and plans it once per
 * connection, then only executes it. For hot statements whose text comes in a few
 * shapes and whose best plan does not depend on the values (lookups by id); the name is
 * derived from the text, so every shape is prepared once. The connection is taken and
 * given back through TypeORM, like every other statement's (so it is watched for errors
 * the same way), and counted and reported like them. On the embedded server, where all
 * connections share one session (and so one set of statement names), it runs unnamed.
 */
export async function queryPrepared<T>(dataSource: DataSource, text: string, values: unknown[]): Promise<T[]> {
  const name = (await sharesSession(dataSource)) ? undefined : statementName(text);
  dataSource.logger.logQuery(text);
  try {
    return await withConnection(dataSource, async (client) => {
      const result = await client.query<T & pg.QueryResultRow>({ name, text, values });
      return result.rows;
    });
  } catch (error) {
    dataSource.logger.logQueryError(error as Error, text);
    throw error;
  }
}

/** A connection of the pool for `work`, taken and given back through TypeORM's query runner. */
async function withConnection<R>(dataSource: DataSource, work: (client: pg.PoolClient) => Promise<R>): Promise<R> {
  const runner = dataSource.createQueryRunner('master');
  try {
    return await work((await runner.connect()) as pg.PoolClient);
  } finally {
    await runner.release();
  }
}

const shared = new WeakMap<DataSource, Promise<boolean>>();

/**
 * Whether the server is the embedded one (PGlite), whose connections share one session.
 * Told by the server's version, which no statement of a connection can change (a
 * session setting could be reset by anyone connected to the same session). An answer
 * that failed (the database was unreachable) is asked again next time.
 */
function sharesSession(dataSource: DataSource): Promise<boolean> {
  let answer = shared.get(dataSource);
  if (!answer) {
    answer = withConnection(dataSource, (client) =>
      client.query<{ shared: boolean }>(`SELECT version() LIKE '%PGlite%' AS shared`),
    ).then((result) => result.rows[0]?.shared === true);
    shared.set(dataSource, answer);
    answer.catch(() => shared.delete(dataSource));
  }
  return answer;
}

const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    if (names.size >= 1000) names.clear();
    name = `p_${createHash('sha1').update(text).digest('base64url')}`;
    names.set(text, name);
  }
  return name;
}
