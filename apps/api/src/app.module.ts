import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { TerminusModule } from '@nestjs/terminus';
import type { Logger } from 'pino';
import type { AppConfig } from '@cohesion/config';
import { InputValidationPipe } from '@cohesion/common';
import { AccountDeletionModule, AuthModule } from '@cohesion/auth';
import { DirectoryModule } from '@cohesion/directory';
import { GrantsModule } from '@cohesion/grants';
import { NetworkModule } from '@cohesion/network';
import { NotificationsModule } from '@cohesion/notifications';
import { OpenReferralModule } from '@cohesion/open-referral';
import { foundationModules } from '@cohesion/platform';
import { WebModule } from '@cohesion/web';
import { InProcessWorker } from './background/in-process-worker.js';
import { HttpErrorFilter } from './http/http-error.filter.js';
import { DemoDataModule } from './demo/demo-data.module.js';
import { GraphiqlAssetsController } from './graphql/graphiql.js';
import { graphqlOptions } from './graphql/graphql.options.js';
import { NodeResolver } from './graphql/node.resolver.js';
import { PersonalDataErasureModule } from './personal-data/personal-data-erasure.js';
import { PersonalDataModule } from './personal-data/personal-data.module.js';
import { DatabaseHealthIndicator, HealthController } from './health/health.controller.js';

/** The API process: configuration, database, GraphQL platform and every domain. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...foundationModules(config, logger),
        GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, ...graphqlOptions(config, logger) }),
        TerminusModule,
        AuthModule,
        NotificationsModule,
        DirectoryModule,
        NetworkModule,
        GrantsModule,
        OpenReferralModule,
        PersonalDataModule,
        PersonalDataErasureModule,
        AccountDeletionModule,
        DemoDataModule,
        WebModule,
      ],
      controllers: [HealthController, ...(config.isProduction ? [] : [GraphiqlAssetsController])],
      providers: [
        NodeResolver,
        DatabaseHealthIndicator,
        InProcessWorker,
        { provide: APP_PIPE, useClass: InputValidationPipe },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    };
  }
}
