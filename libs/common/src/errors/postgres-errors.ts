/** PostgreSQL SQLSTATE codes the services react to. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
export const PG_CHECK_VIOLATION = '23514';
export const PG_NOT_NULL_VIOLATION = '23502';
export const PG_SERIALIZATION_FAILURE = '40001';
export const PG_DEADLOCK = '40P01';

interface PgErrorShape {
  code?: string;
  constraint?: string;
  table?: string;
  driverError?: { code?: string; constraint?: string; table?: string };
}

/**
 * SQLSTATEs that mean the database, not the statement, failed: connection exceptions
 * (class 08), the server shutting down, crashing or starting up (57P0x), too many
 * connections, out of resources (class 53).
 */
const UNAVAILABLE_SQLSTATE = /^(08|53|57P0[1-5])/;

/** Socket errors on the way to the database. */
const UNAVAILABLE_SOCKET = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** What `pg` and its pool say when a connection is gone or cannot be had. */
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|timeout exceeded when trying to connect|Connection terminated due to connection timeout)/;

/**
 * TypeORM gives a connection back to the pool as soon as it fails, so the statements a
 * transaction still had to send fail with these: the connection, not the statement, was lost.
 */
const RELEASED_RUNNER = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

/** Whether an error means the database cannot be reached now (retryable), rather than that a statement failed. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const shape = error as (PgErrorShape & { message?: unknown; driverError?: { message?: unknown } }) | undefined;
  if (!shape || typeof shape !== 'object') return false;
  // Node reports a refused connection to every address of a host as one AggregateError.
  // (Shapes, not instanceof: errors from Node's own modules may come from another realm.)
  const { errors, name } = error as { errors?: unknown; name?: unknown };
  if (Array.isArray(errors) && errors.some(isDatabaseUnavailable)) return true;
  if (typeof name === 'string' && RELEASED_RUNNER.has(name)) return true;
  const code = pgErrorCode(error);
  if (code && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_SOCKET.has(code))) return true;
  const messages = [shape.message, shape.driverError?.message].filter((text) => typeof text === 'string');
  return messages.some((text) => UNAVAILABLE_MESSAGE.test(text));
}

export function pgErrorCode(error: unknown): string | undefined {
  const shape = error as PgErrorShape | undefined;
  return shape?.code ?? shape?.driverError?.code;
}

export function pgConstraint(error: unknown): string | undefined {
  const shape = error as PgErrorShape | undefined;
  return shape?.constraint ?? shape?.driverError?.constraint;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  return pgErrorCode(error) === PG_UNIQUE_VIOLATION && (constraint === undefined || pgConstraint(error) === constraint);
}

/**
 * What may be logged of an error: PostgreSQL's `detail` and `where` can quote row
 * values (an email in a unique violation), so they are left out.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (typeof error !== 'object' || error === null) return { message: String(error) };
  const shape = error as Partial<Error> & PgErrorShape;
  return {
    type: shape.name ?? error.constructor?.name,
    message: shape.message,
    stack: shape.stack,
    ...(pgErrorCode(error)
      ? { code: pgErrorCode(error), constraint: pgConstraint(error), table: shape.table ?? shape.driverError?.table }
      : {}),
  };
}
