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
});
