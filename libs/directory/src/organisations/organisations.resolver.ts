import { Args, Context, ID, Info, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import {
  allows,
  Connection,
  fromGlobalId,
  notFound,
  Prefetcher,
  viewerOf,
  type RequestContext,
} from '@cohesion/common';
import { Access, AUTH_POLICY, Public, RoleGrantModel } from '@cohesion/auth';
import { toArea } from '../areas/area.mapper.js';
import { Area } from '../areas/area.model.js';
import { TaxonomyTerm } from '../taxonomy/taxonomy.model.js';
import { toTaxonomyTerm } from '../taxonomy/taxonomy.mapper.js';
import {
  CreateOrganisationInput,
  RoleGrantInput,
  UpdateOrganisationInput,
  VerifyOrganisationInput,
} from './dto/organisation.inputs.js';
import { OrganisationsArgs } from './dto/organisation.args.js';
import { Organisation } from './organisation.model.js';
import { OrganisationAreasLoader, OrganisationByIdLoader, OrganisationThemesLoader } from './organisations.loaders.js';
import { recordToOrganisation } from './organisation.mapper.js';
import { OrganisationsService } from './organisations.service.js';
import { DIRECTORY_POLICY } from '../directory.policy.js';

@ObjectType()
export class OrganisationConnection extends Connection(Organisation, 'Organisation') {}

@Resolver(() => Organisation)
export class OrganisationsResolver {
  constructor(
    private readonly service: OrganisationsService,
    private readonly byId: OrganisationByIdLoader,
    private readonly areasLoader: OrganisationAreasLoader,
    private readonly themesLoader: OrganisationThemesLoader,
    private readonly prefetcher: Prefetcher,
  ) {
    prefetcher.register(
      { type: 'Organisation', field: 'areas', resolve: (o: Organisation, _, c: RequestContext) => this.areas(o, c) },
      { type: 'Organisation', field: 'themes', resolve: (o: Organisation, _, c: RequestContext) => this.themes(o, c) },
    );
  }

  @Query(() => OrganisationConnection, { description: 'Organisations, filtered; sorted by name.' })
  @Public(DIRECTORY_POLICY.seeOrganisation)
  async organisations(
    @Args() args: OrganisationsArgs,
    @Context() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<OrganisationConnection> {
    const page = await this.service.list(viewerOf(context), args.filter, args);
    await this.prefetcher.below(page, info, context);
    return page;
  }

  @Query(() => Organisation)
  @Public(DIRECTORY_POLICY.seeOrganisation)
  async organisation(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Organisation> {
    const record = await context.loaders.get(this.byId).load(fromGlobalId(id, 'Organisation', 'id'));
    if (!record) throw notFound('That organisation');
    const organisation = recordToOrganisation(record);
    await this.prefetcher.below(organisation, info, context);
    return organisation;
  }

  @Mutation(() => Organisation, {
    description: 'List a new organisation; you become its admin. It is unverified until checked.',
  })
  @Access('member', DIRECTORY_POLICY.createOrganisation)
  async createOrganisation(
    @Args('input') input: CreateOrganisationInput,
    @Context() context: RequestContext,
  ): Promise<Organisation> {
    const viewer = viewerOf(context);
    const organisation = await this.service.create(viewer, input);
    // The creator now runs it: the rest of this response (viewerCanManage) should say so.
    context.req.viewer = viewer.withGrant({ role: 'ORG_ADMIN', organisationId: organisation.organisationId });
    return organisation;
  }

  @Mutation(() => Organisation)
  @Access('member', DIRECTORY_POLICY.manageOrganisation)
  updateOrganisation(
    @Args('input') input: UpdateOrganisationInput,
    @Context() context: RequestContext,
  ): Promise<Organisation> {
    return this.service.update(viewerOf(context), input);
  }

  @Mutation(() => Organisation, { description: 'Mark an organisation as checked (or not).' })
  @Access('admin', DIRECTORY_POLICY.verifyOrganisation)
  verifyOrganisation(
    @Args('input') input: VerifyOrganisationInput,
    @Context() context: RequestContext,
  ): Promise<Organisation> {
    return this.service.verify(viewerOf(context), input);
  }

  @Mutation(() => Boolean, { description: 'Give a practitioner a role.' })
  @Access('member', AUTH_POLICY.grantRole)
  grantRole(@Args('input') input: RoleGrantInput, @Context() context: RequestContext): Promise<boolean> {
    return this.service.changeRole(viewerOf(context), input, 'grant');
  }

  @Mutation(() => Boolean, { description: 'Take a role away; false if it was not held.' })
  @Access('member', AUTH_POLICY.revokeRole)
  revokeRole(@Args('input') input: RoleGrantInput, @Context() context: RequestContext): Promise<boolean> {
    return this.service.changeRole(viewerOf(context), input, 'revoke');
  }

  @ResolveField(() => [Area], { description: 'Areas the organisation serves.' })
  async areas(@Parent() organisation: Organisation, @Context() context: RequestContext): Promise<Area[]> {
    return (await context.loaders.get(this.areasLoader).load(organisation.organisationId)).map(toArea);
  }

  @ResolveField(() => [TaxonomyTerm], { description: 'Cohesion themes it works on.' })
  async themes(@Parent() organisation: Organisation, @Context() context: RequestContext): Promise<TaxonomyTerm[]> {
    return (await context.loaders.get(this.themesLoader).load(organisation.organisationId)).map(toTaxonomyTerm);
  }

  @ResolveField(() => Boolean, { description: 'Whether you may edit this organisation and its services.' })
  viewerCanManage(@Parent() organisation: Organisation, @Context() context: RequestContext): boolean {
    return allows(DIRECTORY_POLICY.manageOrganisation, viewerOf(context), organisation);
  }
}

@Resolver(() => RoleGrantModel)
export class RoleGrantOrganisationResolver {
  constructor(private readonly byId: OrganisationByIdLoader) {}

  @ResolveField(() => Organisation, { nullable: true })
  async organisation(
    @Parent() grant: RoleGrantModel,
    @Context() context: RequestContext,
  ): Promise<Organisation | null> {
    if (!grant.organisationId) return null;
    const record = await context.loaders.get(this.byId).load(grant.organisationId);
    return record ? recordToOrganisation(record) : null;
  }
}
