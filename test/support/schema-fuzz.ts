import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Hostile values for every argument of a GraphQL schema, read from the schema itself, so
 * a new operation or input field is fuzzed the day it is added. Values are sent as
 * variables; each leaf is sometimes valid, sometimes an edge, sometimes an attack.
 */

/** Global ids of records that exist, by GraphQL type, so some ids reach real rows. */
export type IdPool = Map<string, string[]>;

const EDGE_TEXT = [
  '',
  ' ',
  '   leading and trailing   ',
  'a\u0000b',
  '\u0000',
  'x\ud83d',
  '\udc00',
  '👩🏽‍🍳 café ਪੰਜਾਬੀ اردو',
  '\u202eevil\u202c',
  "'; DROP TABLE organisations; --",
  '% _ \\ %%',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '{"a":1}',
  '[]',
  'null',
  'NaN',
  '-1',
  '1e308',
  '2026-02-30',
  'http://127.0.0.1:1/',
  'http://[::1]:1/feed',
  'file:///etc/passwd',
  'someone@example.org',
  'a@b',
  'GB-CHC-1234567',
  '360G-x',
  'WS1 1AA',
  'ws11aa',
  'E08000030',
  'WyJhIiwibm90LWEtdXVpZCJd',
  Buffer.from(JSON.stringify(['2026-12-02 10:00:00+00', 'not-a-uuid'])).toString('base64url'),
  Buffer.from(JSON.stringify([1e308, 1.5, '00000000-0000-4000-8000-000000000000'])).toString('base64url'),
  'x'.repeat(5001),
];

const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...EDGE_TEXT) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }) },
);

const integer: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, 1, -1, 2, 10, 20, 99, 100, 101, 1000, 2 ** 31 - 1, -(2 ** 31)),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
);

const SCALARS: Record<string, (ids: IdPool) => fc.Arbitrary<unknown>> = {
  String: () => text,
  Int: () => integer,
  Float: () =>
    fc.oneof(
      fc.constantFrom(0, -0, 0.5, -180.5, 90.000001, 52.58, -1.98, 1e308),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    ),
  Boolean: () => fc.boolean(),
  ID: (ids) => {
    const known = [...ids.values()].flat();
    const wrongType = [...ids.entries()].flatMap(([type, list]) =>
      list
        .slice(0, 1)
        .map((id) => Buffer.from(`${type === 'Area' ? 'Organisation' : 'Area'}:${decodeId(id)}`).toString('base64url')),
    );
    return fc.oneof(
      { weight: 4, arbitrary: known.length ? fc.constantFrom(...known) : text },
      { weight: 1, arbitrary: wrongType.length ? fc.constantFrom(...wrongType) : text },
      {
        weight: 1,
        arbitrary: fc.constantFrom('garbage!', 'T3JnYW5pc2F0aW9uOm5vdC1hLXV1aWQ', 'T3JnYW5pc2F0aW9uOg', ''),
      },
      { weight: 1, arbitrary: text },
    );
  },
  Date: () =>
    fc.oneof(fc.constantFrom('2026-12-02', '2027-03-31', '2026-02-30', '0001-01-01', '9999-12-31', 'today', ''), text),
  DateTime: () =>
    fc.oneof(
      fc.constantFrom(
        '2026-12-02T10:00:00Z',
        '2027-01-01T00:00:00.000Z',
        '2026-13-01T00:00:00Z',
        '1970-01-01T00:00:00Z',
        'yesterday',
      ),
      fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
      text,
    ),
  Time: () => fc.oneof(fc.constantFrom('09:30', '00:00', '23:59', '24:00', '25:61', '9:3', ''), text),
  Pence: () => fc.oneof(fc.constantFrom(0, 1, -1, 100_000, 2 ** 53 - 1, 2 ** 53, 0.5), integer),
};

function decodeId(globalId: string): string {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1);
}

/** A value for an input type: sometimes null (even where GraphQL forbids it, to test coercion), often valid-looking. */
export function valueFor(type: GraphQLInputType, ids: IdPool, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    return fc.oneof(
      { weight: 30, arbitrary: valueFor(type.ofType, ids, depth) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
  }
  const value = innerValueFor(type, ids, depth);
  return fc.oneof({ weight: 6, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) });
}

function innerValueFor(type: GraphQLInputType, ids: IdPool, depth: number): fc.Arbitrary<unknown> {
  if (isListType(type)) {
    const item = valueFor(type.ofType, ids, depth + 1);
    return fc.oneof(
      { weight: 8, arbitrary: fc.array(item, { maxLength: 3 }) },
      { weight: 1, arbitrary: item.map((one) => Array.from({ length: 150 }, () => one)) },
    );
  }
  if (isEnumType(type)) {
    return fc.oneof(
      { weight: 10, arbitrary: fc.constantFrom(...type.getValues().map((value) => value.name)) },
      { weight: 1, arbitrary: fc.constant('NOT_A_VALUE') },
    );
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const field of fields) {
      const required = isNonNullType(field.type) && field.defaultValue === undefined;
      // Deep in nested inputs only what is required, so values stay finite.
      if (!required && depth > 2) continue;
      record[field.name] = required
        ? valueFor(field.type, ids, depth + 1)
        : fc.option(valueFor(field.type, ids, depth + 1), { nil: undefined, freq: 2 });
    }
    return fc.record(record).map(dropUndefined);
  }
  const scalar = SCALARS[(type as GraphQLNamedType).name];
  return scalar ? scalar(ids) : text;
}

function dropUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined));
}

/** A selection for a field's type: its plain fields, and one level of objects below with theirs. */
export function selectionFor(type: GraphQLNamedType, depth = 0): string {
  if (isLeafType(type)) return '';
  if (!isObjectType(type) && !isInterfaceType(type)) return '{ __typename }';
  const parts = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (depth < 1) parts.push(`${field.name} ${selectionFor(named, depth + 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

export interface FuzzOperation {
  name: string;
  kind: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  document: string;
}

/** One operation per root field, its arguments as variables. */
export function rootOperations(schema: GraphQLSchema): FuzzOperation[] {
  const operations: FuzzOperation[] = [];
  for (const [kind, root] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      const declarations = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`);
      const args = field.args.map((arg) => `${arg.name}: $${arg.name}`);
      const document =
        `${kind} Fuzz${declarations.length ? `(${declarations.join(', ')})` : ''} ` +
        `{ ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${selectionFor(getNamedType(field.type))} }`;
      operations.push({ name: field.name, kind, field, document });
    }
  }
  return operations;
}

/** Variables for an operation: each argument left out, null, or a (hostile) value. */
export function variablesFor(operation: FuzzOperation, ids: IdPool): fc.Arbitrary<Record<string, unknown>> {
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const arg of operation.field.args) {
    const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
    record[arg.name] = required
      ? valueFor(arg.type, ids)
      : fc.option(valueFor(arg.type, ids), { nil: undefined, freq: 3 });
  }
  return fc.record(record).map(dropUndefined);
}
