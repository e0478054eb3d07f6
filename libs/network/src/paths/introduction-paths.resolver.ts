import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { viewerOf, type RequestContext, HEAVY_QUERY_COST } from '@cohesion/common';
import { Access } from '@cohesion/auth';
import { Practitioner, PractitionerByIdLoader } from '@cohesion/directory';
import { IntroductionPathArgs } from '../network.args.js';
import { practitionerFor } from '../shared/practitioner-field.js';
import { IntroductionPath } from './introduction-path.model.js';
import { IntroductionPathsService } from './introduction-paths.service.js';
import { NETWORK_POLICY } from '../network.policy.js';

@Resolver(() => IntroductionPath)
export class IntroductionPathsResolver {
  constructor(
    private readonly paths: IntroductionPathsService,
    private readonly byId: PractitionerByIdLoader,
  ) {}

  @Query(() => IntroductionPath, {
    complexity: HEAVY_QUERY_COST,
    nullable: true,
    description:
      'The shortest chain of connections from you to someone, so you can ask the first person along it to ' +
      'introduce you; null when there is none within `maxHops`.',
  })
  @Access('member', NETWORK_POLICY.findIntroductionPath)
  introductionPath(
    @Args() args: IntroductionPathArgs,
    @Context() context: RequestContext,
  ): Promise<IntroductionPath | null> {
    return this.paths.shortest(viewerOf(context), args.to, args.maxHops);
  }

  @ResolveField(() => [Practitioner], { description: 'From you to them, both included.' })
  async practitioners(@Parent() path: IntroductionPath, @Context() context: RequestContext): Promise<Practitioner[]> {
    const people = await Promise.all(path.practitionerIds.map((id) => practitionerFor(this.byId, context, id)));
    return people.filter((person): person is Practitioner => person !== null);
  }
}
