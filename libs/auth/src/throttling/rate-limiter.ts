import { Injectable, type OnModuleDestroy } from '@nestjs/common';

export interface RateLimitDecision {
  allowed: boolean;
  /** Seconds until the window resets (when refused). */
  retryAfterSeconds: number;
}

/** One counter to take from: at most `limit` per window of `windowSeconds`. */
export interface RateRule {
  key: string;
  limit: number;
  windowSeconds: number;
}

interface Window {
  count: number;
  resetAt: number;
}

/** What `take` counted, to give back with `refund` (a success that should not count). */
export interface RateTicket {
  readonly windows: readonly Window[];
}

export type TakeDecision = { allowed: true; ticket: RateTicket } | { allowed: false; retryAfterSeconds: number };

/**
 * Fixed-window counters kept in this process's memory. Enough for one API process;
 * behind a load balancer each process counts on its own, so the effective limit is
 * multiplied by the number of processes (a shared store such as Redis would fix that).
 */
@Injectable()
export class RateLimiter implements OnModuleDestroy {
  private readonly windows = new Map<string, Window>();
  private readonly sweeper = setInterval(() => this.sweep(), 60_000).unref();

  hit(key: string, limit: number, windowSeconds: number, now = Date.now()): RateLimitDecision {
    const window = this.current(key, windowSeconds, now);
    window.count++;
    return { allowed: window.count <= limit, retryAfterSeconds: secondsUntil(window, now) };
  }

  /**
   * Counts one against every rule if each has room, else counts nothing and refuses with
   * the longest wait. All or nothing, so an attempt refused by one rule (its client
   * address is locked out) does not use up another's allowance (the email's, shared with
   * the owner). Counted on arrival, so concurrent attempts cannot all slip under a limit;
   * `refund` gives the count back when the attempt turns out not to count (a success).
   */
  take(rules: readonly RateRule[], now = Date.now()): TakeDecision {
    const windows = rules.map((rule) => this.current(rule.key, rule.windowSeconds, now));
    const full = windows.filter((window, index) => window.count >= rules[index].limit);
    if (full.length > 0) {
      return { allowed: false, retryAfterSeconds: Math.max(...full.map((window) => secondsUntil(window, now))) };
    }
    for (const window of windows) window.count++;
    return { allowed: true, ticket: { windows } };
  }

  /** Gives back what `take` counted, in windows that have not reset since. */
  refund(ticket: RateTicket): void {
    for (const window of ticket.windows) if (window.count > 0) window.count--;
  }

  private current(key: string, windowSeconds: number, now: number): Window {
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowSeconds * 1000 };
      this.windows.set(key, window);
    }
    return window;
  }

  private sweep(now = Date.now()): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }
}

function secondsUntil(window: Window, now: number): number {
  return Math.max(1, Math.ceil((window.resetAt - now) / 1000));
}
