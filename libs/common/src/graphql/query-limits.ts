import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  getNamedType,
  isListType,
  isNonNullType,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type GraphQLOutputType,
  type SelectionSetNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { HTTP_STATUS } from '../errors/domain-error.js';
import { DEFAULT_PAGE_SIZE } from '../pagination/connection.js';

/** What a document asks for, worked out in one pass over its text: every fragment is walked once. */
export interface DocumentShape {
  /** Per operation: its deepest nesting of fields and how many fields it asks at the top. */
  operations: Map<OperationDefinitionNode, { depth: number; rootFields: number; fields: number }>;
  /** Aliased fields written in the document. */
  aliases: number;
  /** How many fragment bodies were walked: the number of fragments used, never more. */
  fragmentWalks: number;
}

interface Extent {
  /** Deepest nesting of fields below and including this selection set. */
  depth: number;
  /** Fields it stands for once every fragment is expanded where it is spread (may be astronomically large). */
  fields: number;
}

/**
 * The shape of a document: depth, expanded size, root fields and aliases, linear in the
 * document's size. A fragment's extent is computed once and reused wherever it is
 * spread, so `...F0` whose F0 spreads F1 twice, F1 spreads F2 twice and so on costs one
 * walk per fragment, not one per path (the walk per path took 5 s at 22 levels, with
 * every other request waiting). Introspection fields do not count: tools ask for deep
 * type references. A fragment cycle (refused by GraphQL's own rules) counts as empty.
 */
export function documentShape(document: DocumentNode): DocumentShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const extents = new Map<string, Extent | 'walking'>();
  let fragmentWalks = 0;
  let aliases = 0;

  const fragmentExtent = (name: string): Extent => {
    const known = extents.get(name);
    if (known === 'walking') return { depth: 0, fields: 0 };
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment) return { depth: 0, fields: 0 };
    extents.set(name, 'walking');
    fragmentWalks++;
    const extent = selectionExtent(fragment.selectionSet);
    extents.set(name, extent);
    return extent;
  };

  const selectionExtent = (selectionSet: SelectionSetNode | undefined): Extent => {
    const extent = { depth: 0, fields: 0 };
    for (const selection of selectionSet?.selections ?? []) {
      let inner: Extent;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        const below = selectionExtent(selection.selectionSet);
        inner = { depth: 1 + below.depth, fields: 1 + below.fields };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = selectionExtent(selection.selectionSet);
      } else {
        inner = fragmentExtent(selection.name.value);
      }
      extent.depth = Math.max(extent.depth, inner.depth);
      extent.fields += inner.fields;
    }
    return extent;
  };

  /** The distinct field nodes an operation asks at its top level, through fragments (each counted once). */
  const rootFieldsOf = (selectionSet: SelectionSetNode): number => {
    const seen = new Set<string>();
    const nodes = new Set<object>();
    const walk = (set: SelectionSetNode) => {
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          if (!selection.name.value.startsWith('__')) nodes.add(selection);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          walk(selection.selectionSet);
        } else if (!seen.has(selection.name.value)) {
          seen.add(selection.name.value);
          const fragment = fragments.get(selection.name.value);
          if (fragment) walk(fragment.selectionSet);
        }
      }
    };
    walk(selectionSet);
    return nodes.size;
  };

  const operations: DocumentShape['operations'] = new Map();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      const extent = selectionExtent(definition.selectionSet);
      operations.set(definition, { ...extent, rootFields: rootFieldsOf(definition.selectionSet) });
    }
  }
  visit(document, {
    Field(field) {
      if (field.alias) aliases++;
    },
  });
  return { operations, aliases, fragmentWalks };
}

/**
 * Fields a document may stand for once its fragments are expanded. The largest real
 * queries (the standard introspection query, the benchmark's nested list) expand to a
 * few hundred; a document built to multiply fragments expands to millions.
 */
export const MAX_EXPANDED_FIELDS = 5000;

/**
 * What one call of a root query costs that does real work whatever it returns (a ranked
 * search with facets, a walk of the network, a report across funds), in the units of the
 * cost limit (an item read). Declared on those queries as `complexity`, so that asking the
 * same search under a hundred aliases costs a hundred searches, not a hundred counts.
 */
export const HEAVY_QUERY_COST = 500;

export interface DocumentLimits {
  /** Deepest nesting of fields. */
  maxDepth: number;
  /** Fields at the top of one operation (each root field is a separate piece of work). */
  maxRootFields: number;
  /** Aliased fields in one document (aliases repeat a field's work under other names). */
  maxAliases: number;
  /** Fields once every fragment is expanded: bounds the work of everything that walks the query after this. */
  maxFields: number;
}

