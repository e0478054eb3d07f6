import { Injectable } from '@nestjs/common';
import { Field, ID, InterfaceType } from '@nestjs/graphql';
import { decodeGlobalId } from '../global-id.js';
import type { RequestContext } from './request-context.js';

/**
 * The GraphQL type of a node: its own `__typename` where its model declares one, else the
 * type its global id names (every node's id does), so no node type can fail to resolve.
 */
export function nodeTypeOf(value: { __typename?: string; id?: unknown }): string | undefined {
  return value.__typename ?? (typeof value.id === 'string' ? decodeGlobalId(value.id)?.type : undefined);
}

/** Every entity is a Node: reachable by its opaque global id through `node(id:)`. */
@InterfaceType('Node', {
  description: 'An object with a globally unique, opaque id.',
  resolveType: nodeTypeOf,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global id; pass it back as-is.' })
  id: string;
}

/**
 * Puts a node's plain uuid in the schema as `uuid`, for the types the REST endpoints
 * (Open Referral UK, 360Giving) address by it; GraphQL itself takes the global id.
 */
export function UuidField(endpoints: string): PropertyDecorator {
  return Field(() => String, {
    name: 'uuid',
    description: `The plain id behind \`id\`, for ${endpoints}.`,
  });
}

/** Loads one node of a type for the caller, or null when it does not exist or the caller may not see it. */
export type NodeFetcher = (id: string, context: RequestContext) => Promise<object | null>;

/** Where each domain says how to fetch its node types, so `node(id:)` needs no knowledge of them. */
@Injectable()
export class NodeRegistry {
  private readonly fetchers = new Map<string, NodeFetcher>();

  register(type: string, fetcher: NodeFetcher): void {
    if (this.fetchers.has(type)) throw new Error(`Node type ${type} is registered twice`);
    this.fetchers.set(type, fetcher);
  }

  fetcherFor(type: string): NodeFetcher | undefined {
    return this.fetchers.get(type);
  }

  get types(): string[] {
    return [...this.fetchers.keys()].sort();
  }
}
