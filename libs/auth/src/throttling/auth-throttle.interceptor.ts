import { Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { tap, type Observable } from 'rxjs';
import { requestOf } from '../access/access.guard.js';
import { AuthThrottle, type AuthThrottleOptions } from './auth-throttle.js';

export type { AuthThrottleOptions } from './auth-throttle.js';

const THROTTLE = 'cohesion:auth-throttle';

/** Marks a sign-in operation for throttling by the AuthThrottleInterceptor. */
export function ThrottleAuth(options: AuthThrottleOptions = {}): MethodDecorator {
  return SetMetadata(THROTTLE, options);
}

/** Applies the AuthThrottle to a GraphQL operation marked with @ThrottleAuth, keyed by the operation's name. */
@Injectable()
export class AuthThrottleInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly throttle: AuthThrottle,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const options = this.reflector.get<AuthThrottleOptions | undefined>(THROTTLE, context.getHandler());
    if (!options) return next.handle();
    const email = options.perEmail
      ? GqlExecutionContext.create(context).getArgs<{ input?: { email?: unknown } }>().input?.email
      : undefined;
    const attempt = this.throttle.begin(context.getHandler().name, { ip: requestOf(context).ip, email }, options);
    return next
      .handle()
      .pipe(tap({ next: () => attempt.settle({}), error: (error: unknown) => attempt.settle({ error }) }));
  }
}
