import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import { badInput, decodeGlobalId, Node, NodeRegistry, type RequestContext } from '@cohesion/common';
import { Public } from '@cohesion/auth';
import { API_POLICY } from '../api.policy.js';

@Resolver(() => Node)
export class NodeResolver {
  constructor(private readonly registry: NodeRegistry) {}

  @Query(() => Node, {
    nullable: true,
    description: 'Any object by its global id; null when it does not exist or you may not see it.',
  })
  @Public(API_POLICY.node)
  async node(@Args('id', { type: () => ID }) id: string, @Context() context: RequestContext): Promise<object | null> {
    const decoded = decodeGlobalId(id);
    if (!decoded) throw badInput('id', 'is not a valid id');
    const fetcher = this.registry.fetcherFor(decoded.type);
    return fetcher ? fetcher(decoded.id, context) : null;
  }
}
