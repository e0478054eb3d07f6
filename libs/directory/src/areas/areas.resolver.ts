import { Args, Context, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Connection, presentValues, viewerOf, type RequestContext } from '@cohesion/common';
import { Access, Public } from '@cohesion/auth';
import { toArea } from './area.mapper.js';
import { Area } from './area.model.js';
import { AreaByIdLoader, AreaChildrenLoader } from './areas.loaders.js';
import { AreasService } from './areas.service.js';
import { CreateAreaInput, UpdateAreaInput } from './dto/area.inputs.js';
import { AreasArgs } from './dto/area.args.js';
import { DIRECTORY_POLICY } from '../directory.policy.js';

@ObjectType()
export class AreaConnection extends Connection(Area, 'Area') {}

@Resolver(() => Area)
export class AreasResolver {
  constructor(
    private readonly service: AreasService,
    private readonly byId: AreaByIdLoader,
    private readonly childrenLoader: AreaChildrenLoader,
  ) {}

  @Query(() => AreaConnection, { description: 'Areas: regions, local authorities, localities and wards.' })
  @Public(DIRECTORY_POLICY.seeAreas)
  areas(@Args() args: AreasArgs): Promise<AreaConnection> {
    return this.service.list(args.filter, args);
  }

  @Mutation(() => Area)
  @Access('admin', DIRECTORY_POLICY.manageReferenceData)
  createArea(@Args('input') input: CreateAreaInput, @Context() context: RequestContext): Promise<Area> {
    return this.service.create(viewerOf(context), input);
  }

  @Mutation(() => Area)
  @Access('admin', DIRECTORY_POLICY.manageReferenceData)
  updateArea(@Args('input') input: UpdateAreaInput, @Context() context: RequestContext): Promise<Area> {
    return this.service.update(viewerOf(context), input);
  }

  @ResolveField(() => Area, { nullable: true })
  async parent(@Parent() area: Area, @Context() context: RequestContext): Promise<Area | null> {
    if (!area.parentId) return null;
    const parent = await context.loaders.get(this.byId).load(area.parentId);
    return parent ? toArea(parent) : null;
  }

  @ResolveField(() => [Area])
  async children(@Parent() area: Area, @Context() context: RequestContext): Promise<Area[]> {
    return (await context.loaders.get(this.childrenLoader).load(area.areaId)).map(toArea);
  }

  @ResolveField(() => [Area], { description: 'From the top of the tree down to this area, itself excluded.' })
  async ancestors(@Parent() area: Area, @Context() context: RequestContext): Promise<Area[]> {
    const ids = area.pathIds.slice(0, -1);
    return presentValues(await context.loaders.get(this.byId).loadMany(ids)).map(toArea);
  }
}
