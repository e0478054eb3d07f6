import { HttpException } from '@nestjs/common';
import { DomainError, HTTP_STATUS, serviceUnavailable, type ErrorCode, type FieldProblem } from './domain-error.js';
import {
  PG_CHECK_VIOLATION,
  PG_FOREIGN_KEY_VIOLATION,
  PG_NOT_NULL_VIOLATION,
  PG_UNIQUE_VIOLATION,
  isDatabaseUnavailable,
  pgErrorCode,
} from './postgres-errors.js';

/** Constraint failures a service did not translate: still the caller's problem, told without SQL. */
const DATABASE_CODES: Record<string, { code: ErrorCode; message: string }> = {
  [PG_UNIQUE_VIOLATION]: { code: 'CONFLICT', message: 'This would duplicate a record that already exists' },
  [PG_FOREIGN_KEY_VIOLATION]: { code: 'BAD_USER_INPUT', message: 'A referenced record does not exist' },
  [PG_CHECK_VIOLATION]: { code: 'BAD_USER_INPUT', message: 'The input breaks a rule of this record' },
  [PG_NOT_NULL_VIOLATION]: { code: 'BAD_USER_INPUT', message: 'A required value is missing' },
};

const CODE_OF_STATUS = new Map(
  (Object.entries(HTTP_STATUS) as [ErrorCode, number][]).map(([code, status]) => [status, code]),
);

export interface CallerError {
  error: DomainError;
  /** Why it reached the API as something other than a domain error, for the log; absent for domain errors. */
  cause?: 'database constraint' | 'database unavailable' | 'http exception';
}

/**
 * What the caller of any transport (GraphQL, REST, pages) may be told of an error: the
 * domain error it is or stands for, or undefined for a fault of ours (to be logged and
 * answered as an internal error, without detail). One mapping, so an outage reads as
 * SERVICE_UNAVAILABLE everywhere and never as a refused token or a server bug.
 */
export function callerErrorOf(error: unknown): CallerError | undefined {
  if (error instanceof DomainError) return { error };
  if (isDatabaseUnavailable(error)) return { error: serviceUnavailable(), cause: 'database unavailable' };
  const databaseCode = pgErrorCode(error);
  const mapped = databaseCode ? DATABASE_CODES[databaseCode] : undefined;
  if (mapped) return { error: new DomainError(mapped.code, mapped.message), cause: 'database constraint' };
  if (error instanceof HttpException) {
    const code = CODE_OF_STATUS.get(error.getStatus());
    if (code === 'SERVICE_UNAVAILABLE') return { error: serviceUnavailable(), cause: 'http exception' };
    if (code) return { error: new DomainError(code, error.message), cause: 'http exception' };
  }
  return undefined;
}

/**
 * The `extensions` every transport gives a domain error (GraphQL errors, REST bodies):
 * the code, the offending fields, and for refusals that pass (a throttle, an outage)
 * `retryAfterSeconds`, which transports also send as a `Retry-After` header.
 */
export function callerExtensions(error: DomainError): {
  code: ErrorCode;
  fields?: FieldProblem[];
  retryAfterSeconds?: number;
} {
  return {
    code: error.code,
    ...(error.details.fields ? { fields: error.details.fields } : {}),
    ...(error.details.retryAfterSeconds ? { retryAfterSeconds: error.details.retryAfterSeconds } : {}),
  };
}
