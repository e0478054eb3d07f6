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
  if (!(error instanceof Error)) return { message: String(error) };
  const shape = error as Error & PgErrorShape;
  return {
    type: error.name,
    message: error.message,
    stack: error.stack,
    ...(pgErrorCode(error)
      ? { code: pgErrorCode(error), constraint: pgConstraint(error), table: shape.table ?? shape.driverError?.table }
      : {}),
  };
}
