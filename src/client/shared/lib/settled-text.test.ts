import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSettledText } from './settled-text';

describe('createSettledText', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports the status once typing pauses for good, not at every short pause', () => {
    const said: string[] = [];
    const settled = createSettledText('', 1500, (text) => said.push(text));
    // Typing with short pauses: each pause saves, so the status flickers.
    for (let pause = 0; pause < 4; pause += 1) {
      settled.update('Saving…');
      vi.advanceTimersByTime(700);
      settled.update('Saved');
      vi.advanceTimersByTime(700);
    }
    expect(said).toEqual([]);
    vi.advanceTimersByTime(800);
    expect(said).toEqual(['Saved']);
  });

  it('reports a second save that ends on the same words, and never the starting text', () => {
    const said: string[] = [];
    const settled = createSettledText('Saved', 1500, (text) => said.push(text));
    settled.update('Saved');
    vi.advanceTimersByTime(5000);
    expect(said).toEqual([]);
    settled.update('Saving…');
    settled.update('Saved');
    vi.advanceTimersByTime(1500);
    settled.update('Saving…');
    vi.advanceTimersByTime(100);
    settled.update('Saved');
    vi.advanceTimersByTime(1500);
    expect(said).toEqual(['Saved', 'Saved']);
  });

  it('says nothing for an empty status or after it is disposed', () => {
    const said: string[] = [];
    const settled = createSettledText('Saved', 1500, (text) => said.push(text));
    settled.update('');
    vi.advanceTimersByTime(1500);
    settled.update('Saving…');
    settled.dispose();
    vi.advanceTimersByTime(1500);
    expect(said).toEqual([]);
  });
});
