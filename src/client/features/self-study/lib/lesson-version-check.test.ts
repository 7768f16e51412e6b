import { describe, expect, it } from 'vitest';
import { lessonVersionSchema } from '../../../../domain/live/lesson-library-contracts';
import { soleimaniLesson } from '../../../../domain/lessons/soleimani-lesson';
import { lessonVersionProblem } from './lesson-version-check';

const version = {
  lessonId: soleimaniLesson.id,
  versionId: 'v1',
  version: 1,
  publishedAt: '2026-11-26T12:00:00.000Z',
  lesson: soleimaniLesson,
};

/** The version with one change made to a copy of it. */
function changed(change: (copy: typeof version) => void): unknown {
  const copy = structuredClone(version);
  change(copy);
  return copy;
}

describe('lessonVersionProblem: the self-study pages’ light check of a shared lesson', () => {
  it('accepts what the contract’s schema accepts: the shipped lesson as the server sends it', () => {
    expect(lessonVersionSchema.safeParse(version).success).toBe(true);
    expect(lessonVersionProblem(JSON.parse(JSON.stringify(version)))).toBeNull();
  });

  it.each([
    ['not an object', 'a lesson', 'answer: not an object'],
    [
      'no lesson',
      changed((v) => Reflect.deleteProperty(v, 'lesson')),
      'answer.lesson: not an object',
    ],
    [
      'a version that is not a number',
      changed((v) => Object.assign(v, { version: '1' })),
      'answer.version: not number',
    ],
    [
      'no sections',
      changed((v) => Object.assign(v.lesson, { sections: [] })),
      'answer.lesson.sections: empty',
    ],
    [
      'an item of an unknown kind',
      changed((v) => Object.assign(v.lesson.sections[1]!.items[0]!, { kind: 'quiz' })),
      'answer.lesson.sections[1].items[0].kind: unknown (quiz)',
    ],
    [
      'a poll without options',
      changed((v) => {
        const poll = v.lesson.sections.flatMap((s) => s.items).find((i) => i.kind === 'poll');
        Object.assign(poll!, { options: undefined });
      }),
      /\.options: not a list$/,
    ],
    [
      'an item kind that is a property of every object',
      changed((v) => Object.assign(v.lesson.sections[0]!.items[0]!, { kind: 'constructor' })),
      'answer.lesson.sections[0].items[0].kind: unknown (constructor)',
    ],
    [
      'a forecast scenario without its resolution',
      changed((v) => {
        const forecast = v.lesson.sections
          .flatMap((s) => s.items)
          .find((i) => i.kind === 'forecast');
        if (forecast?.kind !== 'forecast') throw new Error('no forecast');
        Reflect.deleteProperty(forecast.scenarios[0]!, 'resolution');
      }),
      /\.scenarios\[0\]\.resolution: not an object$/,
    ],
    [
      'a section without its minutes (version 1 of the format had none)',
      changed((v) => Reflect.deleteProperty(v.lesson.sections[2]!, 'minutes')),
      'answer.lesson.sections[2].minutes: not an object',
    ],
    [
      'a paragraph without text',
      changed((v) => Object.assign(v.lesson.sections[0]!.paragraphs[0]!, { text: 42 })),
      'answer.lesson.sections[0].paragraphs[0].text: not text',
    ],
    [
      'a glossary term whose matches are not a list',
      changed((v) => Object.assign(v.lesson.glossary[0]!, { matches: 'redline' })),
      'answer.lesson.glossary[0].matches: not a list',
    ],
  ])('names the first field that is wrong: %s', (_what, value, problem) => {
    const found = lessonVersionProblem(value);
    if (typeof problem === 'string') expect(found).toBe(problem);
    else expect(found).toMatch(problem);
    // What the light check refuses, the contract refuses too.
    expect(lessonVersionSchema.safeParse(value).success).toBe(false);
  });
});
