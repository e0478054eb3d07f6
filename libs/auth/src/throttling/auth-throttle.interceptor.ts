import { Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { tap, type Observable } from 'rxjs';
import { AppConfig } from '@cohesion/config';
import { callerErrorOf, tooManyRequests } from '@cohesion/common';
import { requestOf } from '../access/access.guard.js';
import { RateLimiter, type RateRule } from './rate-limiter.js';

const THROTTLE = 'cohesion:auth-throttle';

export interface AuthThrottleOptions {
  /**
   * What counts against the limits: only failed attempts (the default: a success is given
   * back, so many people signing in behind one address are never slowed), or every
   * attempt (register, where each success creates an account).
   */
  count?: 'failures' | 'attempts';
  /** Also count per email address (`input.email`): per client address, and in total. */
  perEmail?: boolean;
}

/** Marks a sign-in operation for throttling by the AuthThrottleInterceptor. */
export function ThrottleAuth(options: AuthThrottleOptions = {}): MethodDecorator {
  return SetMetadata(THROTTLE, options);
}

/**
 * Slows password guessing and account enumeration without letting anyone lock a person
 * out: failed attempts are counted per client address for each sign-in operation and,
 * for login, per email from each client address, so an attacker's failures lock out the
 * attacker's address and not the owner signing in from elsewhere. A much higher ceiling
 * per email across all addresses bounds guessing spread over many addresses. Attempts
 * are counted on arrival and a success is given back, so concurrent guesses cannot all
 * slip under a limit. An attempt that failed for a reason of ours (the database is
 * unavailable, a bug) is given back too.
 */
@Injectable()
export class AuthThrottleInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const options = this.reflector.get<AuthThrottleOptions | undefined>(THROTTLE, context.getHandler());
    if (!options) return next.handle();
    const taken = this.limiter.take(this.rulesFor(context, options));
    if (!taken.allowed) throw tooManyRequests(taken.retryAfterSeconds);
    if (options.count === 'attempts') return next.handle();
    const refund = () => this.limiter.refund(taken.ticket);
    return next.handle().pipe(
      tap({
        next: refund,
        error: (error: unknown) => {
          const known = callerErrorOf(error);
          if (!known || known.error.code === 'SERVICE_UNAVAILABLE') refund();
        },
      }),
    );
  }

  private rulesFor(context: ExecutionContext, options: AuthThrottleOptions): RateRule[] {
    const operation = context.getHandler().name;
    const ip = requestOf(context).ip ?? 'unknown';
    const rules: RateRule[] = [{ key: `${operation}:ip:${ip}`, ...this.config.authThrottlePerIp }];
    if (options.perEmail) {
      const args = GqlExecutionContext.create(context).getArgs<{ input?: { email?: unknown } }>();
      const email = typeof args.input?.email === 'string' ? args.input.email.trim().toLowerCase() : '';
      rules.push(
        { key: `${operation}:email-ip:${JSON.stringify([email, ip])}`, ...this.config.loginThrottlePerEmail },
        { key: `${operation}:email:${email}`, ...this.config.loginThrottlePerEmailTotal },
      );
    }
    return rules;
  }
}
