import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { fromGlobalId, viewerOf, type RequestContext } from '@cohesion/common';
import { Access } from '@cohesion/auth';
import { BlockedPractitioner } from './blocked-practitioner.model.js';
import { BlocksService } from './blocks.service.js';
import { NETWORK_POLICY } from '../network.policy.js';

@Resolver()
export class BlocksResolver {
  constructor(private readonly blocks: BlocksService) {}

  @Mutation(() => Boolean, {
    description:
      'Block someone: neither of you sees the other in search, suggestions, paths or the network, your connection ' +
      'ends and open requests between you close. They are not told.',
  })
  @Access('member', NETWORK_POLICY.block)
  blockPractitioner(
    @Args('practitionerId', { type: () => ID }) practitionerId: string,
    @Context() context: RequestContext,
  ): Promise<boolean> {
    return this.blocks.block(viewerOf(context), fromGlobalId(practitionerId, 'Practitioner', 'practitionerId'));
  }

  @Mutation(() => Boolean, { description: 'Lift a block you placed. False if there was none.' })
  @Access('member', NETWORK_POLICY.unblock)
  unblockPractitioner(
    @Args('practitionerId', { type: () => ID }) practitionerId: string,
    @Context() context: RequestContext,
  ): Promise<boolean> {
    return this.blocks.unblock(viewerOf(context), fromGlobalId(practitionerId, 'Practitioner', 'practitionerId'));
  }

  @Query(() => [BlockedPractitioner], { description: 'The people you blocked, most recent first.' })
  @Access('member', NETWORK_POLICY.seeBlocks)
  myBlockedPractitioners(@Context() context: RequestContext): Promise<BlockedPractitioner[]> {
    return this.blocks.blockedBy(viewerOf(context));
  }
}
