import { setTimeout as sleep } from 'node:timers/promises';
import { ApiError } from './api-error';

/** How many wrong guesses a key (an address, a student, an e-mail) may make, and how fast. */
export interface GuessRule {
  /** What is counted, for the refusal: "wrong rejoin codes". */
  readonly what: string;
  readonly windowMs: number;
  /** Wrong guesses in a window after which each attempt waits its turn, slower and slower. */
  readonly freeGuesses: number;
  /** Wrong guesses in a window after which guesses are refused (see checkGuess for which). */
  readonly limit: number;
  /** The first wait; it doubles with each further wrong guess, up to maxDelayMs. */
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
}

/** Past this many maximal delays queued for one key, an attempt is refused at once. */
const MAX_QUEUED_DELAYS = 4;

interface GuessWindow {
  start: number;
  wrong: number;
  /** When the last slowed attempt of this key was let through to be checked. */
  lastTurnAt: number;
}

/**
 * Wrong guesses of a secret (a rejoin code, a password, a join code) counted per key in a fixed
 * window, in memory. Past `freeGuesses` every attempt for the key waits its turn, the turns a
 * growing delay apart (a burst queues rather than runs in parallel), and past `limit` guesses
 * are refused. Each instance counts its own traffic.
 */
export class GuessLimiter {
  private readonly windows = new Map<string, GuessWindow>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(readonly rule: GuessRule) {
    this.sweeper = setInterval(() => {
      this.sweep();
    }, rule.windowMs);
    this.sweeper.unref();
  }

  private windowOf(key: string, now: number): GuessWindow {
    const window = this.windows.get(key);
    if (window && now - window.start < this.rule.windowMs) return window;
    const fresh = { start: now, wrong: 0, lastTurnAt: 0 };
    this.windows.set(key, fresh);
    return fresh;
  }

  /** Wrong guesses counted for the key in its current window. */
  wrongGuesses(key: string, now = Date.now()): number {
    return this.windowOf(key, now).wrong;
  }

  isOverLimit(key: string, now = Date.now()): boolean {
    return this.wrongGuesses(key, now) >= this.rule.limit;
  }

  /** The wait before one more attempt after `wrong` wrong guesses: 0, then doubling. */
  delayAfter(wrong: number): number {
    const { freeGuesses, firstDelayMs, maxDelayMs } = this.rule;
    if (wrong < freeGuesses) return 0;
    return Math.min(maxDelayMs, firstDelayMs * 2 ** (wrong - freeGuesses));
  }

  /**
   * Books the key's next turn and returns how long to wait for it: no wait while the key has
   * made fewer than `freeGuesses` wrong guesses, then one delay after the previous turn. Throws
   * a 429 rather than queue an attempt longer than a few maximal delays.
   */
  takeTurn(key: string, now = Date.now()): number {
    const window = this.windowOf(key, now);
    const delay = this.delayAfter(window.wrong);
    if (delay === 0) return 0;
    const turnAt = Math.max(now, window.lastTurnAt) + delay;
    if (turnAt - now > MAX_QUEUED_DELAYS * this.rule.maxDelayMs) {
      throw this.refusal(key, now, 'attempts at once');
    }
    window.lastTurnAt = turnAt;
    return turnAt - now;
  }

  /** Counts one wrong guess; returns the key's count. */
  countWrong(key: string, now = Date.now()): number {
    const window = this.windowOf(key, now);
    window.wrong += 1;
    return window.wrong;
  }

  /** Takes back one wrong guess counted ahead of the check, when the guess was right after all. */
  forgive(key: string): void {
    const window = this.windows.get(key);
    if (window && window.wrong > 0) window.wrong -= 1;
  }

  /** A 429 that says how long until the key's window ends. */
  refusal(key: string, now = Date.now(), what = this.rule.what): ApiError {
    const window = this.windowOf(key, now);
    const seconds = Math.max(1, Math.ceil((window.start + this.rule.windowMs - now) / 1000));
    return new ApiError(
      429,
      'rate_limited',
      `Too many ${what} in a short time. Wait ${seconds} s and try again.`,
    );
  }

  private sweep(now = Date.now()) {
    for (const [key, window] of this.windows) {
      if (now - window.start >= this.rule.windowMs) this.windows.delete(key);
    }
  }

  close() {
    clearInterval(this.sweeper);
  }
}

/** One limiter and the key it counts under. */
export type GuessKey = readonly [GuessLimiter, string];

/**
 * Checks one guess under two counts: the client's address, and (when there is one) the target
 * the guess is about (a student, an account). Both slow the attempt down with a growing delay
 * before it is checked (so the answer comes no sooner for a right guess than for a wrong one). Past the target's limit every attempt on that target is refused, a
 * right one too, so a secret cannot be guessed by spreading guesses over many addresses. Past
 * the address's limit only wrong guesses are refused: a right one still gets through, so a
 * class behind one school address is never locked out by one student guessing.
 *
 * `check` returns the result of a right guess, or null for a wrong one (the caller then refuses
 * it in its own words). A target's guess is counted before the check (a burst of guesses cannot
 * outrun the count) and forgiven when it was right.
 */
export async function checkGuess<T>(
  keys: { readonly byAddress: GuessKey; readonly byTarget?: GuessKey },
  check: () => Promise<T | null>,
): Promise<T | null> {
  const [addressLimiter, address] = keys.byAddress;
  const target = keys.byTarget;
  if (target?.[0].isOverLimit(target[1])) throw target[0].refusal(target[1]);
  // The address's delay is not queued: a class shares it, and queueing their attempts behind a
  // guesser's would lock them out. The target's turns are queued (a burst for one student or
  // account waits its turns one after another), and capped by its limit.
  const wait = Math.max(
    addressLimiter.delayAfter(addressLimiter.wrongGuesses(address)),
    target?.[0].takeTurn(target[1]) ?? 0,
  );
  target?.[0].countWrong(target[1]);
  let result: T | null;
  try {
    if (wait > 0) await sleep(wait);
    result = await check();
  } catch (error) {
    target?.[0].forgive(target[1]);
    throw error;
  }
  if (result !== null) {
    target?.[0].forgive(target[1]);
    return result;
  }
  if (addressLimiter.countWrong(address) > addressLimiter.rule.limit) {
    throw addressLimiter.refusal(address);
  }
  return null;
}
