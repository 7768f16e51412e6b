import { describe, expect, it } from 'vitest';
import { soleimaniLesson } from './builtin/soleimani-lesson';
import type { Item, Lesson, Section } from './lesson-schema';
import { LessonValidationError, parseLesson } from './parse-lesson';

function at<T>(list: readonly T[], index: number): T {
  const value = list[index];
  if (value === undefined) throw new Error(`no element at index ${index}`);
  return value;
}

function section(lesson: Lesson, index: number): Section {
  return at(lesson.sections, index);
}

function item(lesson: Lesson, sectionIndex: number, itemIndex: number): Item {
  return at(section(lesson, sectionIndex).items, itemIndex);
}

/** Where the lesson's (only) forecast item sits. */
function forecastPosition(lesson: Lesson): { s: number; i: number } {
  for (const [s, sec] of lesson.sections.entries()) {
    const i = sec.items.findIndex((it) => it.kind === 'forecast');
    if (i >= 0) return { s, i };
  }
  throw new Error('the lesson has no forecast item');
}

/** The lesson's reading of one scenario of its first forecast, with where that forecast is. */
function readingOf(lesson: Lesson, scenarioIndex: number) {
  const { s, i } = forecastPosition(lesson);
  const forecast = item(lesson, s, i);
  if (forecast.kind !== 'forecast') throw new Error('expected a forecast');
  const view = at(forecast.scenarios, scenarioIndex).lessonReading;
  if (!view) throw new Error('expected a lesson’s reading');
  return { s, i, view };
}

/** Parses the input, expecting refusal; returns the error for further checks. */
function refusal(input: unknown): LessonValidationError {
  try {
    parseLesson(input, 'broken');
  } catch (error) {
    expect(error).toBeInstanceOf(LessonValidationError);
    return error as LessonValidationError;
  }
  throw new Error('parseLesson accepted a broken lesson');
}

describe('parseLesson', () => {
  it('accepts the shipped lesson and returns it unchanged', () => {
    expect(parseLesson(soleimaniLesson)).toEqual(soleimaniLesson);
  });

  it('names the path of a missing required field', () => {
    const lesson = structuredClone(soleimaniLesson);
    const target = item(lesson, 1, 0) as { question?: string };
    expect(typeof target.question).toBe('string');
    delete target.question;
    const error = refusal(lesson);
    expect(error.message).toContain('sections.1.items.0.question');
    expect(error.message).toContain('Lesson "broken" is not valid');
    expect(error.problems.map((p) => p.path)).toContain('sections.1.items.0.question');
  });

  it('refuses an unknown item kind', () => {
    const lesson = structuredClone(soleimaniLesson);
    (item(lesson, 0, 0) as { kind: string }).kind = 'essay';
    const error = refusal(lesson);
    expect(error.message).toContain('sections.0.items.0.kind');
    expect(error.problems.map((p) => p.path)).toEqual(['sections.0.items.0.kind']);
  });

  it.each([
    ['above 100', 0, 150],
    ['below 0', 2, -1],
  ])('refuses a reading’s probability %s', (_where, scenario, probability) => {
    const lesson = structuredClone(soleimaniLesson);
    const { s, i, view } = readingOf(lesson, scenario);
    view.probability = probability;
    const error = refusal(lesson);
    expect(error.message).toContain(
      `sections.${s}.items.${i}.scenarios.${scenario}.lessonReading.probability`,
    );
  });

  it('refuses a reading’s reason on more than one line', () => {
    const lesson = structuredClone(soleimaniLesson);
    const { s, i, view } = readingOf(lesson, 0);
    view.reason = 'First line.\nSecond line.';
    const error = refusal(lesson);
    expect(error.message).toContain(`sections.${s}.items.${i}.scenarios.0.lessonReading.reason`);
    expect(error.message).toContain('must be one line, without line breaks');
  });

  it('refuses a duplicate item id, naming the second use', () => {
    const lesson = structuredClone(soleimaniLesson);
    const first = item(lesson, 0, 0);
    item(lesson, 2, 1).id = first.id;
    const error = refusal(lesson);
    expect(error.message).toContain('sections.2.items.1.id');
    expect(error.message).toContain(`duplicate id "item:${first.id}"`);
    expect(error.message).toContain('already used at sections.0.items.0.id');
    expect(error.problems).toHaveLength(1);
  });

  it('refuses a paragraph whose text is only whitespace', () => {
    const lesson = structuredClone(soleimaniLesson);
    at(section(lesson, 0).paragraphs, 0).text = '   ';
    const error = refusal(lesson);
    expect(error.message).toContain('sections.0.paragraphs.0.text');
    expect(error.message).toContain('must not be empty');
  });

  it('refuses a horizon that is not an ISO date', () => {
    const lesson = structuredClone(soleimaniLesson);
    const { s, i } = forecastPosition(lesson);
    const forecast = item(lesson, s, i);
    if (forecast.kind !== 'forecast') throw new Error('expected a forecast');
    forecast.horizon = '31/12/2020';
    const error = refusal(lesson);
    expect(error.message).toContain(`sections.${s}.items.${i}.horizon`);
  });

  it('refuses a lesson that is not an object, naming the whole lesson', () => {
    const error = refusal('not a lesson');
    expect(error.problems.map((p) => p.path)).toEqual(['(lesson)']);
  });

  it('reports every problem, not only the first', () => {
    const lesson = structuredClone(soleimaniLesson);
    at(section(lesson, 0).paragraphs, 0).text = '';
    section(lesson, 3).summary = '';
    const error = refusal(lesson);
    const paths = error.problems.map((p) => p.path);
    expect(paths).toContain('sections.0.paragraphs.0.text');
    expect(paths).toContain('sections.3.summary');
  });
});
