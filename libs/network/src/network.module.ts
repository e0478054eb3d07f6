import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { AuthModule } from '@cohesion/auth';
import { BackgroundTasks, NodeRegistry, viewerOf } from '@cohesion/common';
import { DirectoryModule, PRACTITIONER_RELATIONSHIPS } from '@cohesion/directory';
import { BlocksResolver } from './blocks/blocks.resolver.js';
import { BlocksService } from './blocks/blocks.service.js';
import { ConnectionsResolver } from './connections/connections.resolver.js';
import { ConnectionsService } from './connections/connections.service.js';
import { NoticeBlocks } from '@cohesion/notifications';
import { ConnectionRelationships, NetworkNoticeBlocks } from './connections/network-relationships.js';
import { IntroductionExpiryTask } from './introductions/introduction-expiry.task.js';
import { INTRODUCTION_TYPE } from './introductions/introduction.mapper.js';
import { IntroductionsResolver } from './introductions/introductions.resolver.js';
import { IntroductionsService } from './introductions/introductions.service.js';
import { NetworkGraphResolver } from './graph/network-graph.resolver.js';
import { NetworkGraphService } from './graph/network-graph.service.js';
import { PartnershipsByOrganisationLoader } from './partnerships/partnerships.loaders.js';
import { OrganisationPartnershipsResolver, PartnershipsResolver } from './partnerships/partnerships.resolver.js';
import { PartnershipsService } from './partnerships/partnerships.service.js';
import { IntroductionPathsResolver } from './paths/introduction-paths.resolver.js';
import { IntroductionPathsService } from './paths/introduction-paths.service.js';
import { SuggestionsResolver } from './suggestions/suggestions.resolver.js';
import { MISUSE_REPORT_TYPE } from './reports/misuse-report.mapper.js';
import { MisuseReportsResolver } from './reports/misuse-reports.resolver.js';
import { MisuseReportsService } from './reports/misuse-reports.service.js';
import { SuggestionsService } from './suggestions/suggestions.service.js';

/**
 * How the directory and the notice path ask whether people are connected or have
 * blocked each other. Global and free of imports, so they can use it without importing
 * the network (which itself builds on both).
 */
@Global()
@Module({
  providers: [
    { provide: PRACTITIONER_RELATIONSHIPS, useClass: ConnectionRelationships },
    { provide: NoticeBlocks, useClass: NetworkNoticeBlocks },
  ],
  exports: [PRACTITIONER_RELATIONSHIPS, NoticeBlocks],
})
export class NetworkRelationshipsModule {}

/** Connections, introductions, blocks, suggested peers, introduction paths and the network graph. */
@Module({
  imports: [AuthModule, DirectoryModule, NetworkRelationshipsModule],
  providers: [
    ConnectionsService,
    ConnectionsResolver,
    IntroductionsService,
    IntroductionsResolver,
    IntroductionExpiryTask,
    BlocksService,
    BlocksResolver,
    SuggestionsService,
    SuggestionsResolver,
    IntroductionPathsService,
    IntroductionPathsResolver,
    NetworkGraphService,
    NetworkGraphResolver,
    PartnershipsService,
    PartnershipsByOrganisationLoader,
    PartnershipsResolver,
    OrganisationPartnershipsResolver,
    MisuseReportsService,
    MisuseReportsResolver,
  ],
  exports: [
    IntroductionsService,
    IntroductionExpiryTask,
    SuggestionsService,
    IntroductionPathsService,
    ConnectionsService,
    BlocksService,
    MisuseReportsService,
    PartnershipsService,
    NetworkGraphService,
  ],
})
export class NetworkModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly tasks: BackgroundTasks,
    private readonly introductions: IntroductionsService,
    private readonly expiry: IntroductionExpiryTask,
    private readonly partnerships: PartnershipsService,
    private readonly reports: MisuseReportsService,
  ) {}

  onModuleInit(): void {
    this.tasks.register(this.expiry);
    this.nodes.register(INTRODUCTION_TYPE, async (id, context) => {
      const [introduction] = await this.introductions.visibleByIds(viewerOf(context), [id]);
      return introduction ?? null;
    });
    this.nodes.register('Partnership', async (id, context) => {
      const [partnership] = await this.partnerships.visibleByIds(viewerOf(context), [id]);
      return partnership ?? null;
    });
    this.nodes.register(MISUSE_REPORT_TYPE, async (id, context) => {
      const [report] = await this.reports.visibleByIds(viewerOf(context), [id]);
      return report ?? null;
    });
  }
}
