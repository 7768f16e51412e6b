import { afterEach, describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  const limiter = new RateLimiter(2, 1000, 'joins');
  afterEach(() => {
    limiter.close();
  });

  it('lets the limit through per key and window, then refuses with a 429', () => {
    limiter.take('a', 0);
    limiter.take('a', 10);
    limiter.take('b', 10);
    expect(() => {
      limiter.take('a', 500);
    }).toThrow(/Too many joins in a short time. Wait 1 s/);
    // A new window starts afresh.
    expect(() => {
      limiter.take('a', 1000);
    }).not.toThrow();
  });

  it('counts only what is not released, so a limit can count failures alone', () => {
    for (let i = 0; i < 10; i += 1) {
      limiter.take('c', 0);
      limiter.release('c');
    }
    limiter.take('c', 1);
    limiter.take('c', 2);
    expect(() => {
      limiter.take('c', 3);
    }).toThrow(/Too many joins/);
  });
});
