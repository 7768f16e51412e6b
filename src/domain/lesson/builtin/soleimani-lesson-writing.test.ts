import { describe, expect, it } from 'vitest';
import { countWords } from '../answers';
import { lessonDuration } from '../lesson-duration';
import type { WritingItem } from '../lesson-schema';
import { soleimaniLesson } from './soleimani-lesson';

const allItems = soleimaniLesson.sections.flatMap((section) => section.items);
const writing = allItems.filter((item): item is WritingItem => item.kind === 'writing');
const coreIds = allItems.filter((item) => item.extension !== true).map((item) => item.id);

function writingTask(id: string): WritingItem {
  const item = writing.find((w) => w.id === id);
  if (!item) throw new Error(`no writing task ${id}`);
  return item;
}

describe('the Soleimani lesson’s letters to the editor (issue 23, point 7)', () => {
  const short = writingTask('lesson-short-letter');
  const long = writingTask('lesson-letter');

  it('has a core letter of 80 words in the last section, and the long one as an extension', () => {
    const last = soleimaniLesson.sections.at(-1);
    expect(last?.items).toContain(short);
    expect(short.extension).toBeUndefined();
    expect(short.minWords).toBe(80);
    expect(short.task).toMatch(/letter to the editor/);
    expect(short.task).toMatch(/about 80 words/);
    expect(long.extension).toBe(true);
    expect(long.minWords).toBe(150);
    // The short letter comes first: a class that stops at the core stops after it.
    expect(last?.items.indexOf(short)).toBeLessThan(last?.items.indexOf(long) ?? -1);
  });

  it('scores the core letter on levels 1 to 4, with rows for the main argument, reasoning, evidence and a counter-argument', () => {
    expect(short.rubric.map((c) => c.id)).toStrictEqual([
      'main-argument',
      'reasoning',
      'evidence',
      'counter-argument',
    ]);
    for (const criterion of short.rubric) {
      expect(criterion.points, criterion.id).toBe(4);
      expect(criterion.levels, criterion.id).toHaveLength(4);
      expect(new Set(criterion.levels).size, `${criterion.id}: levels differ`).toBe(4);
    }
    expect(short.rubric.find((c) => c.id === 'reasoning')?.criterion).toMatch(/^Reasoning/);
    expect(short.rubric.find((c) => c.id === 'counter-argument')?.criterion).toMatch(
      /counter-argument/,
    );
  });

  it('describes every level of every letter’s rubric', () => {
    expect(writing.length).toBeGreaterThanOrEqual(2);
    for (const item of writing) {
      for (const criterion of item.rubric) {
        expect(criterion.levels?.length, `${item.id}: ${criterion.id}`).toBe(criterion.points);
      }
    }
  });

  it('gives a model answer of 80 to 100 words that engages the author’s main argument', () => {
    const words = countWords(short.modelAnswer);
    expect(words).toBeGreaterThanOrEqual(80);
    expect(words).toBeLessThanOrEqual(100);
    // The main argument: Iran misread Trump's restraint as timidity; its lesson: no mixed messages.
    expect(short.modelAnswer).toMatch(/misread/);
    expect(short.modelAnswer).toMatch(/restraint for timidity/);
    expect(short.modelAnswer).toMatch(/mixed messages/);
    // It answers a point against its own view.
    expect(short.modelAnswer).toMatch(/Some will answer that/);
  });

  it('keeps the core within 45 minutes in class and 25 alone with the letter in it', () => {
    const { classroom, selfStudy } = lessonDuration(soleimaniLesson);
    expect(classroom.core).toBeLessThanOrEqual(45);
    expect(selfStudy.core).toBeLessThanOrEqual(25);
  });

  it('keeps the two words in context, the evidence pair and the legality question in the core', () => {
    for (const id of [
      'shared-word-rebuffed',
      'restraint-word-straw',
      'misperception-evidence-answer',
      'misperception-evidence-sentence',
      'embassies-strike-legality',
      'lesson-short-letter',
    ]) {
      expect(coreIds, id).toContain(id);
    }
    // Moved to the extension path to make room for the letter: the letter asks what the
    // evaluation prompt asked, scored; the claim check is one of three the extension path keeps.
    for (const id of ['lesson-evaluate', 'misperception-claims']) {
      expect(coreIds, id).not.toContain(id);
    }
  });
});
