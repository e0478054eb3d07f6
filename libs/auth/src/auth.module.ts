import { Module, type OnModuleInit } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { BackgroundTasks, NodeRegistry, viewerOf } from '@cohesion/common';
import { AccessGuard } from './access/access.guard.js';
import { JwtStrategy } from './access/jwt.strategy.js';
import { ViewerReader } from './access/viewer.reader.js';
import { ACCOUNT_TYPE, toAccountModel } from './accounts/account.mapper.js';
import { RoleGrantsService } from './accounts/role-grants.service.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { PasswordHasher } from './passwords/password-hasher.js';
import { AuthThrottle } from './throttling/auth-throttle.js';
import { AuthThrottleInterceptor } from './throttling/auth-throttle.interceptor.js';
import { WebSessions } from './web-sessions/web-sessions.service.js';
import { WebSessionPurgeTask } from './web-sessions/web-session-purge.task.js';
import { RateLimiter } from './throttling/rate-limiter.js';
import { TokenService } from './tokens/token.service.js';
import { AccountLinks } from './links/account-links.js';
import { PasswordRecoveryService } from './passwords/password-recovery.service.js';
import { PasswordResetTask } from './passwords/password-reset.task.js';
import { EmailVerificationService } from './verification/email-verification.service.js';
import { UnverifiedAccountPurgeTask } from './verification/unverified-account-purge.task.js';
import { AccountSuspensionResolver } from './suspension/suspension.resolver.js';
import { AccountSuspensionService } from './suspension/suspension.service.js';
import { OidcAttemptPurgeTask } from './oidc/oidc-attempt-purge.task.js';
import { OidcConnectionsService } from './oidc/oidc-connections.service.js';
import { OidcController } from './oidc/oidc.controller.js';
import { OidcProviderClient } from './oidc/oidc-provider-client.js';
import { OidcResolver } from './oidc/oidc.resolver.js';
import { OidcSignInService } from './oidc/oidc-sign-in.service.js';

@Module({
  imports: [PassportModule, JwtModule.register({})],
  controllers: [OidcController],
  providers: [
    AuthService,
    TokenService,
    PasswordHasher,
    ViewerReader,
    JwtStrategy,
    AuthThrottle,
    AuthThrottleInterceptor,
    WebSessions,
    WebSessionPurgeTask,
    RateLimiter,
    AuthResolver,
    RoleGrantsService,
    AccountLinks,
    EmailVerificationService,
    PasswordRecoveryService,
    UnverifiedAccountPurgeTask,
    PasswordResetTask,
    AccountSuspensionService,
    AccountSuspensionResolver,
    OidcProviderClient,
    OidcSignInService,
    OidcConnectionsService,
    OidcResolver,
    OidcAttemptPurgeTask,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [
    AuthService,
    RoleGrantsService,
    PasswordHasher,
    RateLimiter,
    AuthThrottle,
    WebSessions,
    EmailVerificationService,
    PasswordRecoveryService,
    AccountSuspensionService,
    OidcSignInService,
    OidcConnectionsService,
  ],
})
export class AuthModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly auth: AuthService,
    private readonly tasks: BackgroundTasks,
    private readonly purge: UnverifiedAccountPurgeTask,
    private readonly resets: PasswordResetTask,
    private readonly signInAttempts: OidcAttemptPurgeTask,
    private readonly webSessions: WebSessionPurgeTask,
  ) {}

  onModuleInit(): void {
    this.tasks.register(this.purge);
    this.tasks.register(this.resets);
    this.tasks.register(this.signInAttempts);
    this.tasks.register(this.webSessions);
    // An account is visible through node(id) to itself only.
    this.nodes.register(ACCOUNT_TYPE, async (id, context) => {
      const viewer = viewerOf(context);
      if (viewer.accountId !== id) return null;
      const account = await this.auth.account(id);
      return account ? toAccountModel(account, viewer.grants) : null;
    });
  }
}
