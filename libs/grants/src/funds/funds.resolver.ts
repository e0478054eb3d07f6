import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { fromGlobalId, viewerOf, type RequestContext } from '@cohesion/common';
import { Access } from '@cohesion/auth';
import { Organisation, OrganisationByIdLoader, organisationFor } from '@cohesion/directory';
import { GRANTS_POLICY } from '../grants.policy.js';
import { CreateFundInput } from './dto/fund.inputs.js';
import { ApplicationStatusCount, GrantFund } from './fund.model.js';
import { StatusCountsByFundLoader } from './funds.loaders.js';
import { FundsService } from './funds.service.js';
import { GrantFundsArgs } from './grant-funds.args.js';

@Resolver(() => GrantFund)
export class FundsResolver {
  constructor(
    private readonly funds: FundsService,
    private readonly organisations: OrganisationByIdLoader,
    private readonly statusCounts: StatusCountsByFundLoader,
  ) {}

  @Mutation(() => GrantFund, { description: 'Create a council’s grants fund for a financial year.' })
  @Access('member', GRANTS_POLICY.createFund)
  createFund(@Args('input') input: CreateFundInput, @Context() context: RequestContext): Promise<GrantFund> {
    return this.funds.createFund(viewerOf(context), input);
  }

  @Query(() => GrantFund, { description: 'A fund: budget, committed, paid, remaining, counts by status, rounds.' })
  @Access('member', GRANTS_POLICY.viewFund)
  fund(@Args('id', { type: () => ID }) id: string, @Context() context: RequestContext): Promise<GrantFund> {
    return this.funds.fund(viewerOf(context), fromGlobalId(id, 'GrantFund', 'id'));
  }

  @Query(() => [GrantFund], { description: 'The funds you run, newest financial year first.' })
  @Access('member', GRANTS_POLICY.listFunds)
  grantFunds(@Args() args: GrantFundsArgs, @Context() context: RequestContext): Promise<GrantFund[]> {
    return this.funds.funds(viewerOf(context), args.councilId);
  }

  @ResolveField(() => Organisation, { nullable: true, description: 'The council that runs it.' })
  owner(@Parent() fund: GrantFund, @Context() context: RequestContext): Promise<Organisation | null> {
    return organisationFor(this.organisations, context, fund.ownerOrganisationId);
  }

  @ResolveField(() => [ApplicationStatusCount], { description: 'How many applications are in each state.' })
  applicationsByStatus(
    @Parent() fund: GrantFund,
    @Context() context: RequestContext,
  ): Promise<ApplicationStatusCount[]> {
    return context.loaders.get(this.statusCounts).load(fund.fundId);
  }
}
