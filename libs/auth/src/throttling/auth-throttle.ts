import { Injectable } from '@nestjs/common';
import { AppConfig } from '@cohesion/config';
import { callerErrorOf, tooManyRequests } from '@cohesion/common';
import { RateLimiter, type RateRule } from './rate-limiter.js';

export interface AuthThrottleOptions {
  /**
   * What counts against the limits: only failed attempts (the default: a success is given
   * back, so many people signing in behind one address are never slowed), or every
   * attempt (register, where each success creates an account).
   */
  count?: 'failures' | 'attempts';
  /** Also count per email address: per client address, and in total. */
  perEmail?: boolean;
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
 *
 * The API's operations and the website's forms share one set of counters per operation
 * (`login`, `register`...), so neither is a way round the other.
 */
@Injectable()
export class AuthThrottle {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  /** Counts the attempt (throwing TOO_MANY_REQUESTS over a limit); `settle` gives it back when it should not count. */
  begin(
    operation: string,
    caller: { ip: string | undefined; email?: unknown },
    options: AuthThrottleOptions,
  ): { settle(outcome: { error?: unknown }): void } {
    const taken = this.limiter.take(this.rulesFor(operation, caller, options));
    if (!taken.allowed) throw tooManyRequests(taken.retryAfterSeconds);
    return {
      settle: ({ error }) => {
        if (options.count === 'attempts') return;
        if (error === undefined) return this.limiter.refund(taken.ticket);
        const known = callerErrorOf(error);
        if (!known || known.error.code === 'SERVICE_UNAVAILABLE') this.limiter.refund(taken.ticket);
      },
    };
  }

  /** Runs `work` as one attempt of `operation`. */
  async run<T>(
    operation: string,
    caller: { ip: string | undefined; email?: unknown },
    options: AuthThrottleOptions,
    work: () => Promise<T>,
  ): Promise<T> {
    const attempt = this.begin(operation, caller, options);
    try {
      const result = await work();
      attempt.settle({});
      return result;
    } catch (error) {
      attempt.settle({ error });
      throw error;
    }
  }

  private rulesFor(
    operation: string,
    caller: { ip: string | undefined; email?: unknown },
    options: AuthThrottleOptions,
  ): RateRule[] {
    const ip = caller.ip ?? 'unknown';
    const rules: RateRule[] = [{ key: `${operation}:ip:${ip}`, ...this.config.authThrottlePerIp }];
    if (options.perEmail) {
      const email = typeof caller.email === 'string' ? caller.email.trim().toLowerCase() : '';
      rules.push(
        { key: `${operation}:email-ip:${JSON.stringify([email, ip])}`, ...this.config.loginThrottlePerEmail },
        { key: `${operation}:email:${email}`, ...this.config.loginThrottlePerEmailTotal },
      );
    }
    return rules;
  }
}
