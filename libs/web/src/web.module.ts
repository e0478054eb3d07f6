import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { AuthModule } from '@cohesion/auth';
import { AppConfig } from '@cohesion/config';
import { NotificationsModule } from '@cohesion/notifications';
import { ACCOUNT_PAGES, AccountsWebModule } from './accounts/accounts.web.module.js';
import { ADMIN_PAGES, AdminWebModule } from './admin/admin.web.module.js';
import { DIRECTORY_PAGES, DirectoryWebModule } from './directory/directory.web.module.js';
import { HOME_PAGES, HomeWebModule } from './home/home.web.module.js';
import { GRAPH_PAGES, NetworkGraphWebModule } from './network/graph/network-graph.web.module.js';
import { NETWORK_PAGES, NetworkWebModule } from './network/network.web.module.js';
import { NOTIFICATION_PAGES, NotificationsWebModule } from './notifications/notifications.web.module.js';
import { PEOPLE_PAGES, PeopleWebModule } from './people/people.web.module.js';
import { webSecurityHeaders } from './platform/web-setup.js';
import { WebPlatformModule } from './platform/web-platform.module.js';
import { WebSessionMiddleware } from './platform/web-session.middleware.js';

/** Every controller of pages: the web session middleware and the security headers run before each. */
export const WEB_CONTROLLERS = [
  ...HOME_PAGES,
  ...ACCOUNT_PAGES,
  ...DIRECTORY_PAGES,
  ...NETWORK_PAGES,
  ...GRAPH_PAGES,
  ...NOTIFICATION_PAGES,
  ...ADMIN_PAGES,
  ...PEOPLE_PAGES,
];

/** The website, a folder per domain. */
@Module({
  imports: [
    AuthModule,
    NotificationsModule,
    WebPlatformModule,
    HomeWebModule,
    AccountsWebModule,
    DirectoryWebModule,
    NetworkWebModule,
    NetworkGraphWebModule,
    NotificationsWebModule,
    AdminWebModule,
    PeopleWebModule,
  ],
})
export class WebModule implements NestModule {
  constructor(private readonly config: AppConfig) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(webSecurityHeaders(this.config), WebSessionMiddleware).forRoutes(...WEB_CONTROLLERS);
  }
}
