import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { AuditService } from './audit/audit.service.js';
import { BackgroundRunner, BackgroundTasks } from './background/background-tasks.js';
import { NodeRegistry } from './graphql/node.js';
import { Prefetcher } from './graphql/prefetch.js';
import { LOGGER } from './logging/logger.token.js';

/**
 * Platform services every domain uses: the logger, the audit writer, the node registry,
 * the GraphQL prefetcher and background tasks.
 */
@Global()
@Module({})
export class CommonModule {
  static forRoot(logger: Logger): DynamicModule {
    return {
      module: CommonModule,
      providers: [
        { provide: LOGGER, useValue: logger },
        AuditService,
        NodeRegistry,
        Prefetcher,
        BackgroundTasks,
        BackgroundRunner,
      ],
      exports: [LOGGER, AuditService, NodeRegistry, Prefetcher, BackgroundTasks, BackgroundRunner],
    };
  }
}
