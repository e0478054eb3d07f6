import { Args, Context, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  allows,
  Connection,
  fromGlobalId,
  NestedConnectionArgs,
  notFound,
  pageKey,
  Prefetcher,
  viewerOf,
  type RequestContext,
} from '@cohesion/common';
import { Access, AccountModel } from '@cohesion/auth';
import { toArea } from '../areas/area.mapper.js';
import { Area } from '../areas/area.model.js';
import { Organisation } from '../organisations/organisation.model.js';
import { TaxonomyTerm } from '../taxonomy/taxonomy.model.js';
import { toTaxonomyTerm } from '../taxonomy/taxonomy.mapper.js';
import { UpdateMyProfileInput } from './dto/practitioner.inputs.js';
import { PractitionersArgs } from './dto/practitioner.args.js';
import { toPractitioner } from './practitioner.mapper.js';
import { Practitioner } from './practitioner.model.js';
import { toMembership, today } from '../memberships/membership.mapper.js';
import { Membership, NetworkAccess } from '../memberships/membership.model.js';
import { MembershipHistoryLoader, PractitionerMembershipsLoader } from '../memberships/memberships.loaders.js';
import { networkAccessOf } from '../memberships/network-access.js';
import { DIRECTORY_POLICY, relationshipOf } from '../directory.policy.js';
import {
  OrganisationPractitionersLoader,
  PractitionerAreasLoader,
  PractitionerByIdLoader,
  PractitionerThemesLoader,
} from './practitioners.loaders.js';
import { PractitionersService } from './practitioners.service.js';

@ObjectType()
export class PractitionerConnection extends Connection(Practitioner, 'Practitioner') {}

@Resolver(() => Practitioner)
export class PractitionersResolver {
  constructor(
    private readonly service: PractitionersService,
    private readonly byId: PractitionerByIdLoader,
    private readonly areasLoader: PractitionerAreasLoader,
    private readonly themesLoader: PractitionerThemesLoader,
    private readonly membershipsLoader: PractitionerMembershipsLoader,
    private readonly historyLoader: MembershipHistoryLoader,
  ) {}

  @Query(() => PractitionerConnection, { description: 'Practitioners who can be found, filtered; sorted by name.' })
  @Access('member', DIRECTORY_POLICY.seePractitioner)
  practitioners(@Args() args: PractitionersArgs, @Context() context: RequestContext): Promise<PractitionerConnection> {
    return this.service.list(viewerOf(context), args.filter, args);
  }

  @Query(() => Practitioner)
  @Access('member', DIRECTORY_POLICY.seePractitioner)
  async practitioner(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: RequestContext,
  ): Promise<Practitioner> {
    const record = await context.loaders.get(this.byId).load(fromGlobalId(id, 'Practitioner', 'id'));
    if (!record) throw notFound('That practitioner');
    return toPractitioner(record, relationshipOf(viewerOf(context), record));
  }

  @Mutation(() => Practitioner, { description: 'Change your own profile.' })
  @Access('account', DIRECTORY_POLICY.updateMyProfile)
  updateMyProfile(
    @Args('input') input: UpdateMyProfileInput,
    @Context() context: RequestContext,
  ): Promise<Practitioner> {
    return this.service.updateMyProfile(viewerOf(context), input);
  }

  @ResolveField(() => [Area], { description: 'Areas they cover.' })
  async areas(@Parent() practitioner: Practitioner, @Context() context: RequestContext): Promise<Area[]> {
    return (await context.loaders.get(this.areasLoader).load(practitioner.practitionerId)).map(toArea);
  }

  @ResolveField(() => [TaxonomyTerm], { description: 'Cohesion themes they have expertise in.' })
  async expertise(@Parent() practitioner: Practitioner, @Context() context: RequestContext): Promise<TaxonomyTerm[]> {
    return (await context.loaders.get(this.themesLoader).load(practitioner.practitionerId)).map(toTaxonomyTerm);
  }

  @ResolveField(() => [Membership], {
    description: 'Where they work and have worked, current first: confirmed ones, and claims awaiting confirmation.',
  })
  async memberships(@Parent() practitioner: Practitioner, @Context() context: RequestContext): Promise<Membership[]> {
    const date = today();
    return (await context.loaders.get(this.membershipsLoader).load(practitioner.practitionerId)).map((row) =>
      toMembership(row, date),
    );
  }

  @ResolveField(() => [Membership], {
    nullable: true,
    description: 'Your own memberships with the declined and ended ones; null on anyone else’s profile.',
  })
  async membershipHistory(
    @Parent() practitioner: Practitioner,
    @Context() context: RequestContext,
  ): Promise<Membership[] | null> {
    if (!viewerOf(context).isPractitioner(practitioner.practitionerId)) return null;
    const date = today();
    return (await context.loaders.get(this.historyLoader).load(practitioner.practitionerId)).map((row) =>
      toMembership(row, date),
    );
  }
}

@Resolver(() => Organisation)
export class OrganisationPractitionersResolver {
  constructor(
    private readonly loader: OrganisationPractitionersLoader,
    prefetcher: Prefetcher,
  ) {
    prefetcher.register({
      type: 'Organisation',
      field: 'practitioners',
      args: NestedConnectionArgs,
      resolve: (organisation: Organisation, args: NestedConnectionArgs, context: RequestContext) =>
        this.practitioners(organisation, args, context),
    });
  }

  @ResolveField(() => PractitionerConnection, {
    nullable: true,
    description: 'People currently working there who can be found; null unless you are signed in.',
  })
  async practitioners(
    @Parent() organisation: Organisation,
    @Args() args: NestedConnectionArgs,
    @Context() context: RequestContext,
  ): Promise<PractitionerConnection | null> {
    if (!allows(DIRECTORY_POLICY.findPeople, viewerOf(context), undefined)) return null;
    return context.loaders.get(this.loader).load(pageKey(organisation.organisationId, args.first));
  }
}

@Resolver(() => AccountModel)
export class AccountPractitionerResolver {
  constructor(
    private readonly byId: PractitionerByIdLoader,
    private readonly memberships: PractitionerMembershipsLoader,
  ) {}

  @ResolveField(() => Practitioner, { nullable: true, description: 'Your practitioner profile.' })
  async practitioner(
    @Parent() account: AccountModel,
    @Context() context: RequestContext,
  ): Promise<Practitioner | null> {
    const record = await context.loaders.get(this.byId).load(account.accountId);
    return record ? toPractitioner(record, relationshipOf(viewerOf(context), record)) : null;
  }

  @ResolveField(() => NetworkAccess, {
    description: 'Whether you may search people and take part in the network, and if not why.',
  })
  async networkAccess(@Parent() account: AccountModel, @Context() context: RequestContext): Promise<NetworkAccess> {
    const memberships = await context.loaders.get(this.memberships).load(account.accountId);
    return networkAccessOf(viewerOf(context), memberships);
  }
}
