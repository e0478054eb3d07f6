import { describe, expect, it } from '@jest/globals';
import { RateLimiter } from './rate-limiter.js';

describe('rate limiter', () => {
  it('allows up to the limit in a window, then refuses until it resets', () => {
    const limiter = new RateLimiter();
    const start = 1_000_000;
    expect(limiter.hit('k', 2, 60, start).allowed).toBe(true);
    expect(limiter.hit('k', 2, 60, start + 1000).allowed).toBe(true);
    const refused = limiter.hit('k', 2, 60, start + 2000);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 58 });
    expect(limiter.hit('other', 2, 60, start + 2000).allowed).toBe(true);
    expect(limiter.hit('k', 2, 60, start + 60_000).allowed).toBe(true);
    limiter.onModuleDestroy();
  });

  it('takes from several counters all or nothing, and gives back what it took', () => {
    const limiter = new RateLimiter();
    const start = 1_000_000;
    const address = { key: 'address', limit: 2, windowSeconds: 60 };
    const email = { key: 'email', limit: 5, windowSeconds: 60 };
    const first = limiter.take([address, email], start);
    const second = limiter.take([address, email], start);
    expect(first.allowed && second.allowed).toBe(true);
    // The address is full: refused, and the email's counter is left as it was.
    expect(limiter.take([address, email], start + 2000)).toEqual({ allowed: false, retryAfterSeconds: 58 });
    for (let i = 0; i < 3; i++) expect(limiter.take([email], start).allowed).toBe(true);
    expect(limiter.take([email], start).allowed).toBe(false);
    // A success gives its count back.
    if (second.allowed) limiter.refund(second.ticket);
    expect(limiter.take([address], start).allowed).toBe(true);
    expect(limiter.take([email], start).allowed).toBe(true);
    // A refund after the window reset leaves the new window alone.
    const late = limiter.take([address], start + 60_000);
    if (first.allowed) limiter.refund(first.ticket);
    expect(late.allowed).toBe(true);
    expect(limiter.take([address], start + 60_000).allowed).toBe(true);
    expect(limiter.take([address], start + 60_000).allowed).toBe(false);
    limiter.onModuleDestroy();
  });
});
