import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { viewerOf, type RequestContext } from '@cohesion/common';
import { Access } from '@cohesion/auth';
import { NETWORK_POLICY } from '../network.policy.js';
import { MisuseReportsArgs, ReportMisuseInput, ResolveMisuseReportArgs } from './dto/misuse-report.inputs.js';
import { MisuseReport, MisuseReportConnection, MisuseReportReceipt } from './misuse-report.model.js';
import { MisuseReportsService } from './misuse-reports.service.js';

@Resolver(() => MisuseReport)
export class MisuseReportsResolver {
  constructor(private readonly reports: MisuseReportsService) {}

  @Mutation(() => MisuseReportReceipt, {
    description:
      'Report a profile or an organisation for misuse. It goes to the platform admins, who see that it was you; ' +
      'the person or organisation reported is not told.',
  })
  @Access('member', NETWORK_POLICY.reportMisuse)
  async reportMisuse(
    @Args('input') input: ReportMisuseInput,
    @Context() context: RequestContext,
  ): Promise<MisuseReportReceipt> {
    await this.reports.report(viewerOf(context), input);
    return Object.assign(new MisuseReportReceipt(), {
      received: true,
      message: 'Thank you. The Cohesion Network admins will look at your report.',
    });
  }

  @Query(() => MisuseReportConnection, { description: 'Misuse reports, newest first. Platform admins only.' })
  @Access('admin', NETWORK_POLICY.moderateMisuseReports)
  misuseReports(@Args() args: MisuseReportsArgs, @Context() context: RequestContext): Promise<MisuseReportConnection> {
    return this.reports.list(viewerOf(context), args);
  }

  @Mutation(() => MisuseReport, { description: 'Close a misuse report with what was done. Audited.' })
  @Access('admin', NETWORK_POLICY.moderateMisuseReports)
  resolveMisuseReport(
    @Args() args: ResolveMisuseReportArgs,
    @Context() context: RequestContext,
  ): Promise<MisuseReport> {
    return this.reports.resolve(viewerOf(context), args);
  }
}
