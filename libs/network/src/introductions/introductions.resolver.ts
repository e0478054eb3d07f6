import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { fromGlobalId, viewerOf, type RequestContext } from '@cohesion/common';
import { Access } from '@cohesion/auth';
import { Practitioner, PractitionerByIdLoader } from '@cohesion/directory';
import { practitionerFor } from '../shared/practitioner-field.js';
import { RequestIntroductionInput, RespondToIntroductionInput } from './dto/introduction.inputs.js';
import { MyIntroductionsArgs } from './dto/introduction.args.js';
import { Introduction, IntroductionConnection } from './introduction.model.js';
import { IntroductionsService } from './introductions.service.js';
import { NETWORK_POLICY } from '../network.policy.js';

@Resolver(() => Introduction)
export class IntroductionsResolver {
  constructor(
    private readonly introductions: IntroductionsService,
    private readonly practitioners: PractitionerByIdLoader,
  ) {}

  @Mutation(() => Introduction, {
    description:
      'Ask to connect with a practitioner, directly or through a mutual connection (`via`) who sees it first. ' +
      'Both must agree before anything is shared.',
  })
  @Access('member', NETWORK_POLICY.requestIntroduction)
  requestIntroduction(
    @Args('input') input: RequestIntroductionInput,
    @Context() context: RequestContext,
  ): Promise<Introduction> {
    return this.introductions.request(viewerOf(context), input);
  }

  @Mutation(() => Introduction, {
    description: 'As the broker: pass a request on or decline it. As the person asked: accept or decline.',
  })
  @Access('member', NETWORK_POLICY.respondToIntroduction)
  respondToIntroduction(
    @Args('input') input: RespondToIntroductionInput,
    @Context() context: RequestContext,
  ): Promise<Introduction> {
    return this.introductions.respond(viewerOf(context), input);
  }

  @Mutation(() => Introduction, {
    description:
      'Withdraw a request you made that is still open. Withdrawn within a few minutes, the person asked never ' +
      'hears of it; either way you may not ask them again for 30 days.',
  })
  @Access('member', NETWORK_POLICY.withdrawIntroduction)
  withdrawIntroduction(
    @Args('id', { type: () => ID }) id: string,
    @Context() context: RequestContext,
  ): Promise<Introduction> {
    return this.introductions.withdraw(viewerOf(context), fromGlobalId(id, 'Introduction', 'id'));
  }

  @Query(() => IntroductionConnection, { description: 'Introductions you are part of, newest first.' })
  @Access('member', NETWORK_POLICY.seeIntroductions)
  myIntroductions(
    @Args() args: MyIntroductionsArgs,
    @Context() context: RequestContext,
  ): Promise<IntroductionConnection> {
    return this.introductions.list(viewerOf(context), args);
  }

  @ResolveField(() => Practitioner, { nullable: true, description: 'Who asked (null if you may no longer see them).' })
  requester(@Parent() introduction: Introduction, @Context() context: RequestContext): Promise<Practitioner | null> {
    return practitionerFor(this.practitioners, context, introduction.requesterId);
  }

  @ResolveField(() => Practitioner, { nullable: true, description: 'Who was asked.' })
  target(@Parent() introduction: Introduction, @Context() context: RequestContext): Promise<Practitioner | null> {
    return practitionerFor(this.practitioners, context, introduction.targetId);
  }

  @ResolveField(() => Practitioner, { nullable: true, description: 'The mutual connection asked to pass it on.' })
  broker(@Parent() introduction: Introduction, @Context() context: RequestContext): Promise<Practitioner | null> {
    return practitionerFor(this.practitioners, context, introduction.brokerId);
  }
}
