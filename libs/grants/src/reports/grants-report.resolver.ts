import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { viewerOf, type RequestContext, HEAVY_QUERY_COST } from '@cohesion/common';
import { Access } from '@cohesion/auth';
import { GrantsReportArgs } from './grants-report.args.js';
import { GrantsReport } from './grants-report.model.js';
import { GrantsReportService } from './grants-report.service.js';
import { GRANTS_POLICY } from '../grants.policy.js';

@Resolver(() => GrantsReport)
export class GrantsReportResolver {
  constructor(private readonly reports: GrantsReportService) {}

  @Query(() => GrantsReport, {
    complexity: HEAVY_QUERY_COST,
    description:
      'Applications, awards, payments, reach and wellbeing change across the funds you run, with breakdowns. ' +
      'The same figures download as CSV from GET /grants/report.csv.',
  })
  @Access('member', GRANTS_POLICY.viewReports)
  grantsReport(@Args() args: GrantsReportArgs, @Context() context: RequestContext): Promise<GrantsReport> {
    return this.reports.report(viewerOf(context), args.filter);
  }
}
