import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../errors/domain-error.js';
import { decodeCursor, encodeCursor, toConnection } from './connection.js';

describe('cursors and connections', () => {
  it('round-trips sort keys through an opaque cursor', () => {
    const cursor = encodeCursor(['walsall youth forum', '6f1c2a9e-0000-4000-8000-000000000001']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 2)).toEqual(['walsall youth forum', '6f1c2a9e-0000-4000-8000-000000000001']);
  });

  it('refuses cursors it did not make, naming the argument', () => {
    for (const cursor of ['garbage', encodeCursor(['only-one']), Buffer.from('{"a":1}').toString('base64url')]) {
      try {
        decodeCursor(cursor, 2);
        throw new Error('expected a failure');
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).field).toBe('after');
      }
    }
  });

  it('uses the extra row only to tell there is a next page', () => {
    const rows = [1, 2, 3, 4];
    const connection = toConnection(
      rows,
      { first: 3 },
      (row) => `c${row}`,
      (row) => ({ n: row }),
      10,
    );
    expect(connection.edges.map((edge) => edge.node.n)).toEqual([1, 2, 3]);
    expect(connection.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: 'c1',
      endCursor: 'c3',
    });
    const last = toConnection(
      [7],
      { first: 3, after: 'c6' },
      (row) => `c${row}`,
      (row) => row,
      7,
    );
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });
});
