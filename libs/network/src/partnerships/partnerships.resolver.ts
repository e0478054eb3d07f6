import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { allows, fromGlobalId, viewerOf, type RequestContext } from '@cohesion/common';
import { Access } from '@cohesion/auth';
import { Organisation, OrganisationByIdLoader, organisationFor } from '@cohesion/directory';
import { ProposePartnershipInput } from './dto/partnership.inputs.js';
import { Partnership } from './partnership.model.js';
import { PartnershipsByOrganisationLoader } from './partnerships.loaders.js';
import { PartnershipsService } from './partnerships.service.js';
import { NETWORK_POLICY } from '../network.policy.js';

@Resolver(() => Partnership)
export class PartnershipsResolver {
  constructor(
    private readonly partnerships: PartnershipsService,
    private readonly organisations: OrganisationByIdLoader,
  ) {}

  @Mutation(() => Partnership, {
    description: 'Propose that your organisation partners with, or is a member of, another; their admins confirm.',
  })
  @Access('member', NETWORK_POLICY.proposePartnership)
  proposePartnership(
    @Args('input') input: ProposePartnershipInput,
    @Context() context: RequestContext,
  ): Promise<Partnership> {
    return this.partnerships.propose(viewerOf(context), input);
  }

  @Mutation(() => Partnership, { description: 'Confirm a partnership the other organisation proposed.' })
  @Access('member', NETWORK_POLICY.confirmPartnership)
  confirmPartnership(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: RequestContext,
  ): Promise<Partnership> {
    return this.partnerships.confirm(viewerOf(context), fromGlobalId(id, 'Partnership', 'id'));
  }

  @Mutation(() => Boolean, { description: 'End a partnership, or turn down or withdraw a proposal.' })
  @Access('member', NETWORK_POLICY.managePartnership)
  endPartnership(@Args('id', { type: () => ID }) id: string, @Context() context: RequestContext): Promise<boolean> {
    return this.partnerships.end(viewerOf(context), fromGlobalId(id, 'Partnership', 'id'));
  }

  @ResolveField(() => Organisation, {
    nullable: true,
    description: 'The organisation that partners with or is a member of the other.',
  })
  organisation(@Parent() partnership: Partnership, @Context() context: RequestContext): Promise<Organisation | null> {
    return organisationFor(this.organisations, context, partnership.organisationId);
  }

  @ResolveField(() => Organisation, {
    nullable: true,
    description: 'The partner (for MEMBER_OF, the network it belongs to).',
  })
  partner(@Parent() partnership: Partnership, @Context() context: RequestContext): Promise<Organisation | null> {
    return organisationFor(this.organisations, context, partnership.partnerId);
  }

  @ResolveField(() => Boolean, {
    description: 'Whether you may confirm it (you run the side that did not propose it).',
  })
  canConfirm(@Parent() partnership: Partnership, @Context() context: RequestContext): boolean {
    const otherSide =
      partnership.proposedByOrganisationId === partnership.organisationId
        ? partnership.partnerId
        : partnership.organisationId;
    return !partnership.confirmed && allows(NETWORK_POLICY.confirmPartnership, viewerOf(context), { otherSide });
  }
}

@Resolver(() => Organisation)
export class OrganisationPartnershipsResolver {
  constructor(private readonly byOrganisation: PartnershipsByOrganisationLoader) {}

  @ResolveField(() => [Partnership], {
    description: 'Organisations it partners with or belongs to (proposals too, for its admins).',
  })
  partnerships(@Parent() organisation: Organisation, @Context() context: RequestContext): Promise<Partnership[]> {
    return context.loaders.get(this.byOrganisation).load(organisation.organisationId);
  }
}
