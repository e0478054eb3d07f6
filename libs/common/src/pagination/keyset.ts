import {
  decodeCursor,
  encodeCursor,
  toConnection,
  type ConnectionShape,
  type CursorPart,
  type CursorValue,
} from './connection.js';

/**
 * Keyset paging over a fixed sort: `(k1, k2, ..., id) > (cursor values)`. Stable under
 * inserts and deletes, and served by an index on the same expressions.
 */
export interface KeysetSort<R> {
  /** SQL expressions in sort order; the last must be unique (the primary key). */
  expressions: string[];
  /** What each expression's value is, so a cursor is checked before it reaches SQL. */
  parts: CursorPart[];
  /** The same values read from a fetched row, for its cursor. */
  valuesOf(row: R): CursorValue[];
  /** Every expression descending (newest first), instead of ascending. */
  descending?: boolean;
}

/**
 * Ascending by a name, case-insensitively, then by id (both SQL expressions); `valuesOf`
 * reads the same two from a row (the lower-cased name the query selected, and the id).
 */
export function byNameSort<R>(name: string, id: string, valuesOf: (row: R) => [string, string]): KeysetSort<R> {
  return { expressions: [`lower(${name})`, id], parts: ['text', 'uuid'], valuesOf };
}

export interface KeysetClause {
  where: string;
  params: CursorValue[];
  orderBy: string;
}

/**
 * SQL for the page after `after`. Parameter placeholders start at `$firstParam`.
 */
export function keysetClause<R>(sort: KeysetSort<R>, after: string | undefined, firstParam: number): KeysetClause {
  const orderBy = sort.descending
    ? sort.expressions.map((expression) => `${expression} DESC`).join(', ')
    : sort.expressions.join(', ');
  if (after === undefined) return { where: 'TRUE', params: [], orderBy };
  const values = decodeCursor(after, sort.parts);
  const placeholders = values.map((_, index) => `$${firstParam + index}`);
  return {
    where: `(${sort.expressions.join(', ')}) ${sort.descending ? '<' : '>'} (${placeholders.join(', ')})`,
    params: values,
    orderBy,
  };
}

/**
 * The LIMIT of a page of `first` items: one more, to learn whether there is a next page.
 * Written into SQL text, so only ever a validated integer (a null or NaN page size is a
 * bug upstream, refused here rather than sent as "LIMIT NaN").
 */
export function pageLimit(first: number): number {
  if (!Number.isSafeInteger(first) || first < 1)
    throw new Error(`A page size must be a positive integer, not ${first}`);
  return first + 1;
}

export function keysetCursor<R>(sort: KeysetSort<R>, row: R): string {
  return encodeCursor(sort.valuesOf(row));
}

/** Anything that runs SQL: a DataSource, an EntityManager or a QueryRunner. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface KeysetPageQuery<R, T> {
  /** Columns to select; must include what `sort.valuesOf` and `toNode` read. */
  select: string;
  /** FROM clause body: the table and any joins. */
  from: string;
  /** Filter conditions, with placeholders from `params`. */
  where: string;
  params: { values: unknown[] };
  sort: KeysetSort<R>;
  page: { first: number; after?: string };
  toNode: (row: R) => T;
}

/**
 * One page of a keyset-paged list as a Relay connection: one query for the page (one
 * row more than asked, to learn whether there is a next page) and, only if the client
 * asks for totalCount, one count with the same filters.
 */
export async function keysetPage<R, T>(db: Queryable, query: KeysetPageQuery<R, T>): Promise<ConnectionShape<T>> {
  const filterParams = [...query.params.values];
  const keyset = keysetClause(query.sort, query.page.after, filterParams.length + 1);
  const rows = (await db.query(
    `SELECT ${query.select}
       FROM ${query.from}
      WHERE (${query.where}) AND ${keyset.where}
      ORDER BY ${keyset.orderBy}
      LIMIT ${pageLimit(query.page.first)}`,
    [...filterParams, ...keyset.params],
  )) as R[];
  return toConnection(
    rows,
    query.page,
    (row) => keysetCursor(query.sort, row),
    query.toNode,
    async () => {
      const result = (await db.query(
        `SELECT count(*)::int AS count FROM ${query.from} WHERE ${query.where}`,
        filterParams,
      )) as { count: number }[];
      return result[0].count;
    },
  );
}
