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
});
