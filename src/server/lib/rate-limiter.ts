import { ApiError } from './api-error';

/**
 * Fixed-window request counting in memory, per key (a client address, a participant). Each
 * instance counts its own traffic: behind a load balancer the effective limit is per instance.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly what: string,
  ) {
    this.sweeper = setInterval(() => {
      this.sweep();
    }, windowMs);
    this.sweeper.unref();
  }

  /** Counts one request for the key; throws a 429 ApiError once the key is over its limit. */
  take(key: string, now = Date.now()): void {
    if (!this.tryTake(key, now)) throw this.refusal(key, now);
  }

  /** Counts one request for the key; false once the key is over its limit. */
  tryTake(key: string, now = Date.now()): boolean {
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      return true;
    }
    window.count += 1;
    return window.count <= this.limit;
  }

  /**
   * Gives back one request counted in the key's current window: a limiter that counts only
   * failures takes a slot before the work (so a burst cannot outrun it) and returns it on success.
   */
  release(key: string): void {
    const window = this.windows.get(key);
    if (window && window.count > 0) window.count -= 1;
  }

  /** A 429 that says how long until the key's window ends. */
  refusal(key: string, now = Date.now()): ApiError {
    const window = this.windows.get(key);
    const ends = window ? window.start + this.windowMs : now;
    const seconds = Math.max(1, Math.ceil((ends - now) / 1000));
    return new ApiError(
      429,
      'rate_limited',
      `Too many ${this.what} in a short time. Wait ${seconds} s and try again.`,
    );
  }

  private sweep(now = Date.now()) {
    for (const [key, window] of this.windows) {
      if (now - window.start >= this.windowMs) this.windows.delete(key);
    }
  }

  close() {
    clearInterval(this.sweeper);
  }
}
