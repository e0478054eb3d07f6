import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { SHARED_SESSION_SETTING } from './session-settings.js';

/**
 * Runs a read as a named prepared statement: PostgreSQL parses and plans it once per
 * connection, then only executes it. For hot statements whose text comes in a few
 * shapes and whose best plan does not depend on the values (lookups by id); the name is
 * derived from the text, so every shape is prepared once. Counted and reported like any
 * statement sent through TypeORM. On the embedded server, where all connections share
 * one session (and so one set of statement names), it runs unnamed.
 */
export async function queryPrepared<T>(dataSource: DataSource, text: string, values: unknown[]): Promise<T[]> {
  const pool = (dataSource.driver as unknown as { master: pg.Pool }).master;
  const name = (await sharesSession(dataSource, pool)) ? undefined : statementName(text);
  dataSource.logger.logQuery(text);
  try {
    const result = await pool.query<T & pg.QueryResultRow>({ name, text, values });
    return result.rows;
  } catch (error) {
    dataSource.logger.logQueryError(error as Error, text);
    throw error;
  }
}

const shared = new WeakMap<DataSource, Promise<boolean>>();

function sharesSession(dataSource: DataSource, pool: pg.Pool): Promise<boolean> {
  let answer = shared.get(dataSource);
  if (!answer) {
    answer = pool
      .query<{ shared: string | null }>(`SELECT current_setting('${SHARED_SESSION_SETTING}', true) AS shared`)
      .then((result) => result.rows[0]?.shared === 'on');
    shared.set(dataSource, answer);
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