/** The first limit an operation breaks, as the message to refuse it with; undefined when it keeps them all. */
export function brokenLimit(
  shape: DocumentShape,
  operation: OperationDefinitionNode | undefined,
  limits: DocumentLimits,
): string | undefined {
  if (shape.aliases > limits.maxAliases) {
    return `The query has ${shape.aliases} aliased fields; the limit is ${limits.maxAliases}`;
  }
  const measured = operation ? shape.operations.get(operation) : undefined;
  if (!measured) return undefined;
  if (measured.depth > limits.maxDepth) {
    return `The query is nested ${measured.depth} levels deep; the limit is ${limits.maxDepth}`;
  }
  if (measured.fields > limits.maxFields) {
    const count = measured.fields > 1e9 ? 'over a billion' : String(measured.fields);
    return `The query expands to ${count} fields; the limit is ${limits.maxFields}`;
  }
  if (measured.rootFields > limits.maxRootFields) {
    return `The operation asks for ${measured.rootFields} top-level fields; the limit is ${limits.maxRootFields}`;
  }
  return undefined;
}

/**
 * How many items a plain (non-connection) list is assumed to hold when costing a query:
 * these are short by nature (a service's venues and terms, an organisation's areas and
 * themes, a term's children), a handful each.
 */
const PLAIN_LIST_SIZE = 5;

/** A refusal of the caller's query: 400, like GraphQL's own validation errors, never a server fault. */
function refusal(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', ...extensions, http: { status: HTTP_STATUS.BAD_USER_INPUT } },
  });
}

function isListOutput(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/**
 * A field costs 1 plus its children, multiplied by how many items it returns: `first`
 * (or the default page size) for connections, a fixed estimate for plain lists.
 */
const connectionAwareEstimator: ComplexityEstimator = ({ args, childComplexity, field }) => {
  // A field's own work: 1, or what it declares (`complexity` on its decorator) when one
  // call costs far more than reading a value (a search, a walk of the network).
  const declared = field.extensions?.complexity;
  const own = typeof declared === 'number' ? declared : 1;
  // A connection's edges are already counted by its page size.
  if (field.name === 'edges') return own + childComplexity;
  const isConnection = getNamedType(field.type).name.endsWith('Connection');
  if (isConnection) {
    const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE;
    return own + childComplexity * Math.max(first, 1);
  }
  if (isListOutput(field.type)) return own + childComplexity * PLAIN_LIST_SIZE;
  return own + childComplexity;
};

/**
 * Refuses, before any resolver runs, an operation that breaks the document limits
 * (depth, expanded size, top-level fields, aliases: worked out in one linear pass, once
 * per parsed document) or whose estimated cost exceeds `maxComplexity`. The cost of a
 * document with given variables is worked out once: Apollo keeps one parsed document per
 * query text, and clients repeat their queries. Refusals are the caller's input: 400,
 * BAD_USER_INPUT.
 */
export function queryLimitsPlugin(limits: DocumentLimits & { maxComplexity: number }): ApolloServerPlugin {
  const shapes = new WeakMap<DocumentNode, DocumentShape>();
  const known = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation }) {
          // GraphQL's validation lets through an operation of a kind the schema has no root for.
          if (operation && !schema.getRootType(operation.operation)) {
            throw refusal(`This API has no ${operation.operation} operations`);
          }
          let shape = shapes.get(document);
          if (!shape) {
            shape = documentShape(document);
            shapes.set(document, shape);
          }
          const broken = brokenLimit(shape, operation, limits);
          if (broken) throw refusal(broken);

          const key = `${request.operationName ?? ''}\u0000${JSON.stringify(request.variables ?? {})}`;
          const costs = known.get(document) ?? new Map<string, number>();
          let complexity = costs.get(key);
          try {
            complexity ??= getComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [connectionAwareEstimator],
            });
          } catch (error) {
            // Costing reads the variables first, so a variable that does not fit its type (an unknown enum
            // value) fails here, before GraphQL's own check: it is the caller's input, not a server fault.
            // (The error comes from graphql-query-complexity's copy of graphql, so instanceof cannot tell.)
            throw refusal((error as Error).message);
          }
          // A bounded memory: a document keeps the costs of its first 100 sets of variables.
          if (costs.size < 100) costs.set(key, complexity);
          known.set(document, costs);
          if (complexity > limits.maxComplexity) {
            throw refusal(
              `The query would cost ${complexity} (the limit is ${limits.maxComplexity}); ask for fewer items or fewer nested lists`,
              { complexity, maxComplexity: limits.maxComplexity },
            );
          }
        },
      };
    },
  };
}
