import { describe, expect, it } from '@jest/globals';
import { Kind, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { brokenLimit, documentShape } from './query-limits.js';

/** A document whose fragments each spread the next twice: 2^levels paths from a text of a few hundred bytes. */
function doubling(levels: number, leaf = 'areas { totalCount }'): string {
  let text = 'query { ...F0 }';
  for (let level = 0; level < levels; level++)
    text += ` fragment F${level} on Query { ...F${level + 1} ...F${level + 1} }`;
  return `${text} fragment F${levels} on Query { ${leaf} }`;
}

const limits = { maxDepth: 6, maxRootFields: 3, maxAliases: 4, maxFields: 500 };

/** What the document's (only) operation is refused for, if anything. */
function refusalOf(document: DocumentNode): string | undefined {
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  return brokenLimit(documentShape(document), operation, limits);
}

describe('document limits', () => {
  it('walks each fragment once, however often it is spread', () => {
    const shape = documentShape(parse(doubling(30)));
    expect(shape.fragmentWalks).toBe(31);
    const [operation] = [...shape.operations.values()];
    expect(operation.depth).toBe(2);
    expect(operation.fields).toBe(2 ** 31);
    expect(operation.rootFields).toBe(1);
  });

  it('refuses a document that multiplies fragments, by its expanded size', () => {
    expect(refusalOf(parse(doubling(30)))).toBe('The query expands to over a billion fields; the limit is 500');
    expect(refusalOf(parse(doubling(3)))).toBeUndefined();
  });

  it('measures depth through fragments and inline fragments, leaving introspection out', () => {
    const deep = parse(
      `{ area { ...P } } fragment P on Area { parent { ... on Area { parent { parent { parent { parent { name } } } } } } }`,
    );
    expect([...documentShape(deep).operations.values()][0].depth).toBe(7);
    expect(refusalOf(deep)).toBe('The query is nested 7 levels deep; the limit is 6');
    const introspection = parse(`{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }`);
    expect(refusalOf(introspection)).toBeUndefined();
  });

  it('counts top-level fields through fragments once each, and every alias', () => {
    const wide = parse(
      `{ areas { totalCount } ...R ...R me { name } } fragment R on Query { area(id: 1) { name } a: me { name } }`,
    );
    const shape = documentShape(wide);
    expect([...shape.operations.values()][0].rootFields).toBe(4);
    expect(shape.aliases).toBe(1);
    expect(refusalOf(wide)).toBe('The operation asks for 4 top-level fields; the limit is 3');
    const aliased = parse(`{ a: me { n1: name n2: name } b: me { n3: name } }`);
    expect(refusalOf(aliased)).toBe('The query has 5 aliased fields; the limit is 4');
  });

  it('survives a fragment cycle (refused by GraphQL itself)', () => {
    const cycle = parse(`{ ...A } fragment A on Query { me { name } ...B } fragment B on Query { ...A }`);
    expect(documentShape(cycle).fragmentWalks).toBe(2);
  });
});
