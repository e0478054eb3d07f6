import { Args, Context, ID, Info, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import {
  Connection,
  fromGlobalId,
  NestedConnectionArgs,
  notFound,
  pageKey,
  Prefetcher,
  viewerOf,
  type RequestContext,
} from '@cohesion/common';
import { Access, Public } from '@cohesion/auth';
import { toArea } from '../areas/area.mapper.js';
import { Area } from '../areas/area.model.js';
import { AreaByIdLoader } from '../areas/areas.loaders.js';
import { Organisation } from '../organisations/organisation.model.js';
import { OrganisationByIdLoader } from '../organisations/organisations.loaders.js';
import { recordToOrganisation } from '../organisations/organisation.mapper.js';
import { TaxonomyTerm } from '../taxonomy/taxonomy.model.js';
import { toTaxonomyTerm } from '../taxonomy/taxonomy.mapper.js';
import { CreateServiceInput, UpdateServiceInput } from './dto/service.inputs.js';
import { ServicesArgs } from './dto/service.args.js';
import { toCostOption, toSchedule, toService, toServiceContact, toServiceLocation } from './service.mapper.js';
import { CostOption, Schedule, Service, ServiceContact, ServiceLocation } from './service.model.js';
import {
  OrganisationServicesLoader,
  ServiceAreasLoader,
  ServiceByIdLoader,
  ServiceContactsLoader,
  ServiceCostOptionsLoader,
  ServiceLocationsLoader,
  ServiceSchedulesLoader,
  ServiceTermsLoader,
} from './services.loaders.js';
import { ServicesService } from './services.service.js';
import { DIRECTORY_POLICY } from '../directory.policy.js';

@ObjectType()
export class ServiceConnection extends Connection(Service, 'Service') {}

@Resolver(() => Service)
export class ServicesResolver {
  constructor(
    private readonly service: ServicesService,
    private readonly byId: ServiceByIdLoader,
    private readonly organisationById: OrganisationByIdLoader,
    private readonly costOptionsLoader: ServiceCostOptionsLoader,
    private readonly schedulesLoader: ServiceSchedulesLoader,
    private readonly contactsLoader: ServiceContactsLoader,
    private readonly locationsLoader: ServiceLocationsLoader,
    private readonly termsLoader: ServiceTermsLoader,
    private readonly areasLoader: ServiceAreasLoader,
    private readonly prefetcher: Prefetcher,
  ) {
    const field = <T>(name: string, resolve: (service: Service, context: RequestContext) => Promise<T>) => ({
      type: 'Service',
      field: name,
      resolve: (service: Service, _: unknown, context: RequestContext) => resolve(service, context),
    });
    prefetcher.register(
      field('organisation', (s, c) => this.organisation(s, c)),
      field('costOptions', (s, c) => this.costOptions(s, c)),
      field('schedules', (s, c) => this.schedules(s, c)),
      field('contacts', (s, c) => this.contacts(s, c)),
      field('locations', (s, c) => this.locations(s, c)),
      field('taxonomyTerms', (s, c) => this.taxonomyTerms(s, c)),
      field('serviceAreas', (s, c) => this.serviceAreas(s, c)),
    );
  }

  @Query(() => ServiceConnection, { description: 'Services, filtered; sorted by name.' })
  @Public(DIRECTORY_POLICY.seeService)
  async services(
    @Args() args: ServicesArgs,
    @Context() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ServiceConnection> {
    const page = await this.service.list(viewerOf(context), args.filter, args);
    await this.prefetcher.below(page, info, context);
    return page;
  }

  @Query(() => Service, { name: 'service' })
  @Public(DIRECTORY_POLICY.seeService)
  async serviceById(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Service> {
    const record = await context.loaders.get(this.byId).load(fromGlobalId(id, 'Service', 'id'));
    if (!record) throw notFound('That service');
    const service = toService(record);
    await this.prefetcher.below(service, info, context);
    return service;
  }

  @Mutation(() => Service)
  @Access('member', DIRECTORY_POLICY.manageService)
  createService(@Args('input') input: CreateServiceInput, @Context() context: RequestContext): Promise<Service> {
    return this.service.create(viewerOf(context), input);
  }

  @Mutation(() => Service)
  @Access('member', DIRECTORY_POLICY.manageService)
  updateService(@Args('input') input: UpdateServiceInput, @Context() context: RequestContext): Promise<Service> {
    return this.service.update(viewerOf(context), input);
  }

  @ResolveField(() => Organisation, { description: 'Who delivers it.' })
  async organisation(@Parent() service: Service, @Context() context: RequestContext): Promise<Organisation> {
    const record = await context.loaders.get(this.organisationById).load(service.organisationId);
    // A visible service always belongs to a visible organisation (the list queries enforce it).
    if (!record) throw notFound('That organisation');
    return recordToOrganisation(record);
  }

  @ResolveField(() => [CostOption])
  async costOptions(@Parent() service: Service, @Context() context: RequestContext): Promise<CostOption[]> {
    return (await context.loaders.get(this.costOptionsLoader).load(service.serviceId)).map(toCostOption);
  }

  @ResolveField(() => [Schedule])
  async schedules(@Parent() service: Service, @Context() context: RequestContext): Promise<Schedule[]> {
    return (await context.loaders.get(this.schedulesLoader).load(service.serviceId)).map(toSchedule);
  }

  @ResolveField(() => [ServiceContact])
  async contacts(@Parent() service: Service, @Context() context: RequestContext): Promise<ServiceContact[]> {
    return (await context.loaders.get(this.contactsLoader).load(service.serviceId)).map(toServiceContact);
  }

  @ResolveField(() => [ServiceLocation])
  async locations(@Parent() service: Service, @Context() context: RequestContext): Promise<ServiceLocation[]> {
    return (await context.loaders.get(this.locationsLoader).load(service.serviceId)).map(toServiceLocation);
  }

  @ResolveField(() => [TaxonomyTerm], { description: 'Service types and themes it is tagged with.' })
  async taxonomyTerms(@Parent() service: Service, @Context() context: RequestContext): Promise<TaxonomyTerm[]> {
    return (await context.loaders.get(this.termsLoader).load(service.serviceId)).map(toTaxonomyTerm);
  }

  @ResolveField(() => [Area], { description: 'Areas the service is for.' })
  async serviceAreas(@Parent() service: Service, @Context() context: RequestContext): Promise<Area[]> {
    return (await context.loaders.get(this.areasLoader).load(service.serviceId)).map(toArea);
  }
}

@Resolver(() => ServiceLocation)
export class ServiceLocationResolver {
  constructor(
    private readonly areaById: AreaByIdLoader,
    prefetcher: Prefetcher,
  ) {
    prefetcher.register({
      type: 'ServiceLocation',
      field: 'area',
      resolve: (location: ServiceLocation, _: unknown, context: RequestContext) => this.area(location, context),
    });
  }

  @ResolveField(() => Area, { nullable: true, description: 'The ward or locality it is in.' })
  async area(@Parent() location: ServiceLocation, @Context() context: RequestContext): Promise<Area | null> {
    if (!location.areaId) return null;
    const area = await context.loaders.get(this.areaById).load(location.areaId);
    return area ? toArea(area) : null;
  }
}

@Resolver(() => Organisation)
export class OrganisationServicesResolver {
  constructor(
    private readonly loader: OrganisationServicesLoader,
    prefetcher: Prefetcher,
  ) {
    prefetcher.register({
      type: 'Organisation',
      field: 'services',
      args: NestedConnectionArgs,
      resolve: (organisation: Organisation, args: NestedConnectionArgs, context: RequestContext) =>
        this.services(organisation, args, context),
    });
  }

  @ResolveField(() => ServiceConnection, { description: 'Services it delivers that you may see, by name.' })
  services(
    @Parent() organisation: Organisation,
    @Args() args: NestedConnectionArgs,
    @Context() context: RequestContext,
  ): Promise<ServiceConnection> {
    return context.loaders.get(this.loader).load(pageKey(organisation.organisationId, args.first));
  }
}
