import { describe, expect, it } from 'vitest';
import { migrateLessonV1ToV2, shareMinutes } from './lesson-v1-to-v2';

/** `count` words of text. */
const words = (count: number): string => Array.from({ length: count }, () => 'word').join(' ');

const item = (id: string) => ({ kind: 'prompt', id, question: 'Why?', level: 'recall' });

/**
 * A hand-made version 1 lesson. Weights (words / 200 + items): "a" 200 words and 1 item, 2;
 * "b" 100 words and 3 items, 3.5.
 */
function v1Lesson(classroom: unknown) {
  return {
    schemaVersion: 1,
    id: 'hand-made',
    metadata: {
      title: 'T',
      source: { publication: 'P' },
      estimatedMinutes: { selfStudy: 9, classroom },
    },
    sections: [
      {
        id: 'a',
        paragraphs: [{ text: words(150) }, { role: 'body', text: `  ${words(50)}\n` }],
        items: [item('a1')],
        teacherNotes: ['n'],
      },
      {
        id: 'b',
        paragraphs: [{ text: words(100) }],
        items: [item('b1'), item('b2'), item('b3')],
      },
    ],
    glossary: [],
  };
}

/** Frozen all the way down, so a step that changed its input would throw. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('lesson format 1 → 2', () => {
  it('shares the classroom minutes by weight, drops estimatedMinutes, keeps everything else', () => {
    const input = deepFreeze(v1Lesson(11));
    // 11 minutes by weights 2 and 3.5: exactly 4 and 7.
    expect(migrateLessonV1ToV2(input)).toStrictEqual({
      schemaVersion: 1,
      id: 'hand-made',
      metadata: { title: 'T', source: { publication: 'P' } },
      sections: [
        { ...input.sections[0], minutes: { core: 4, extension: 0 } },
        { ...input.sections[1], minutes: { core: 7, extension: 0 } },
      ],
      glossary: [],
    });
  });

  it('gives the minute left after rounding down to the largest remainder', () => {
    // 10 minutes by weights 2 and 3.5: 3.64 and 6.36, so 4 and 6.
    const sections = migrateLessonV1ToV2(v1Lesson(10)).sections as { minutes: unknown }[];
    expect(sections.map((s) => s.minutes)).toStrictEqual([
      { core: 4, extension: 0 },
      { core: 6, extension: 0 },
    ]);
  });

  it.each([0, -5, 2.5, '45', null, undefined])(
    'gives no minutes when the classroom minutes are %s, for the validation to report',
    (classroom) => {
      const migrated = migrateLessonV1ToV2(v1Lesson(classroom));
      expect(migrated.metadata).toStrictEqual({ title: 'T', source: { publication: 'P' } });
      expect(migrated.sections).toStrictEqual(v1Lesson(11).sections);
    },
  );

  it('leaves what is not a lesson’s shape where it is', () => {
    expect(migrateLessonV1ToV2({ metadata: 'none', sections: 'none' })).toStrictEqual({
      metadata: 'none',
      sections: 'none',
    });
    const noEstimate = { metadata: { title: 'T' }, sections: [{ id: 'a' }] };
    expect(migrateLessonV1ToV2(noEstimate)).toStrictEqual(noEstimate);
  });

  it('shares among the sections that are groups of fields, and weighs what it can read', () => {
    const migrated = migrateLessonV1ToV2({
      metadata: { estimatedMinutes: { classroom: 6 } },
      // "a": no paragraphs it can read and 1 item (weight 1); "b": 200 words, no items (1).
      sections: [
        { id: 'a', paragraphs: [{ text: 42 }, 'text'], items: [item('a1')] },
        'not a section',
        { id: 'b', paragraphs: [{ text: words(200) }], items: 'none' },
      ],
    });
    expect(migrated.sections).toStrictEqual([
      {
        id: 'a',
        paragraphs: [{ text: 42 }, 'text'],
        items: [item('a1')],
        minutes: { core: 3, extension: 0 },
      },
      'not a section',
      {
        id: 'b',
        paragraphs: [{ text: words(200) }],
        items: 'none',
        minutes: { core: 3, extension: 0 },
      },
    ]);
  });
});

describe('shareMinutes', () => {
  it('shares in proportion, the earlier section first when remainders tie', () => {
    expect(shareMinutes(12, [1, 2, 3])).toStrictEqual([2, 4, 6]);
    expect(shareMinutes(10, [1, 1, 1])).toStrictEqual([4, 3, 3]);
    expect(shareMinutes(11, [1, 1, 1])).toStrictEqual([4, 4, 3]);
  });

  it('gives every section at least a minute, and still sums to the total', () => {
    // 5 by 100, 1, 1: the small ones would get 0.05 each; they get 1, the large one the rest.
    expect(shareMinutes(5, [100, 1, 1])).toStrictEqual([3, 1, 1]);
    // 20 by 300, 1, 1, 100: 1 each for the two smallest, then 18 by 300 and 100: 13.5 and 4.5.
    expect(shareMinutes(20, [300, 1, 1, 100])).toStrictEqual([14, 1, 1, 4]);
  });

  it('gives no section more than 240 minutes, and still sums to the total', () => {
    // 400 by 3 and 1 would be 300 and 100: the first is held at 240, the second gets 160.
    expect(shareMinutes(400, [3, 1])).toStrictEqual([240, 160]);
    // 500 by 1, 1, 4: the last is held at 240, the others share 260.
    expect(shareMinutes(500, [1, 1, 4])).toStrictEqual([130, 130, 240]);
    // A section of no weight keeps 1 minute: the others cannot take the 499 left.
    expect(shareMinutes(500, [0, 1, 1])).toStrictEqual([1, 240, 240]);
  });

  it('holds every section at a bound when the total is beyond what the bounds allow', () => {
    expect(shareMinutes(2, [1, 5, 9])).toStrictEqual([1, 1, 1]);
    expect(shareMinutes(1000, [1, 5, 9])).toStrictEqual([240, 240, 240]);
  });

  it('shares equally when no section has any weight', () => {
    expect(shareMinutes(7, [0, 0])).toStrictEqual([4, 3]);
    expect(shareMinutes(7, [])).toStrictEqual([]);
  });
});
