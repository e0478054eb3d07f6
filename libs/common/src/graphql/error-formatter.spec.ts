import { describe, expect, it, jest } from '@jest/globals';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { badInput, notFound } from '../errors/domain-error.js';
import { createErrorFormatter } from './error-formatter.js';

function wrapped(original: Error): GraphQLError {
  return new GraphQLError(original.message, { originalError: original, path: ['organisation'] });
}

describe('error formatter', () => {
  const logger = { error: jest.fn(), warn: jest.fn() } as unknown as Logger;
  const format = createErrorFormatter(logger, false);

  it('passes domain errors through with their code and fields', () => {
    const error = wrapped(badInput('input.email', 'must be an email address'));
    expect(format({ message: error.message, path: ['organisation'] }, error)).toEqual({
      message: 'input.email: must be an email address',
      path: ['organisation'],
      locations: undefined,
      extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'input.email', message: 'must be an email address' }] },
    });
    expect(format({ message: 'x' }, wrapped(notFound('That service'))).extensions).toEqual({ code: 'NOT_FOUND' });
  });

  it('hides unexpected errors, SQL and stack traces, and logs them', () => {
    const leak = new Error('relation "practitioners" does not exist: SELECT contact_mobile FROM practitioners');
    const result = format({ message: leak.message }, wrapped(leak));
    expect(result).toEqual({
      message: 'Internal server error',
      path: undefined,
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(logger.error).toHaveBeenCalled();
  });

  it('turns constraint failures a service missed into the caller’s error, without the SQL', () => {
    const unique = Object.assign(
      new Error('duplicate key value violates unique constraint "uq_x" DETAIL: Key (email)=(a@b.c)'),
      {
        code: '23505',
      },
    );
    Object.assign(unique, {
      message: 'duplicate key value violates unique constraint "uq_x"',
      detail: 'Key (email)=(a@b.c)',
    });
    const result = format({ message: unique.message }, wrapped(unique));
    expect(result.extensions).toEqual({ code: 'CONFLICT' });
    expect(result.message).not.toContain('a@b.c');
    // The log line keeps the code and constraint but not the row values in `detail`.
    const logged = JSON.stringify((logger.warn as jest.Mock).mock.calls.at(-1));
    expect(logged).toContain('uq_x');
    expect(logged).not.toContain('a@b.c');
  });

  it('shows the real message in development only', () => {
    const dev = createErrorFormatter(logger, true);
    const result = dev({ message: 'boom' }, wrapped(new Error('boom')));
    expect(result.message).toBe('boom');
    expect(result.extensions?.stacktrace).toBeDefined();
  });

  it('tells callers an unreachable database as SERVICE_UNAVAILABLE with a retry hint, in every form it takes', () => {
    const lost = [
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
      Object.assign(new Error('sorry, too many clients already'), { code: '53300' }),
      Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:5432'), { code: 'ECONNREFUSED' }),
      new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })], ''),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      Object.assign(new Error('x'), { name: 'QueryRunnerAlreadyReleasedError' }),
      // A socket error that is no Error of this realm, as GraphQL wraps it.
      { thrownValue: { code: 'ECONNRESET', errno: -104, syscall: 'read' } } as unknown as Error,
    ];
    for (const error of lost) {
      const result = format({ message: 'x' }, wrapped(error));
      expect(result.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 2 });
      expect(result.message).not.toMatch(/10\.1\.2\.3|ECONN|administrator/);
    }
    // A statement that fails is a fault of ours, not an outage.
    const syntax = Object.assign(new Error('syntax error at or near "FORM"'), { code: '42601' });
    expect(format({ message: 'x' }, wrapped(syntax)).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });
});
