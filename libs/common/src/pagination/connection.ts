import type { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { badInput } from '../errors/domain-error.js';
import { textProblem } from '../validation/text.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `How many items to return (1 to ${MAX_PAGE_SIZE}).`,
  })
  @IsOptional()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = DEFAULT_PAGE_SIZE;

  @Field({ nullable: true, description: 'Return the items after this cursor (from pageInfo.endCursor).' })
  @IsOptional()
  @MaxLength(512)
  after?: string;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field()
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Edge<T> {
  node: T;
  cursor: string;
}

/** A Relay connection. totalCount may be a lazy getter, so the count query runs only when a client asks for it. */
export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  readonly totalCount: number | Promise<number>;
}

/** Declares `<Name>Connection` and `<Name>Edge` GraphQL types for a node type. */
export function Connection<T>(nodeType: Type<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => nodeType)
    node: T;

    @Field()
    cursor: string;
  }

  @ObjectType(`${name}Connection`, { isAbstract: true })
  abstract class ConnectionType implements ConnectionShape<T> {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'How many items match in all, across every page.' })
    totalCount: number | Promise<number>;
  }
  return ConnectionType;
}

export type CursorValue = string | number | boolean | null;

/**
 * What each value of a cursor must be, as the SQL it is compared with expects: text (a
 * lower-cased name), a uuid (the tie-breaking id), a timestamp (as PostgreSQL writes it),
 * a finite number (a score, a distance) or an integer (an ordinal).
 */
export type CursorPart = 'text' | 'uuid' | 'timestamp' | 'number' | 'integer';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)?$/;

/** Whether a timestamp's fields name a real moment (the 31st of February does not). */
function isTimestamp(value: string): boolean {
  const match = TIMESTAMP.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60
  );
}

function fits(value: unknown, part: CursorPart): boolean {
  switch (part) {
    case 'text':
      return typeof value === 'string' && value.length <= 1000 && textProblem(value) === undefined;
    case 'uuid':
      return typeof value === 'string' && UUID.test(value);
    case 'timestamp':
      return typeof value === 'string' && isTimestamp(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isSafeInteger(value);
  }
}

/** Cursors are opaque to clients: base64url of the sort key of the last row seen. */
export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/**
 * The sort key a cursor holds, each value checked against what its list compares it
 * with: every list decodes its cursors here, so a cursor that was edited (a word where
 * an id was, a date that is none) is refused as the caller's input, naming the argument,
 * before any SQL sees it.
 */
export function decodeCursor(cursor: string, parts: readonly CursorPart[], field = 'after'): CursorValue[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  if (
    Array.isArray(values) &&
    values.length === parts.length &&
    values.every((value, index) => fits(value, parts[index]))
  ) {
    return values as CursorValue[];
  }
  throw badInput(field, 'is not a cursor from this list');
}

/**
 * Builds a connection from rows fetched with LIMIT first + 1 (the extra row only
 * tells whether another page exists).
 */
export function toConnection<R, T>(
  rows: R[],
  page: { first: number; after?: string },
  cursorOf: (row: R) => string,
  toNode: (row: R) => T,
  totalCount: number | (() => Promise<number>),
): ConnectionShape<T> {
  const visible = rows.slice(0, page.first);
  const edges = visible.map((row) => ({ node: toNode(row), cursor: cursorOf(row) }));
  const pageInfo = {
    hasNextPage: rows.length > page.first,
    hasPreviousPage: page.after !== undefined,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  };
  if (typeof totalCount === 'number') return { edges, pageInfo, totalCount };
  let counted: Promise<number> | undefined;
  return {
    edges,
    pageInfo,
    // Read by GraphQL only when the query selects totalCount.
    get totalCount() {
      counted ??= totalCount();
      return counted;
    },
  };
}

export function emptyConnection<T>(): ConnectionShape<T> {
  return {
    edges: [],
    pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    totalCount: 0,
  };
}

/**
 * Connections for many parents from one query that numbered each parent's rows
 * (`row_number() OVER (PARTITION BY parent ...)`, keeping first + 1) and counted them
 * (`count(*) OVER (PARTITION BY parent)`): a nested list costs one query per level.
 */
export function connectionsByParent<R, T>(
  parentKeys: readonly string[],
  rows: R[],
  first: number,
  read: {
    parentOf: (row: R) => string;
    totalOf: (row: R) => number;
    cursorOf: (row: R) => string;
    toNode: (row: R) => T;
  },
): ConnectionShape<T>[] {
  const groups = new Map<string, R[]>();
  for (const key of parentKeys) groups.set(key, []);
  for (const row of rows) groups.get(read.parentOf(row))?.push(row);
  return parentKeys.map((key) => {
    const group = groups.get(key) as R[];
    return toConnection(group, { first }, read.cursorOf, read.toNode, group.length ? read.totalOf(group[0]) : 0);
  });
}

/** Page size of a list nested under another object; to page further, use the top-level list with a filter. */
@ArgsType()
export class NestedConnectionArgs {
  @Field(() => Int, { nullable: true, defaultValue: 10, description: `How many items (1 to ${MAX_PAGE_SIZE}).` })
  @IsOptional()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = 10;
}
