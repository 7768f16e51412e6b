import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { soleimaniLesson } from './builtin/soleimani-lesson';
import type { DeepReadonly } from '../live/deep-readonly';
import { importLessonFile } from './lesson-file';
import {
  itemDuration,
  lessonDuration,
  sectionDuration,
  type DurationSection,
} from './lesson-duration';
import type { Lesson } from './lesson-schema';

/** `count` words, spread over lines and runs of blanks as an article's text can be. */
const words = (count: number): string =>
  Array.from({ length: count }, (_, i) => (i % 10 === 9 ? 'word\n' : 'word  ')).join('');

const prompt = (minWords?: number, searches?: number) =>
  ({ kind: 'prompt', guidance: { minWords, searches } }) as const;

describe('itemDuration', () => {
  it('gives one item’s minutes unrounded, in class and alone', () => {
    // An 80-word letter: 80/18 minutes either way; a 20-word prompt: 4 in class, 20/18 alone.
    expect(itemDuration({ kind: 'writing', minWords: 80 })).toStrictEqual({
      classroom: 80 / 18,
      selfStudy: 80 / 18,
    });
    expect(itemDuration(prompt())).toStrictEqual({ classroom: 4, selfStudy: 20 / 18 });
  });
});

describe('lessonDuration', () => {
  it('reads at 150 words a minute in class and 200 alone, rounded up once', () => {
    const reading: DurationSection = {
      paragraphs: [{ text: words(250) }, { text: words(50) }],
      items: [],
    };
    // 300 words: 2 minutes in class exactly, 1.5 alone, so 2.
    expect(lessonDuration({ sections: [reading] })).toStrictEqual({
      classroom: { core: 2, withExtensions: 2 },
      selfStudy: { core: 2, withExtensions: 2 },
    });
  });

  it('gives a prompt 4 minutes in class, or its writing time when longer, and searches 2.5 each', () => {
    const section: DurationSection = {
      paragraphs: [{ text: '' }],
      // In class: 4 (20 words fit in 4 minutes), 5 (90 words at 18 a minute) and 4 + 2 × 2.5 = 9.
      // Alone: 20/18, 90/18 = 5 and 20/18 + 5, together 40/18 + 10 = 12.22..., so 13.
      items: [prompt(), prompt(90), prompt(undefined, 2)],
    };
    expect(sectionDuration(section)).toStrictEqual({
      classroom: { core: 18, withExtensions: 18 },
      selfStudy: { core: 13, withExtensions: 13 },
    });
  });

  it('counts polls and scales a minute, claims and scenarios a minute each, writing at 18 words', () => {
    const section: DurationSection = {
      paragraphs: [{ text: words(75) }],
      items: [
        { kind: 'poll' },
        { kind: 'scale' },
        { kind: 'claimCheck', claims: [{}, {}, {}] },
        { kind: 'forecast', scenarios: [{}, {}] },
        // 36 words: 2 minutes; without a length, 150 words: 8.33...
        { kind: 'writing', minWords: 36 },
        { kind: 'writing', extension: true },
      ],
    };
    // Class: 0.5 reading + 1 + 1 + 3 + 2 + 2 = 9.5, so 10; with 8.33 more 17.83, so 18.
    // Alone: 0.375 reading, the same items: 9.375, so 10; 17.71, so 18.
    expect(sectionDuration(section)).toStrictEqual({
      classroom: { core: 10, withExtensions: 18 },
      selfStudy: { core: 10, withExtensions: 18 },
    });
  });

  it('gives class statements 5 minutes in class and 1 alone, where students only read them', () => {
    const section: DurationSection = { paragraphs: [], items: [{ kind: 'statements' }] };
    expect(sectionDuration(section)).toStrictEqual({
      classroom: { core: 5, withExtensions: 5 },
      selfStudy: { core: 1, withExtensions: 1 },
    });
  });

  it('rounds once for the whole lesson, not section by section', () => {
    // Each section: 100 words and a poll: 1.67 minutes in class, 2 rounded; together 3.33, so 4.
    const half: DurationSection = { paragraphs: [{ text: words(100) }], items: [{ kind: 'poll' }] };
    expect(sectionDuration(half).classroom.core).toBe(2);
    expect(lessonDuration({ sections: [half, half] }).classroom.core).toBe(4);
  });

  it('counts a whole number of minutes made of fractions as it is, not one more', () => {
    // 9 prompts of 2 words each, alone: 9 × 2/18 = 1 minute, whatever the floating point says.
    const section: DurationSection = {
      paragraphs: [],
      items: Array.from({ length: 9 }, () => prompt(2)),
    };
    expect(sectionDuration(section).selfStudy.core).toBe(1);
  });

  it('reads a draft being written: no length, an odd count or an unknown kind add nothing odd', () => {
    const section: DurationSection = {
      paragraphs: [{ text: '   ' }],
      items: [
        { kind: 'prompt', guidance: { minWords: null, searches: -1 } },
        { kind: 'writing', minWords: 0 },
        { kind: 'claimCheck' },
        { kind: 'essay' },
      ],
    };
    // Class: 4 + 150/18 = 12.33, so 13. Alone: 20/18 + 150/18 = 9.44, so 10.
    expect(sectionDuration(section)).toStrictEqual({
      classroom: { core: 13, withExtensions: 13 },
      selfStudy: { core: 10, withExtensions: 10 },
    });
  });

  it('computes the shipped lesson’s minutes from its content, read-only too', () => {
    const lesson: DeepReadonly<Lesson> = soleimaniLesson;
    // 788 words: 5.25 minutes in class, 3.94 alone.
    // Core items in class, section by section: 5, 5, 1, 2, 1, 4, 5, 4.44 (the 80-word letter)
    // = 27.44; 32.70, so 33.
    // Extension items in class, section by section: 0, 5, 10, 12, 12, 12, 4, 28.33 (the
    // source check 4 + two searches 5, a scale, a poll, statements 5, the evaluation prompt 4,
    // a 150-word letter 8.33) = 83.33; 116.03, so 117.
    // Alone, core: 19.61 (prompts by their writing time), 23.55, so 24; extension items
    // 56.56 more, 80.11, so 81.
    expect(lessonDuration(lesson)).toStrictEqual({
      classroom: { core: 33, withExtensions: 117 },
      selfStudy: { core: 24, withExtensions: 81 },
    });
  });

  it('computes the small example’s minutes as docs/lesson-format.md gives them', () => {
    const file = readFileSync(
      new URL('../../../docs/examples/small-lesson.json', import.meta.url),
      'utf8',
    );
    const imported = importLessonFile(file);
    if (!imported.ok) throw new Error('the example does not import');
    // 85 words: 0.57 minutes in class; a prompt 4, two polls and a scale 3, two claims 2, one
    // scenario 1: 10.57, so 11; the extension prompt 4 more, 14.57, so 15.
    // Alone 0.425 reading; the prompt's 15 words 0.83, the rest 6: 7.26, so 8; the extension
    // prompt's 20 words 1.11 more, 8.37, so 9.
    expect(lessonDuration(imported.lesson)).toStrictEqual({
      classroom: { core: 11, withExtensions: 15 },
      selfStudy: { core: 8, withExtensions: 9 },
    });
  });
});
