import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { fromGlobalId, viewerOf, type RequestContext } from '@cohesion/common';
import { Access } from '@cohesion/auth';
import { Practitioner, PractitionerByIdLoader } from '@cohesion/directory';
import { practitionerOf } from '../shared/practitioner-of.js';
import { practitionerFor } from '../shared/practitioner-field.js';
import { ConnectedPeer, ConnectedPeerConnection } from './connected-peer.model.js';
import { ConnectionsService } from './connections.service.js';
import { MyConnectionsArgs } from './dto/connection.args.js';
import { NETWORK_POLICY } from '../network.policy.js';

@Resolver(() => ConnectedPeer)
export class ConnectionsResolver {
  constructor(
    private readonly connections: ConnectionsService,
    private readonly practitioners: PractitionerByIdLoader,
  ) {}

  @Query(() => ConnectedPeerConnection, { description: 'The people you are connected with, by name.' })
  @Access('member', NETWORK_POLICY.seeConnections)
  myConnections(@Args() args: MyConnectionsArgs, @Context() context: RequestContext): Promise<ConnectedPeerConnection> {
    const viewer = viewerOf(context);
    practitionerOf(viewer);
    return this.connections.list(viewer, args.filter, args);
  }

  @Mutation(() => Boolean, {
    description: 'End your connection with someone; they are not told. False if you were not connected.',
  })
  @Access('member', NETWORK_POLICY.removeConnection)
  removeConnection(
    @Args('practitionerId', { type: () => ID }) practitionerId: string,
    @Context() context: RequestContext,
  ): Promise<boolean> {
    const viewer = viewerOf(context);
    practitionerOf(viewer);
    return this.connections.remove(viewer, fromGlobalId(practitionerId, 'Practitioner', 'practitionerId'));
  }

  @ResolveField(() => Practitioner, { nullable: true })
  practitioner(@Parent() peer: ConnectedPeer, @Context() context: RequestContext): Promise<Practitioner | null> {
    return practitionerFor(this.practitioners, context, peer.practitionerId);
  }
}
