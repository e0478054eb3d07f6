import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@cohesion/common';
import { GrantFund } from '../../funds/fund.model.js';
import { FundDataQualityLoader } from './data-quality.loader.js';
import { DataQualityWarning } from './data-quality.model.js';

@Resolver(() => GrantFund)
export class FundDataQualityResolver {
  constructor(private readonly loader: FundDataQualityLoader) {}

  @ResolveField(() => [DataQualityWarning], {
    description:
      'Problems the 360Giving data quality checks find in this fund’s published grants (awards only), most ' +
      'useful to fix before the data is shared; empty when there are none.',
  })
  dataQualityWarnings(@Parent() fund: GrantFund, @Context() context: RequestContext): Promise<DataQualityWarning[]> {
    return context.loaders.get(this.loader).load(fund.fundId);
  }
}
