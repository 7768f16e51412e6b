import { describe, expect, it } from 'vitest';
import { restoreWork } from './restore-work';

describe('restoreWork', () => {
  it('keeps well-formed work as it was', () => {
    const saved = {
      workByLesson: {
        lesson: {
          items: {
            p: { answer: { kind: 'prompt', text: 'Mine.' }, isSkipped: false, at: 1000 },
            q: { answer: null, isSkipped: true, at: 2000 },
          },
          lastSectionId: 'red-line',
          lastSectionAt: 1500,
          startedAt: 900,
        },
      },
      startedOverAt: { other: 800 },
    };
    expect(restoreWork(saved)).toEqual(saved);
  });

  it('reads the first version, which kept no times, as given when it was last updated', () => {
    const updatedAt = '2026-11-01T10:05:00.000Z';
    const restored = restoreWork({
      workByLesson: {
        lesson: {
          answers: { p: { kind: 'prompt', text: 'Mine.' }, s: { kind: 'scale', value: 2 } },
          skippedItemIds: ['q'],
          lastSectionId: 'red-line',
          startedAt: '2026-11-01T10:00:00.000Z',
          updatedAt,
        },
      },
    });
    const at = Date.parse(updatedAt);
    expect(restored).toEqual({
      workByLesson: {
        lesson: {
          items: {
            p: { answer: { kind: 'prompt', text: 'Mine.' }, isSkipped: false, at },
            s: { answer: { kind: 'scale', value: 2 }, isSkipped: false, at },
            q: { answer: null, isSkipped: true, at },
          },
          lastSectionId: 'red-line',
          lastSectionAt: at,
          startedAt: Date.parse('2026-11-01T10:00:00.000Z'),
        },
      },
      startedOverAt: {},
    });
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
        newer: {
          items: {
            good: { answer: { kind: 'scale', value: 5 }, isSkipped: false, at: 5 },
            bad: { answer: { kind: 'scale', value: 9 }, isSkipped: false, at: 5 },
            untimed: { answer: { kind: 'scale', value: 1 }, isSkipped: false, at: 'soon' },
            nothing: { isSkipped: 'yes' },
          },
        },
      },
      startedOverAt: { lesson: 'yesterday', newer: -3 },
    });
    expect(restored.workByLesson.lesson?.items).toEqual({
      good: { answer: { kind: 'poll', optionIds: ['a'] }, isSkipped: false, at: 0 },
    });
    expect(restored.workByLesson.lesson?.lastSectionId).toBeNull();
    expect(restored.workByLesson.newer?.items).toEqual({
      good: { answer: { kind: 'scale', value: 5 }, isSkipped: false, at: 5 },
      untimed: { answer: { kind: 'scale', value: 1 }, isSkipped: false, at: 0 },
    });
    expect(restored.startedOverAt).toEqual({});
  });

  it('keeps each item’s fingerprint, and the marks of work dropped for a changed item', () => {
    const saved = {
      workByLesson: {
        lesson: {
          items: {
            p: {
              answer: { kind: 'prompt', text: 'Mine.' },
              isSkipped: false,
              at: 10,
              fingerprint: 'f1',
            },
            q: { answer: null, isSkipped: true, at: 20, fingerprint: 'f2' },
            gone: { answer: null, isSkipped: false, at: 30 },
          },
          lastSectionId: null,
          lastSectionAt: 0,
          startedAt: 5,
        },
      },
      startedOverAt: {},
    };
    expect(restoreWork(saved)).toEqual(saved);
  });

  it('reads work saved before fingerprints were kept without one', () => {
    const restored = restoreWork({
      workByLesson: {
        lesson: {
          items: {
            p: { answer: { kind: 'prompt', text: 'Old.' }, isSkipped: false, at: 10 },
            q: {
              answer: { kind: 'prompt', text: 'Odd.' },
              isSkipped: false,
              at: 10,
              fingerprint: 7,
            },
          },
        },
      },
    });
    expect(restored.workByLesson.lesson?.items).toEqual({
      p: { answer: { kind: 'prompt', text: 'Old.' }, isSkipped: false, at: 10 },
      q: { answer: { kind: 'prompt', text: 'Odd.' }, isSkipped: false, at: 10 },
    });
  });

  it('starts empty from nothing or from garbage', () => {
    const empty = { workByLesson: {}, startedOverAt: {} };
    expect(restoreWork(undefined)).toEqual(empty);
    expect(restoreWork('{')).toEqual(empty);
    expect(restoreWork({ workByLesson: [1, 2], startedOverAt: 'no' })).toEqual(empty);
  });
});
