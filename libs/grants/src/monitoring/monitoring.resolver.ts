import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { viewerOf, type RequestContext } from '@cohesion/common';
import { Access } from '@cohesion/auth';
import { GrantApplication } from '../applications/application.model.js';
import { GRANTS_POLICY } from '../grants.policy.js';
import { SubmitMonitoringReportInput } from './dto/monitoring.inputs.js';
import { MonitoringReport, OverdueReport } from './monitoring-report.model.js';
import { ReportsByAwardLoader } from './monitoring.loaders.js';
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

/** An award's monitoring reports, on the application: the monitoring concept adds the field. */
@Resolver(() => GrantApplication)
export class ApplicationMonitoringResolver {
  constructor(private readonly reportsLoader: ReportsByAwardLoader) {}

  @ResolveField(() => [MonitoringReport])
  monitoringReports(
    @Parent() application: GrantApplication,
    @Context() context: RequestContext,
  ): Promise<MonitoringReport[]> {
    return context.loaders.get(this.reportsLoader).load(application.applicationId);
  }
}
