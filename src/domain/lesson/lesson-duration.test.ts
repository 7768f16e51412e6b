import { describe, expect, it } from 'vitest';
import { soleimaniLesson } from './builtin/soleimani-lesson';
import type { DeepReadonly } from '../live/deep-readonly';
import { lessonDuration, sectionDuration, type DurationSection } from './lesson-duration';
import type { Lesson } from './lesson-schema';

/** `count` words, spread over lines and runs of blanks as an article's text can be. */
const words = (count: number): string =>
  Array.from({ length: count }, (_, i) => (i % 10 === 9 ? 'word\n' : 'word  ')).join('');

const core = { kind: 'prompt' } as const;
const extension = { kind: 'poll', extension: true } as const;

/** 300 words, 2 core items and 1 extension item; 10 minutes in class, 5 more with extensions. */
const first: DurationSection = {
  minutes: { core: 10, extension: 5 },
  paragraphs: [{ text: words(250) }, { text: words(50) }],
  items: [core, extension, core],
};

/** 150 words, 3 core items (one says so); 20 minutes in class, no extension minutes. */
const second: DurationSection = {
  minutes: { core: 20, extension: 0 },
  paragraphs: [{ text: words(150) }],
  items: [core, { kind: 'scale', extension: false }, core],
};

describe('lessonDuration', () => {
  it('adds the sections’ class minutes, without and with the extension minutes', () => {
    expect(lessonDuration({ sections: [first, second] }).classroom).toStrictEqual({
      core: 30,
      withExtensions: 35,
    });
  });

  it('gives self-study as 200 words a minute plus a minute per item, rounded up', () => {
    // 450 words: 2.25 minutes; 5 core items: 7.25, so 8; with the extension item 8.25, so 9.
    expect(lessonDuration({ sections: [first, second] }).selfStudy).toStrictEqual({
      core: 8,
      withExtensions: 9,
    });
  });

  it('rounds once for the whole lesson, not section by section', () => {
    // Each section: 100 words and 1 item, 1.5 minutes, 2 rounded; together 3 exactly.
    const half: DurationSection = {
      minutes: { core: 1, extension: 0 },
      paragraphs: [{ text: words(100) }],
      items: [core],
    };
    expect(sectionDuration(half).selfStudy.core).toBe(2);
    expect(lessonDuration({ sections: [half, half] }).selfStudy.core).toBe(3);
  });

  it('does not round up a whole number of minutes', () => {
    const exact: DurationSection = {
      minutes: { core: 1, extension: 0 },
      paragraphs: [{ text: words(400) }, { text: '  ' }],
      items: [],
    };
    expect(lessonDuration({ sections: [exact] }).selfStudy).toStrictEqual({
      core: 2,
      withExtensions: 2,
    });
  });

  it('takes the shipped lesson as it is, read-only too', () => {
    const lesson: DeepReadonly<Lesson> = soleimaniLesson;
    // 788 words (3.94 minutes) and 20 core items: 23.94, so 24; with the 18 extension items
    // 41.94, so 42. In class 45 minutes, 99 with the extension minutes.
    expect(lessonDuration(lesson)).toStrictEqual({
      classroom: { core: 45, withExtensions: 99 },
      selfStudy: { core: 24, withExtensions: 42 },
    });
  });
});

describe('sectionDuration', () => {
  it('gives one section’s minutes the same way', () => {
    // 300 words, 1.5 minutes, + 2 core items: 3.5, so 4; + 1 extension item: 4.5, so 5.
    expect(sectionDuration(first)).toStrictEqual({
      classroom: { core: 10, withExtensions: 15 },
      selfStudy: { core: 4, withExtensions: 5 },
    });
    // 150 words, 0.75 minutes, + 3 core items: 3.75, so 4.
    expect(sectionDuration(second)).toStrictEqual({
      classroom: { core: 20, withExtensions: 20 },
      selfStudy: { core: 4, withExtensions: 4 },
    });
  });
});
