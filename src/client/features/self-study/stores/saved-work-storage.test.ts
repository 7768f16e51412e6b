import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SavedWork } from '../lib/saved-work';
import { SAVED_WORK_VERSION, savedWorkStorage } from './saved-work-storage';
import { memoryStorage } from '#shared/testing/memory-storage';

const KEY = 'work';

const answered = (itemId: string, text: string, at: number): SavedWork => ({
  workByLesson: {
    lesson: {
      items: { [itemId]: { answer: { kind: 'prompt', text }, isSkipped: false, at } },
      lastSectionId: null,
      lastSectionAt: 0,
      startedAt: at,
    },
  },
  startedOverAt: {},
});

describe('savedWorkStorage', () => {
  beforeEach(() => {
    vi.stubGlobal('localStorage', memoryStorage());
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('merges a save with what another tab stored instead of writing over it', () => {
    savedWorkStorage.setItem(KEY, { state: answered('b', 'From tab B', 20), version: 2 });
    savedWorkStorage.setItem(KEY, { state: answered('a', 'From tab A', 30), version: 2 });
    const stored = savedWorkStorage.getItem(KEY);
    expect(stored).not.toBeInstanceOf(Promise);
    expect(
      Object.keys((stored as { state: SavedWork }).state.workByLesson.lesson?.items ?? {}),
    ).toEqual(['a', 'b']);
  });

  it('keeps a start-over against a tab that still holds the older answers', () => {
    savedWorkStorage.setItem(KEY, {
      state: { workByLesson: {}, startedOverAt: { lesson: 50 } },
      version: 2,
    });
    savedWorkStorage.setItem(KEY, { state: answered('a', 'Stale', 30), version: 2 });
    expect(savedWorkStorage.getItem(KEY)).toEqual({
      state: { workByLesson: {}, startedOverAt: { lesson: 50 } },
      version: SAVED_WORK_VERSION,
    });
  });

  it('writes nothing when a save changes nothing, so tabs do not echo each other', () => {
    savedWorkStorage.setItem(KEY, { state: answered('a', 'Once', 10), version: 2 });
    const setItem = vi.spyOn(localStorage, 'setItem');
    savedWorkStorage.setItem(KEY, { state: answered('a', 'Once', 10), version: 2 });
    expect(setItem).not.toHaveBeenCalled();
  });

  it('replaces stored text that is not JSON at the next save', () => {
    localStorage.setItem(KEY, '{');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(savedWorkStorage.getItem(KEY)).toEqual({
      state: { workByLesson: {}, startedOverAt: {} },
      version: SAVED_WORK_VERSION,
    });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('not JSON'), expect.anything());
    savedWorkStorage.setItem(KEY, { state: answered('a', 'Fresh', 10), version: 2 });
    expect(JSON.parse(localStorage.getItem(KEY) ?? '')).toMatchObject({
      version: SAVED_WORK_VERSION,
    });
  });
});
