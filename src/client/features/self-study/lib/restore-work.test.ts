import { describe, expect, it } from 'vitest';
import type { Item } from '../../../../domain/lesson/lesson-schema';
import { restoreWork } from './restore-work';

describe('restoreWork', () => {
  it('keeps well-formed work as it was', () => {
    const work = {
      answers: { p: { kind: 'prompt', text: 'Mine.' }, s: { kind: 'scale', value: 2 } },
      skippedItemIds: ['q'],
      lastSectionId: 'red-line',
      startedAt: '2026-11-01T10:00:00.000Z',
      updatedAt: '2026-11-01T10:05:00.000Z',
    };
    expect(restoreWork({ workByLesson: { lesson: work } })).toEqual({ lesson: work });
  });

  it('drops only the damaged answers and fields', () => {
    const restored = restoreWork({
      workByLesson: {
        lesson: {
          answers: {
            good: { kind: 'poll', optionIds: ['a'] },
            bad: { kind: 'poll', optionIds: 'a' },
            worse: 42,
          },
          skippedItemIds: 'nope',
          lastSectionId: 7,
        },
      },
    });
    expect(restored.lesson?.answers).toEqual({ good: { kind: 'poll', optionIds: ['a'] } });
    expect(restored.lesson?.skippedItemIds).toEqual([]);
    expect(restored.lesson?.lastSectionId).toBeNull();
  });

  it('drops answers that no longer fit their item, and keeps work in progress', () => {
    const poll: Item = {
      kind: 'poll',
      id: 'poll',
      question: 'Which?',
      mode: 'multiple',
      options: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
    };
    const claims: Item = {
      kind: 'claimCheck',
      id: 'claims',
      instructions: 'Sort.',
      claims: [
        { id: 'c1', quote: 'One.', expected: 'fact', explanation: 'Why.' },
        { id: 'c2', quote: 'Two.', expected: 'opinion', explanation: 'Why.' },
      ],
    };
    const items = new Map<string, Item>([
      ['poll', poll],
      ['claims', claims],
    ]);
    const restored = restoreWork(
      {
        workByLesson: {
          lesson: {
            answers: {
              poll: { kind: 'poll', optionIds: ['a', 'a', 'gone'] },
              claims: { kind: 'claimCheck', categories: { c1: 'fact' } },
              elsewhere: { kind: 'scale', value: 3 },
            },
          },
        },
      },
      (lessonId, itemId) => (lessonId === 'lesson' ? items.get(itemId) : undefined),
    );
    expect(restored.lesson?.answers).toEqual({
      claims: { kind: 'claimCheck', categories: { c1: 'fact' } },
      elsewhere: { kind: 'scale', value: 3 },
    });
  });

  it('starts empty from nothing or from garbage', () => {
    expect(restoreWork(undefined)).toEqual({});
    expect(restoreWork('{')).toEqual({});
    expect(restoreWork({ workByLesson: [1, 2] })).toEqual({});
  });
});
