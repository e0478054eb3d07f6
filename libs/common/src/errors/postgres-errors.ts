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
  driverError?: { code?: string; constraint?: string };
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
