import { Module } from '@nestjs/common';
import { AuthModule } from '../auth.module.js';
import { AuthThrottleInterceptor } from '../throttling/auth-throttle.interceptor.js';
import { AccountDeletionResolver } from './account-deletion.resolver.js';
import { AccountDeletionService } from './account-deletion.service.js';

/**
 * `deleteMyAccount` (and its service, for the website's page). Separate from AuthModule because it needs the app's ACCOUNT_ERASURE
 * (every domain's erasers), which processes without the API (the worker) do not load.
 */
@Module({
  imports: [AuthModule],
  providers: [AccountDeletionService, AccountDeletionResolver, AuthThrottleInterceptor],
  exports: [AccountDeletionService],
})
export class AccountDeletionModule {}
