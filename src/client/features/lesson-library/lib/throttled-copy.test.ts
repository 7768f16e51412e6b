import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ThrottledCopy } from './throttled-copy';

describe('ThrottledCopy', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes the first copy at once and the newest one when the interval ends', () => {
    const written: string[] = [];
    const copy = new ThrottledCopy<string>((v) => written.push(v), 250);
    copy.keep('a');
    copy.keep('ab');
    copy.keep('abc');
    expect(written).toEqual(['a']);
    vi.advanceTimersByTime(250);
    expect(written).toEqual(['a', 'abc']);
    vi.advanceTimersByTime(1000);
    expect(written).toEqual(['a', 'abc']);
    copy.keep('abcd');
    expect(written).toEqual(['a', 'abc', 'abcd']);
  });

  it('writes the waiting copy when flushed, and nothing once cancelled', () => {
    const written: string[] = [];
    const copy = new ThrottledCopy<string>((v) => written.push(v), 250);
    copy.keep('a');
    copy.keep('ab');
    copy.flush();
    expect(written).toEqual(['a', 'ab']);
    copy.keep('abc');
    copy.cancel();
    vi.advanceTimersByTime(250);
    copy.flush();
    expect(written).toEqual(['a', 'ab']);
  });
});
