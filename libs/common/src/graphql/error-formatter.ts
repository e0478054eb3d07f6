import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { callerErrorOf, callerExtensions } from '../errors/caller-errors.js';
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
      return { ...base, message: domain.message, extensions: callerExtensions(domain) };
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
 * When a GraphQL answer carries an error that passes with time (SERVICE_UNAVAILABLE, a
 * throttle's TOO_MANY_REQUESTS), says when to retry at the HTTP level too (Retry-After,
 * the longest wait among them), as REST does. The status stays 200: the
 * GraphQL-over-HTTP spec asks for 200 on every well-formed request answered as JSON,
 * and clients read the code and `retryAfterSeconds` from the error itself.
 */
export function retryAfterPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const waits = (response.body.singleResult.errors ?? [])
            .map((error) => error.extensions?.retryAfterSeconds)
            .filter((seconds): seconds is number => typeof seconds === 'number');
          if (waits.length > 0) response.http.headers.set('retry-after', String(Math.max(...waits)));
        },
      };
    },
  };
}
