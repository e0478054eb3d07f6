import { Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AppConfig } from '@cohesion/config';
import { tooManyRequests } from '@cohesion/common';
import { requestOf } from '../access/access.guard.js';
import { RateLimiter } from './rate-limiter.js';

const THROTTLE = 'cohesion:auth-throttle';

export interface AuthThrottleOptions {
  /** Also count attempts per email address (`input.email`), wherever they come from. */
  perEmail?: boolean;
}

/** Marks a sign-in operation for throttling by the AuthThrottleGuard. */
export function ThrottleAuth(options: AuthThrottleOptions = {}): MethodDecorator {
  return SetMetadata(THROTTLE, options);
}

/**
 * Slows password guessing and account enumeration: attempts are counted per client
 * address for every sign-in operation, and per email address for login, so guessing one
 * person's password is slowed however many addresses it comes from.
 */
@Injectable()
export class AuthThrottleGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const options = this.reflector.get<AuthThrottleOptions | undefined>(THROTTLE, context.getHandler());
    if (!options) return true;
    const operation = context.getHandler().name;
    const ip = requestOf(context).ip ?? 'unknown';
    this.check(`${operation}:ip:${ip}`, this.config.authThrottlePerIp);
    if (options.perEmail) {
      const args = GqlExecutionContext.create(context).getArgs<{ input?: { email?: unknown } }>();
      const email = typeof args.input?.email === 'string' ? args.input.email.trim().toLowerCase() : '';
      this.check(`${operation}:email:${email}`, this.config.loginThrottlePerEmail);
    }
    return true;
  }

  private check(key: string, rule: { limit: number; windowSeconds: number }): void {
    const decision = this.limiter.hit(key, rule.limit, rule.windowSeconds);
    if (!decision.allowed) throw tooManyRequests(decision.retryAfterSeconds);
  }
}
