import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  getNamedType,
  isListType,
  isNonNullType,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLOutputType,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '../pagination/connection.js';

/**
 * Refuses operations nested deeper than `maxDepth` fields, before anything runs.
 * Introspection fields do not count: tools ask for deep type references.
 */
export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const depthOf = (selectionSet: SelectionSetNode | undefined, seen: Set<string>): number => {
      if (!selectionSet) return 0;
      let deepest = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith('__')) continue;
          deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, seen));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, seen));
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (!fragment || seen.has(name)) continue;
          deepest = Math.max(deepest, depthOf(fragment.selectionSet, new Set([...seen, name])));
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, new Set());
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`The query is nested ${depth} levels deep; the limit is ${maxDepth}`, {
              nodes: [operation],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
            }),
          );
        }
      },
    };
  };
}

/**
 * How many items a plain (non-connection) list is assumed to hold when costing a query:
 * these are short by nature (a service's venues and terms, an organisation's areas and
 * themes, a term's children), a handful each.
 */
const PLAIN_LIST_SIZE = 5;

/** A refusal of the caller's query: 400, like GraphQL's own validation errors, never a server fault. */
function refusal(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...extensions, http: { status: 400 } } });
}

function isListOutput(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/**
 * A field costs 1 plus its children, multiplied by how many items it returns: `first`
 * (or the default page size) for connections, a fixed estimate for plain lists.
 */
const connectionAwareEstimator: ComplexityEstimator = ({ args, childComplexity, field }) => {
  // A connection's edges are already counted by its page size.
  if (field.name === 'edges') return 1 + childComplexity;
  const isConnection = getNamedType(field.type).name.endsWith('Connection');
  if (isConnection) {
    const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE;
    return 1 + childComplexity * Math.max(first, 1);
  }
  if (isListOutput(field.type)) return 1 + childComplexity * PLAIN_LIST_SIZE;
  return 1 + childComplexity;
};

/**
 * Refuses an operation whose estimated cost exceeds `maxComplexity`, before any resolver
 * runs. The cost of a document with given variables is worked out once: Apollo keeps one
 * parsed document per query text, and clients repeat their queries.
 */
export function complexityLimitPlugin(maxComplexity: number): ApolloServerPlugin {
  const known = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
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
          if (complexity > maxComplexity) {
            throw refusal(
              `The query would cost ${complexity} (the limit is ${maxComplexity}); ask for fewer items or fewer nested lists`,
              { complexity, maxComplexity },
            );
          }
        },
      };
    },
  };
}
