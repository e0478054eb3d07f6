import { Global, Module } from '@nestjs/common';
import { AuthModule } from '@cohesion/auth';
import { NotificationsModule } from '@cohesion/notifications';
import { WebTokens } from './csrf.js';
import { Pages } from './pages.js';
import { WebSessionMiddleware } from './web-session.middleware.js';

/** What every page shares: form tokens, post-redirect-get, the web session middleware. */
@Global()
@Module({
  imports: [AuthModule, NotificationsModule],
  providers: [WebTokens, Pages, WebSessionMiddleware],
  exports: [WebTokens, Pages, WebSessionMiddleware],
})
export class WebPlatformModule {}
