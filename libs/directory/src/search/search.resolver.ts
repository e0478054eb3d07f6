import { Args, Context, Info, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { notFound, selectsAny, viewerOf, type RequestContext, HEAVY_QUERY_COST } from '@cohesion/common';
import { Public } from '@cohesion/auth';
import { OrganisationByIdLoader } from '../organisations/organisations.loaders.js';
import { recordToOrganisation } from '../organisations/organisation.mapper.js';
import { toPractitioner } from '../practitioners/practitioner.mapper.js';
import { DIRECTORY_POLICY, relationshipOf } from '../directory.policy.js';
import { PractitionerByIdLoader } from '../practitioners/practitioners.loaders.js';
import { toService } from '../services/service.mapper.js';
import { ServiceByIdLoader } from '../services/services.loaders.js';
import { SearchKind } from './search.inputs.js';
import { SearchArgs } from './search.args.js';
import { SearchConnection, SearchEdge, SearchHit } from './search.model.js';
import { SearchService } from './search.service.js';

@Resolver(() => SearchEdge)
export class SearchResolver {
  constructor(
    private readonly search: SearchService,
    private readonly organisationById: OrganisationByIdLoader,
    private readonly practitionerById: PractitionerByIdLoader,
    private readonly serviceById: ServiceByIdLoader,
  ) {}

  @Query(() => SearchConnection, {
    complexity: HEAVY_QUERY_COST,
    name: 'search',
    description: 'Find people, organisations and services by words, themes, places and distance.',
  })
  @Public(DIRECTORY_POLICY.search)
  find(
    @Args() args: SearchArgs,
    @Context() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SearchConnection> {
    // The total (and the facets, only when asked for) come with the page in one statement.
    const summary = selectsAny(info, ['facets']) ? 'facets' : selectsAny(info, ['totalCount']) ? 'count' : undefined;
    return this.search.search(viewerOf(context), args, { summary });
  }

  /** Each hit is loaded through its kind's loader: one query per kind on the page. */
  @ResolveField(() => SearchHit)
  async node(@Parent() edge: SearchEdge, @Context() context: RequestContext): Promise<typeof SearchHit> {
    const viewer = viewerOf(context);
    switch (edge.kind) {
      case SearchKind.ORGANISATION: {
        const record = await context.loaders.get(this.organisationById).load(edge.entityId);
        if (record) return recordToOrganisation(record);
        break;
      }
      case SearchKind.PRACTITIONER: {
        const record = await context.loaders.get(this.practitionerById).load(edge.entityId);
        if (record) return toPractitioner(record, relationshipOf(viewer, record));
        break;
      }
      case SearchKind.SERVICE: {
        const record = await context.loaders.get(this.serviceById).load(edge.entityId);
        if (record) return toService(record);
        break;
      }
    }
    // Removed between the search and this load.
    throw notFound('That result');
  }
}
