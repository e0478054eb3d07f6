import { Module, type OnModuleInit } from '@nestjs/common';
import { AuthModule } from '@cohesion/auth';
import { NodeRegistry, viewerOf } from '@cohesion/common';
import { DirectoryModule } from '@cohesion/directory';
import { ApplicationsResolver } from './applications/applications.resolver.js';
import { ApplicationsService } from './applications/applications.service.js';
import { AssessmentsByApplicationLoader } from './assessment/assessment.loaders.js';
import { AssessmentResolver } from './assessment/assessment.resolver.js';
import { AssessmentService } from './assessment/assessment.service.js';
import { AuditTrailResolver } from './audit-trail/audit-trail.resolver.js';
import { AuditTrailService } from './audit-trail/audit-trail.service.js';
import { PaymentsByAwardLoader } from './awards/awards.loaders.js';
import { FundsResolver } from './funds/funds.resolver.js';
import { FundLedger } from './funds/fund-ledger.js';
import { StatusCountsByFundLoader } from './funds/funds.loaders.js';
import { FundsService } from './funds/funds.service.js';
import { ApplicationPaymentsResolver, AwardsResolver } from './awards/awards.resolver.js';
import { AwardsService } from './awards/awards.service.js';
import { ReportsByAwardLoader } from './monitoring/monitoring.loaders.js';
import { ApplicationMonitoringResolver, MonitoringResolver } from './monitoring/monitoring.resolver.js';
import { MonitoringService } from './monitoring/monitoring.service.js';
import { GrantsPublishingModule } from './publishing/publishing.module.js';
import { GrantsReportsModule } from './reports/reports.module.js';
import { RoundsByFundLoader } from './rounds/rounds.loaders.js';
import { FundRoundsResolver, RoundsResolver } from './rounds/rounds.resolver.js';
import { RoundsService } from './rounds/rounds.service.js';

/** Funds, rounds, applications, assessment, awards, payments, monitoring, reports and 360Giving. */
@Module({
  imports: [AuthModule, DirectoryModule, GrantsPublishingModule, GrantsReportsModule],
  providers: [
    FundsService,
    FundsResolver,
    RoundsService,
    RoundsResolver,
    FundRoundsResolver,
    ApplicationsService,
    ApplicationsResolver,
    AssessmentService,
    AssessmentResolver,
    FundLedger,
    AwardsService,
    AwardsResolver,
    ApplicationPaymentsResolver,
    MonitoringService,
    MonitoringResolver,
    ApplicationMonitoringResolver,
    AuditTrailService,
    AuditTrailResolver,
    RoundsByFundLoader,
    StatusCountsByFundLoader,
    PaymentsByAwardLoader,
    ReportsByAwardLoader,
    AssessmentsByApplicationLoader,
  ],
  exports: [FundsService, ApplicationsService],
})
export class GrantsModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly funds: FundsService,
    private readonly rounds: RoundsService,
    private readonly applications: ApplicationsService,
    private readonly awards: AwardsService,
    private readonly monitoring: MonitoringService,
  ) {}

  onModuleInit(): void {
    this.nodes.register('GrantFund', async (id, context) => {
      const [fund] = await this.funds.fundsByIds(viewerOf(context), [id]);
      return fund ?? null;
    });
    this.nodes.register('GrantRound', (id, context) => this.rounds.visibleRound(viewerOf(context), id));
    this.nodes.register('GrantApplication', async (id, context) => {
      const [application] = await this.applications.visibleByIds(viewerOf(context), [id]);
      return application ?? null;
    });
    this.nodes.register('GrantPayment', (id, context) => this.awards.visiblePayment(viewerOf(context), id));
    this.nodes.register('MonitoringReport', (id, context) => this.monitoring.visibleReport(viewerOf(context), id));
  }
}
