import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { EmbeddedPostgres, NAME_SIMILARITY } from '@cohesion/database';

/**
 * The embedded database serves many connections on one PGlite session. Each query's
 * messages (Parse, Bind, Execute, Sync) must run together, and a transaction must have
 * the session to itself, or concurrent requests read each other's statements.
 */
describe('embedded database under concurrent connections', () => {
  let embedded: EmbeddedPostgres;
  let pool: pg.Pool;

  beforeAll(async () => {
    embedded = await EmbeddedPostgres.start();
    pool = new pg.Pool({ connectionString: embedded.url, max: 8 });
    await pool.query('CREATE TABLE counters (id int PRIMARY KEY, n int NOT NULL)');
    await pool.query('INSERT INTO counters VALUES (1, 0)');
  });
  afterAll(async () => {
    await pool.end();
    await embedded.stop();
  });

  it('answers each parameterised query with its own result', async () => {
    // Different statement texts, so a query bound to another's statement would show.
    const values = Array.from({ length: 400 }, (_, index) => index);
    const results = await Promise.all(
      values.map((value) => pool.query<{ n: number; tag: string }>(`SELECT $1::int AS n, '${value}' AS tag`, [value])),
    );
    expect(results.map((result) => result.rows[0])).toEqual(values.map((value) => ({ n: value, tag: String(value) })));
  });

  it('keeps other connections out of an open transaction', async () => {
    const increments = Array.from({ length: 40 }, async () => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query<{ n: number }>('SELECT n FROM counters WHERE id = $1 FOR UPDATE', [1]);
        await client.query('UPDATE counters SET n = $2 WHERE id = $1', [1, rows[0].n + 1]);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    });
    const readers = Array.from({ length: 100 }, (_, index) =>
      pool.query<{ n: number; tag: string }>(`SELECT n, '${index}' AS tag FROM counters WHERE id = $1`, [1]),
    );
    const [, read] = await Promise.all([Promise.all(increments), Promise.all(readers)]);
    expect(read.map((result) => result.rows[0]?.tag)).toEqual(read.map((_, index) => String(index)));
    const { rows } = await pool.query<{ n: number }>('SELECT n FROM counters WHERE id = 1');
    expect(rows[0].n).toBe(40);
  });

  it('gives the session back when a connection leaves mid-transaction', async () => {
    const client = new pg.Client({ connectionString: embedded.url });
    await client.connect();
    await client.query('BEGIN');
    await client.query('UPDATE counters SET n = n + 1000 WHERE id = 1');
    await client.end();
    const { rows } = await pool.query<{ n: number }>('SELECT n FROM counters WHERE id = $1', [1]);
    expect(rows[0].n).toBe(40);
  });

  it('keeps the settings every connection relies on when another connection resets the shared session', async () => {
    const settings = `SELECT current_setting('pg_trgm.word_similarity_threshold') AS threshold,
                             current_setting('plan_cache_mode') AS plan_cache`;
    const before = (await pool.query(settings)).rows[0];
    expect(before).toEqual({ threshold: String(NAME_SIMILARITY), plan_cache: 'force_generic_plan' });
    // What an operator might type into psql on the embedded port.
    const operator = new pg.Client({ connectionString: embedded.url });
    await operator.connect();
    try {
      for (const statement of [
        'RESET ALL',
        'DISCARD ALL',
        'SET pg_trgm.word_similarity_threshold = 0.1; SELECT 1',
        "SELECT 1; set plan_cache_mode = 'auto'",
      ]) {
        await operator.query(statement);
        expect((await pool.query(settings)).rows[0]).toEqual(before);
      }
      // A parameterised statement goes by Parse, not Query.
      await operator.query("SELECT set_config('plan_cache_mode', $1, false)", ['auto']);
      expect((await pool.query(settings)).rows[0]).toEqual(before);
      await operator.query({ text: 'RESET plan_cache_mode', values: [] });
      expect((await pool.query(settings)).rows[0]).toEqual(before);
    } finally {
      await operator.end();
    }
  });
});
