import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { viewerOf, type RequestContext, HEAVY_QUERY_COST } from '@cohesion/common';
import { Access } from '@cohesion/auth';
import { Practitioner, PractitionerByIdLoader } from '@cohesion/directory';
import { SuggestedPeersArgs } from '../network.args.js';
import { practitionerFor } from '../shared/practitioner-field.js';
import { SuggestedPeer } from './suggested-peer.model.js';
import { SuggestionsService } from './suggestions.service.js';
import { NETWORK_POLICY } from '../network.policy.js';

@Resolver(() => SuggestedPeer)
export class SuggestionsResolver {
  constructor(
    private readonly suggestions: SuggestionsService,
    private readonly practitioners: PractitionerByIdLoader,
  ) {}

  @Query(() => [SuggestedPeer], {
    complexity: HEAVY_QUERY_COST,
    description:
      'People you are not connected with whom you might want to know: shared themes, shared places and ' +
      'mutual connections, best first, each with its reasons.',
  })
  @Access('member', NETWORK_POLICY.suggestPeers)
  suggestedPeers(@Args() args: SuggestedPeersArgs, @Context() context: RequestContext): Promise<SuggestedPeer[]> {
    return this.suggestions.suggest(viewerOf(context), args.first);
  }

  @ResolveField(() => Practitioner, { nullable: true })
  practitioner(@Parent() peer: SuggestedPeer, @Context() context: RequestContext): Promise<Practitioner | null> {
    return practitionerFor(this.practitioners, context, peer.practitionerId);
  }
}
