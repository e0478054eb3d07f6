import type { EntityManager } from 'typeorm';

/**
 * Collects positional parameters while a query is assembled, so filters can be
 * added in any order without counting placeholders by hand. Values are always
 * parameters, never spliced into the SQL text.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  /** Adds a value and returns its placeholder, e.g. `$3`. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  get next(): number {
    return this.values.length + 1;
  }
}

/** Joins the non-empty conditions with AND; TRUE when there are none. */
export function allOf(conditions: (string | false | undefined | null | 0)[]): string {
  const present = conditions.filter((condition): condition is string => Boolean(condition));
  return present.length === 0 ? 'TRUE' : present.map((condition) => `(${condition})`).join(' AND ');
}

/** Anything with TypeORM's query(): a DataSource, an EntityManager or a QueryRunner. */
interface RunsQueries {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * The rows of an UPDATE or DELETE ... RETURNING. TypeORM's query() returns
 * `[rows, affectedCount]` for those two commands (and plain rows for everything else).
 */
export async function returningRows<T>(db: RunsQueries, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const result = await db.query(sql, parameters);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}

/** Anything that runs SQL with typed rows: the DataSource, or a transaction's EntityManager. */
export type Db = Pick<EntityManager, 'query'>;

/** Escapes LIKE's wildcards (and its escape character) so the text matches only itself. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** Whether `column` contains `text` (a value, added to `params`), ignoring case: a name filter. */
export function containsTextSql(column: string, text: string, params: SqlParams): string {
  return `${column} ILIKE ${params.add(`%${escapeLike(text)}%`)}`;
}
