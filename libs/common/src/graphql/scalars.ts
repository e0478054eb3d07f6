import { Kind, GraphQLError, GraphQLScalarType, type ValueNode } from 'graphql';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isLocalDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function parseDate(value: unknown): string {
  if (!isLocalDate(value)) throw new GraphQLError('A Date must be a calendar date written YYYY-MM-DD');
  return value;
}

/** A calendar date without time or zone, e.g. 2026-04-01; sent and received as YYYY-MM-DD. */
export const LocalDateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return parseDate(value);
  },
  parseValue: parseDate,
  parseLiteral: (ast: ValueNode) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('A Date must be a string written YYYY-MM-DD');
    return parseDate(ast.value);
  },
});

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function parseTime(value: unknown): string {
  if (typeof value !== 'string' || !TIME.test(value)) throw new GraphQLError('A Time must be HH:MM in 24-hour form');
  return value;
}

/** A local time of day, HH:MM (24-hour). */
export const LocalTimeScalar = new GraphQLScalarType({
  name: 'Time',
  description: 'A time of day, HH:MM, 24-hour clock, UK local time.',
  serialize: (value) => (typeof value === 'string' ? value.slice(0, 5) : parseTime(value)),
  parseValue: parseTime,
  parseLiteral: (ast: ValueNode) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('A Time must be a string HH:MM');
    return parseTime(ast.value);
  },
});

function parsePence(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new GraphQLError('An amount must be a whole, non-negative number of pence (GBP 12.50 is 1250)');
  }
  return value;
}

/**
 * Money, as a whole number of pence (GBP 12.50 is 1250): never a fraction, never a
 * float. Wider than Int, so a council's yearly totals fit.
 */
export const PenceScalar = new GraphQLScalarType({
  name: 'Pence',
  description: 'An amount of money in whole pence (GBP 12.50 is 1250); up to 2^53 - 1.',
  serialize: (value) => parsePence(typeof value === 'string' ? Number(value) : value),
  parseValue: parsePence,
  parseLiteral: (ast: ValueNode) => {
    if (ast.kind !== Kind.INT) throw new GraphQLError('An amount must be a whole number of pence');
    return parsePence(Number(ast.value));
  },
});
