/**
 * Errors that services throw. They carry a code the API maps to `extensions.code`;
 * services never throw HTTP or GraphQL errors themselves.
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'SERVICE_UNAVAILABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The HTTP status each code answers with on REST (and on GraphQL where the whole operation failed). */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
};

export interface FieldProblem {
  /** Path of the offending input, e.g. `input.identifiers[1]`. */
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fields?: FieldProblem[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** The first offending field, for clients that show one message. */
  get field(): string | undefined {
    return this.details.fields?.[0]?.field;
  }
}

/** Bad input: the message starts with the field so it reads well on its own. */
export function badInput(field: string, message: string): DomainError {
  return invalidFields([{ field, message }]);
}

export function invalidFields(fields: FieldProblem[]): DomainError {
  const summary = fields.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
  return new DomainError('BAD_USER_INPUT', summary, { fields });
}

export function notFound(what: string): DomainError {
  return new DomainError('NOT_FOUND', `${what} was not found`);
}

export function forbidden(message = 'You are not allowed to do this'): DomainError {
  return new DomainError('FORBIDDEN', message);
}

/** What a signed-in account that has not verified its email address is told when it reaches for the network. */
export function emailNotVerified(): DomainError {
  return forbidden(
    'Confirm your email address first: follow the link we emailed you, or ask for a new one (resendVerificationEmail)',
  );
}

export function conflict(message: string): DomainError {
  return new DomainError('CONFLICT', message);
}

export function unauthenticated(message = 'Sign in to do this'): DomainError {
  return new DomainError('UNAUTHENTICATED', message);
}

export function tooManyRequests(retryAfterSeconds: number): DomainError {
  return new DomainError('TOO_MANY_REQUESTS', `Too many attempts; try again in ${retryAfterSeconds} seconds`, {
    retryAfterSeconds,
  });
}

/**
 * Something the service depends on (the database) cannot be reached just now: nothing
 * about the caller's request or credentials is wrong, and the same request may succeed
 * after a short wait.
 */
export function serviceUnavailable(retryAfterSeconds = 2): DomainError {
  return new DomainError(
    'SERVICE_UNAVAILABLE',
    `The service is briefly unavailable; try again in ${retryAfterSeconds} seconds`,
    { retryAfterSeconds },
  );
}

/** Optimistic concurrency: somebody saved a newer version since the caller read it. */
export function staleVersion(what: string, current: number): DomainError {
  return conflict(`${what} has changed since you loaded it (now at version ${current}); reload and try again`);
}
