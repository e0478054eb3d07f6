import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../errors/domain-error.js';
import { decodeCursor, encodeCursor, toConnection } from './connection.js';

describe('cursors and connections', () => {
  it('round-trips sort keys through an opaque cursor', () => {
    const cursor = encodeCursor(['walsall youth forum', '6f1c2a9e-0000-4000-8000-000000000001']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, ['text', 'uuid'])).toEqual([
      'walsall youth forum',
      '6f1c2a9e-0000-4000-8000-000000000001',
    ]);
  });

  it('refuses cursors it did not make, naming the argument', () => {
    const uuid = '6f1c2a9e-0000-4000-8000-000000000001';
    const edited = [
      'garbage',
      encodeCursor(['only-one']),
      Buffer.from('{"a":1}').toString('base64url'),
      encodeCursor(['a', 'not-a-uuid']),
      encodeCursor(['a\u0000b', uuid]),
      encodeCursor(['a\ud83d', uuid]),
      encodeCursor([42, uuid]),
    ];
    for (const cursor of edited) {
      try {
        decodeCursor(cursor, ['text', 'uuid']);
        throw new Error('expected a failure');
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).field).toBe('after');
      }
    }
  });

  it('checks dates and numbers in cursors for what they are', () => {
    const uuid = '6f1c2a9e-0000-4000-8000-000000000001';
    expect(decodeCursor(encodeCursor(['2026-12-02 18:55:56.123456+00', uuid]), ['timestamp', 'uuid'])).toHaveLength(2);
    expect(decodeCursor(encodeCursor([0.25, 3, uuid]), ['number', 'integer', 'uuid'])).toEqual([0.25, 3, uuid]);
    for (const [values, parts] of [
      [
        ['not a date', uuid],
        ['timestamp', 'uuid'],
      ],
      [
        ['2026-02-31 10:00:00+00', uuid],
        ['timestamp', 'uuid'],
      ],
      [
        ['2026-12-02 25:00:00+00', uuid],
        ['timestamp', 'uuid'],
      ],
      [
        [0.5, 1.5, uuid],
        ['number', 'integer', 'uuid'],
      ],
      [
        [null, 1, uuid],
        ['number', 'integer', 'uuid'],
      ],
    ] as const) {
      expect(() => decodeCursor(encodeCursor([...values]), parts)).toThrow(DomainError);
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
