import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { viewerOf, type RequestContext } from '@cohesion/common';
import { Access } from '@cohesion/auth';
import { GRANTS_POLICY } from '../grants.policy.js';
import { SubmitMonitoringReportInput } from './dto/monitoring.inputs.js';
import { MonitoringReport, OverdueReport } from './monitoring-report.model.js';
import { MonitoringService } from './monitoring.service.js';
import { OverdueReportsArgs } from './overdue-reports.args.js';

@Resolver()
export class MonitoringResolver {
  constructor(private readonly monitoring: MonitoringService) {}

  @Mutation(() => MonitoringReport, {
    description: 'Submit the next (or a named) monitoring report due on an ACTIVE award.',
  })
  @Access('member', GRANTS_POLICY.submitMonitoringReport)
  submitMonitoringReport(
    @Args('input') input: SubmitMonitoringReportInput,
    @Context() context: RequestContext,
  ): Promise<MonitoringReport> {
    return this.monitoring.submitReport(viewerOf(context), input);
  }

  @Query(() => [OverdueReport], { description: 'Monitoring reports past due on live awards, most overdue first.' })
  @Access('member', GRANTS_POLICY.viewMonitoring)
  overdueMonitoringReports(
    @Args() args: OverdueReportsArgs,
    @Context() context: RequestContext,
  ): Promise<OverdueReport[]> {
    return this.monitoring.overdue(viewerOf(context), args.fundId);
  }
}
