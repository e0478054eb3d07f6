import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { callerErrorOf } from '../errors/caller-errors.js';
import { loggableError } from '../errors/postgres-errors.js';

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

/**
 * What was really thrown: GraphQL wraps it as `originalError`, and wraps a thrown value that
 * is no Error of its own realm (a Node socket error seen from a test's sandbox) as `thrownValue`.
 */
function originalOf(error: unknown): unknown {
  let current = error as { originalError?: unknown; thrownValue?: unknown } | undefined;
  for (;;) {
    const inner = current?.originalError ?? current?.thrownValue;
    if (!inner || inner === current) return current;
    current = inner;
  }
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

    const known = callerErrorOf(original);
    if (known) {
      const { error: domain, cause } = known;
      if (cause === 'database constraint' || cause === 'database unavailable') {
        logger.warn({ err: loggableError(original), path: formatted.path }, `${cause} in GraphQL operation`);
      }
      return {
        ...base,
        message: domain.message,
        extensions: {
          code: domain.code,
          ...(domain.details.fields ? { fields: domain.details.fields } : {}),
          ...(domain.details.retryAfterSeconds ? { retryAfterSeconds: domain.details.retryAfterSeconds } : {}),
        },
      };
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

/**
 * When a GraphQL answer carries a SERVICE_UNAVAILABLE error, says when to retry at the
 * HTTP level too (Retry-After), as REST's 503 does. The status stays 200: the
 * GraphQL-over-HTTP spec asks for 200 on every well-formed request answered as JSON,
 * and clients read the code and `retryAfterSeconds` from the error itself.
 */
export function serviceUnavailablePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const unavailable = response.body.singleResult.errors?.find(
            (error) => error.extensions?.code === 'SERVICE_UNAVAILABLE',
          );
          const retryAfter = unavailable?.extensions?.retryAfterSeconds;
          if (typeof retryAfter === 'number') response.http.headers.set('retry-after', String(retryAfter));
        },
      };
    },
  };
}
