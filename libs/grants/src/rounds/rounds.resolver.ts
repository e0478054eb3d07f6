import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { fromGlobalId, viewerOf, type RequestContext } from '@cohesion/common';
import { Access } from '@cohesion/auth';
import { GRANTS_POLICY } from '../grants.policy.js';
import { CreateRoundInput } from './dto/round.inputs.js';
import { GrantFund } from '../funds/fund.model.js';
import { GrantRound } from './round.model.js';
import { RoundsByFundLoader } from './rounds.loaders.js';
import { RoundsService } from './rounds.service.js';

@Resolver(() => GrantRound)
export class RoundsResolver {
  constructor(private readonly rounds: RoundsService) {}

  @Mutation(() => GrantRound, { description: 'Open a round of applications in a fund, with its criteria and rules.' })
  @Access('member', GRANTS_POLICY.runFund)
  createRound(@Args('input') input: CreateRoundInput, @Context() context: RequestContext): Promise<GrantRound> {
    return this.rounds.createRound(viewerOf(context), input);
  }

  @Query(() => GrantRound, { description: 'A round: open ones to anyone signed in, any to the council’s officers.' })
  @Access('member', GRANTS_POLICY.viewRound)
  grantRound(@Args('id', { type: () => ID }) id: string, @Context() context: RequestContext): Promise<GrantRound> {
    return this.rounds.round(viewerOf(context), fromGlobalId(id, 'GrantRound', 'id'));
  }
}

/** A fund's rounds, on the fund: the rounds concept adds the field. */
@Resolver(() => GrantFund)
export class FundRoundsResolver {
  constructor(private readonly roundsLoader: RoundsByFundLoader) {}

  @ResolveField(() => [GrantRound])
  rounds(@Parent() fund: GrantFund, @Context() context: RequestContext): Promise<GrantRound[]> {
    return context.loaders.get(this.roundsLoader).load(fund.fundId);
  }
}
