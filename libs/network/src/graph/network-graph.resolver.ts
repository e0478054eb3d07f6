import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { viewerOf, type RequestContext, HEAVY_QUERY_COST } from '@cohesion/common';
import { Access } from '@cohesion/auth';
import {
  Organisation,
  OrganisationByIdLoader,
  organisationFor,
  Practitioner,
  PractitionerByIdLoader,
} from '@cohesion/directory';
import { NetworkArgs } from '../network.args.js';
import { practitionerFor } from '../shared/practitioner-field.js';
import { NetworkGraph, NetworkNode, NetworkNodeKind } from './network-graph.model.js';
import { NetworkGraphService } from './network-graph.service.js';
import { NETWORK_POLICY } from '../network.policy.js';

@Resolver(() => NetworkNode)
export class NetworkGraphResolver {
  constructor(
    private readonly graph: NetworkGraphService,
    private readonly practitioners: PractitionerByIdLoader,
    private readonly organisations: OrganisationByIdLoader,
  ) {}

  @Query(() => NetworkGraph, {
    complexity: HEAVY_QUERY_COST,
    description:
      'Practitioners and organisations around a practitioner or organisation, with the links between them, ' +
      'for drawing.',
  })
  @Access('member', NETWORK_POLICY.seeNetwork)
  network(@Args() args: NetworkArgs, @Context() context: RequestContext): Promise<NetworkGraph> {
    return this.graph.around(viewerOf(context), args.around, args.depth, args.maxNodes);
  }

  @ResolveField(() => Practitioner, { nullable: true, description: 'The practitioner, for a PRACTITIONER node.' })
  practitioner(@Parent() node: NetworkNode, @Context() context: RequestContext): Promise<Practitioner | null> {
    return node.kind === NetworkNodeKind.PRACTITIONER
      ? practitionerFor(this.practitioners, context, node.entityId)
      : Promise.resolve(null);
  }

  @ResolveField(() => Organisation, { nullable: true, description: 'The organisation, for an ORGANISATION node.' })
  organisation(@Parent() node: NetworkNode, @Context() context: RequestContext): Promise<Organisation | null> {
    return node.kind === NetworkNodeKind.ORGANISATION
      ? organisationFor(this.organisations, context, node.entityId)
      : Promise.resolve(null);
  }
}
