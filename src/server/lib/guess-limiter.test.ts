import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { checkGuess, GuessLimiter, type GuessRule } from './guess-limiter';

const RULE: GuessRule = {
  what: 'wrong codes',
  windowMs: 60_000,
  freeGuesses: 2,
  limit: 4,
  firstDelayMs: 100,
  maxDelayMs: 400,
};

const open: GuessLimiter[] = [];
const limiter = (rule: Partial<GuessRule> = {}) => {
  const made = new GuessLimiter({ ...RULE, ...rule });
  open.push(made);
  return made;
};
afterEach(() => {
  for (const made of open.splice(0)) made.close();
});

describe('GuessLimiter', () => {
  it('waits nothing for the free guesses, then a delay doubling up to the maximum', () => {
    const guesses = limiter();
    expect([0, 1, 2, 3, 4, 5, 6].map((wrong) => guesses.delayAfter(wrong))).toEqual([
      0, 0, 100, 200, 400, 400, 400,
    ]);
  });

  it('queues the turns of a burst one delay apart, and refuses past four maximal delays', () => {
    const guesses = limiter();
    guesses.countWrong('k', 0);
    guesses.countWrong('k', 0);
    guesses.countWrong('k', 0);
    // 3 wrong: each turn 200 ms after the one before.
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(() => guesses.takeTurn('k', 0))).toEqual([
      200, 400, 600, 800, 1000, 1200, 1400, 1600,
    ]);
    expect(() => guesses.takeTurn('k', 0)).toThrow(/Too many attempts at once/);
    // Another key is not held up.
    expect(guesses.takeTurn('other', 0)).toBe(0);
  });

  it('starts again when the window is over', () => {
    const guesses = limiter();
    for (let i = 0; i < 5; i += 1) guesses.countWrong('k', 0);
    expect(guesses.isOverLimit('k', 0)).toBe(true);
    expect(guesses.isOverLimit('k', 60_000)).toBe(false);
    expect(guesses.takeTurn('k', 60_000)).toBe(0);
  });
});

describe('checkGuess', () => {
  const right = () => Promise.resolve('in');
  const wrong = () => Promise.resolve(null);

  it('past the address limit refuses wrong guesses only; a right one gets in', async () => {
    const byAddress = limiter({ firstDelayMs: 1, maxDelayMs: 2 });
    for (let i = 0; i < 4; i += 1) {
      expect(await checkGuess({ byAddress: [byAddress, 'ip'] }, wrong)).toBeNull();
    }
    await expect(checkGuess({ byAddress: [byAddress, 'ip'] }, wrong)).rejects.toThrow(
      /Too many wrong codes/,
    );
    expect(await checkGuess({ byAddress: [byAddress, 'ip'] }, right)).toBe('in');
  });

  it('past the target limit refuses every guess at it, a right one too', async () => {
    const byAddress = limiter({ limit: 100, firstDelayMs: 1, maxDelayMs: 2 });
    const byTarget = limiter({ firstDelayMs: 1, maxDelayMs: 2 });
    const keys = (address: string) => ({
      byAddress: [byAddress, address] as const,
      byTarget: [byTarget, 'sam'] as const,
    });
    for (let i = 0; i < 4; i += 1) expect(await checkGuess(keys(`ip${i}`), wrong)).toBeNull();
    const refusal = await checkGuess(keys('elsewhere'), right).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ApiError);
    expect((refusal as ApiError).statusCode).toBe(429);
  });

  it('counts a guess at a target before checking it, so a burst cannot outrun the limit', async () => {
    const byAddress = limiter({ limit: 100, freeGuesses: 100 });
    const byTarget = limiter({ freeGuesses: 100, firstDelayMs: 1, maxDelayMs: 1 });
    let checked = 0;
    const slowWrong = async () => {
      checked += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return null;
    };
    const keys = { byAddress: [byAddress, 'ip'] as const, byTarget: [byTarget, 'sam'] as const };
    const burst = await Promise.allSettled(
      Array.from({ length: 10 }, () => checkGuess(keys, slowWrong)),
    );
    expect(checked).toBe(RULE.limit);
    expect(burst.filter((r) => r.status === 'rejected')).toHaveLength(10 - RULE.limit);
  });

  it('takes back a right guess, and the slowing starts only from wrong ones', async () => {
    const byAddress = limiter();
    const byTarget = limiter();
    const keys = { byAddress: [byAddress, 'ip'] as const, byTarget: [byTarget, 'sam'] as const };
    for (let i = 0; i < 10; i += 1) expect(await checkGuess(keys, right)).toBe('in');
    expect(byTarget.wrongGuesses('sam')).toBe(0);
    expect(byAddress.wrongGuesses('ip')).toBe(0);
  });
});
