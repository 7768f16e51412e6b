import { describe, expect, it } from 'vitest';
import type { Answer } from '#domain/lesson/answers';
import { isSameSavedWork, mergeSavedWork } from './merge-work';
import type { ItemWork, LessonWork, SavedWork } from './saved-work';

const prompt = (text: string): Answer => ({ kind: 'prompt', text });
const given = (answer: Answer, at: number): ItemWork => ({ answer, isSkipped: false, at });
const skipped = (at: number, answer: Answer | null = null): ItemWork => ({
  answer,
  isSkipped: true,
  at,
});

function work(items: Record<string, ItemWork>, lastSection?: [string, number]): LessonWork {
  return {
    items,
    lastSectionId: lastSection?.[0] ?? null,
    lastSectionAt: lastSection?.[1] ?? 0,
    startedAt: Math.min(...Object.values(items).map((item) => item.at), lastSection?.[1] ?? 1e15),
  };
}

function saved(lessonWork?: LessonWork, startedOverAt?: number): SavedWork {
  return {
    workByLesson: lessonWork ? { lesson: lessonWork } : {},
    startedOverAt: startedOverAt === undefined ? {} : { lesson: startedOverAt },
  };
}

describe('mergeSavedWork', () => {
  it('keeps the answers each tab gave to different items', () => {
    const tabA = saved(work({ a: given(prompt('From A'), 10) }));
    const tabB = saved(work({ b: given(prompt('From B'), 20) }));
    expect(mergeSavedWork(tabA, tabB).workByLesson.lesson?.items).toEqual({
      a: given(prompt('From A'), 10),
      b: given(prompt('From B'), 20),
    });
  });

  it('keeps the later answer to the same item, whichever copy comes first', () => {
    const older = saved(work({ p: given(prompt('First thought'), 10) }));
    const newer = saved(work({ p: given(prompt('Second thought'), 30) }));
    expect(mergeSavedWork(older, newer).workByLesson.lesson?.items.p?.answer).toEqual(
      prompt('Second thought'),
    );
    expect(mergeSavedWork(newer, older)).toEqual(mergeSavedWork(older, newer));
  });

  it('treats skipping as a change like any other: the later of skip and answer wins', () => {
    const answeredLater = mergeSavedWork(
      saved(work({ p: skipped(10) })),
      saved(work({ p: given(prompt('Answered after all'), 20) })),
    );
    expect(answeredLater.workByLesson.lesson?.items.p).toEqual(
      given(prompt('Answered after all'), 20),
    );
    const skippedLater = mergeSavedWork(
      saved(work({ p: given(prompt('Half an answer'), 10) })),
      saved(work({ p: skipped(20, prompt('Half an answer')) })),
    );
    expect(skippedLater.workByLesson.lesson?.items.p).toEqual(
      skipped(20, prompt('Half an answer')),
    );
  });

  it('settles two changes made in the same millisecond the same way in every tab', () => {
    const a = saved(work({ p: given(prompt('A'), 10) }));
    const b = saved(work({ p: given(prompt('B'), 10) }));
    expect(JSON.stringify(mergeSavedWork(a, b))).toBe(JSON.stringify(mergeSavedWork(b, a)));
  });

  it('resumes at the section visited last', () => {
    const merged = mergeSavedWork(
      saved(work({}, ['two', 50])),
      saved(work({ p: given(prompt('x'), 10) }, ['one', 40])),
    );
    expect(merged.workByLesson.lesson?.lastSectionId).toBe('two');
    expect(merged.workByLesson.lesson?.startedAt).toBe(10);
  });

  it('lets a start-over win over every answer given before it, in any order', () => {
    const staleTab = saved(
      work({ a: given(prompt('Old A'), 10), b: given(prompt('Old B'), 20) }, ['one', 15]),
    );
    const startedOver = saved(undefined, 100);
    for (const merged of [
      mergeSavedWork(staleTab, startedOver),
      mergeSavedWork(startedOver, staleTab),
    ]) {
      expect(merged).toEqual({ workByLesson: {}, startedOverAt: { lesson: 100 } });
    }
  });

  it('keeps what is given after a start-over, and only that', () => {
    const staleTab = saved(work({ a: given(prompt('Old A'), 10) }, ['one', 10]));
    const freshTab = saved(work({ b: given(prompt('New B'), 120) }), 100);
    const merged = mergeSavedWork(staleTab, freshTab);
    expect(merged.workByLesson.lesson).toEqual({
      items: { b: given(prompt('New B'), 120) },
      lastSectionId: null,
      lastSectionAt: 0,
      startedAt: 100,
    });
    expect(merged.startedOverAt).toEqual({ lesson: 100 });
  });

  it('keeps answers of unknown time (0) when the lesson was never started over', () => {
    const restored = saved(work({ a: given(prompt('Kept'), 0) }));
    expect(mergeSavedWork(restored, saved()).workByLesson.lesson?.items.a).toEqual(
      given(prompt('Kept'), 0),
    );
  });

  it('tells equal work apart from different work, whatever the order of its keys', () => {
    const ab = saved(work({ a: given(prompt('A'), 1), b: given(prompt('B'), 2) }));
    const ba = saved(work({ b: given(prompt('B'), 2), a: given(prompt('A'), 1) }));
    expect(isSameSavedWork(ab, ba)).toBe(true);
    expect(isSameSavedWork(ab, saved(work({ a: given(prompt('A'), 1) })))).toBe(false);
  });
});
