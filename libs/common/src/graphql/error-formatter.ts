import { HttpException } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { DomainError, type ErrorCode } from '../errors/domain-error.js';
import {
  PG_CHECK_VIOLATION,
  PG_FOREIGN_KEY_VIOLATION,
  PG_NOT_NULL_VIOLATION,
  PG_UNIQUE_VIOLATION,
  loggableError,
  pgErrorCode,
} from '../errors/postgres-errors.js';

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'TOO_MANY_REQUESTS',
};

/** Constraint failures a service did not translate: still the caller's problem, told without SQL. */
const DATABASE_CODES: Record<string, { code: ErrorCode; message: string }> = {
  [PG_UNIQUE_VIOLATION]: { code: 'CONFLICT', message: 'This would duplicate a record that already exists' },
  [PG_FOREIGN_KEY_VIOLATION]: { code: 'BAD_USER_INPUT', message: 'A referenced record does not exist' },
  [PG_CHECK_VIOLATION]: { code: 'BAD_USER_INPUT', message: 'The input breaks a rule of this record' },
  [PG_NOT_NULL_VIOLATION]: { code: 'BAD_USER_INPUT', message: 'A required value is missing' },
};

/** Codes produced by GraphQL itself (parse, validation, variable coercion): safe to pass through. */
const GRAPHQL_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

function originalOf(error: unknown): unknown {
  let current = error as { originalError?: unknown } | undefined;
  while (current?.originalError && current.originalError !== current) {
    current = current.originalError;
  }
  return current;
}

/**
 * Maps whatever a resolver threw onto the API's error contract: a stable
 * `extensions.code`, a message for the user, and nothing internal (no stack trace,
 * SQL or driver message) outside development. Unexpected errors are logged in full.
 */
export function createErrorFormatter(logger: Logger, exposeInternals: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = originalOf(error);
    const base = { locations: formatted.locations, path: formatted.path };

    if (original instanceof DomainError) {
      return {
        ...base,
        message: original.message,
        extensions: {
          code: original.code,
          ...(original.details.fields ? { fields: original.details.fields } : {}),
          ...(original.details.retryAfterSeconds ? { retryAfterSeconds: original.details.retryAfterSeconds } : {}),
        },
      };
    }

    if (original instanceof HttpException) {
      const status = original.getStatus();
      const code = HTTP_STATUS_CODES[status];
      if (code) return { ...base, message: original.message, extensions: { code } };
    }

    const databaseCode = pgErrorCode(original);
    if (databaseCode && DATABASE_CODES[databaseCode]) {
      logger.warn({ err: loggableError(original), path: formatted.path }, 'database constraint reached the API');
      const mapped = DATABASE_CODES[databaseCode];
      return { ...base, message: mapped.message, extensions: { code: mapped.code } };
    }

    const code = formatted.extensions?.code;
    if (
      typeof code === 'string' &&
      GRAPHQL_CODES.has(code) &&
      (original === error || original instanceof GraphQLError)
    ) {
      return { ...base, message: formatted.message, extensions: { code } };
    }

    logger.error({ err: loggableError(original), path: formatted.path }, 'unexpected error in GraphQL operation');
    return {
      ...base,
      message: exposeInternals && original instanceof Error ? original.message : 'Internal server error',
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        ...(exposeInternals && original instanceof Error ? { stacktrace: original.stack?.split('\n') } : {}),
      },
    };
  };
}
