import { Module, type OnModuleInit } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { NodeRegistry, viewerOf } from '@cohesion/common';
import { AccessGuard } from './access/access.guard.js';
import { JwtStrategy } from './access/jwt.strategy.js';
import { ViewerLoader } from './access/viewer.loader.js';
import { ACCOUNT_TYPE, toAccountModel } from './accounts/account.mapper.js';
import { RoleGrantsService } from './accounts/role-grants.service.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { PasswordHasher } from './passwords/password-hasher.js';
import { AuthThrottleInterceptor } from './throttling/auth-throttle.interceptor.js';
import { RateLimiter } from './throttling/rate-limiter.js';
import { TokenService } from './tokens/token.service.js';

@Module({
  imports: [PassportModule, JwtModule.register({})],
  providers: [
    AuthService,
    TokenService,
    PasswordHasher,
    ViewerLoader,
    JwtStrategy,
    AuthThrottleInterceptor,
    RateLimiter,
    AuthResolver,
    RoleGrantsService,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AuthService, RoleGrantsService, PasswordHasher, RateLimiter],
})
export class AuthModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly auth: AuthService,
  ) {}

  onModuleInit(): void {
    // An account is visible through node(id) to itself only.
    this.nodes.register(ACCOUNT_TYPE, async (id, context) => {
      const viewer = viewerOf(context);
      if (viewer.accountId !== id) return null;
      const account = await this.auth.account(id);
      return account ? toAccountModel(account, viewer.grants) : null;
    });
  }
}
