import { describe, expect, it } from 'vitest';
import type { Lesson } from '#domain/lesson/lesson-schema';
import { soleimaniLesson } from '#domain/lesson/builtin/soleimani-lesson';
import { getReveal } from './reveal';

const lesson: Lesson = soleimaniLesson;
const allItems = lesson.sections.flatMap((s) => s.items);
const forecast = allItems.find((item) => item.kind === 'forecast')!;
const claimCheck = allItems.find((item) => item.kind === 'claimCheck')!;
const forecastSection = lesson.sections.find((s) => s.items.includes(forecast))!;

describe('getReveal', () => {
  it('reveals nothing before the student has answered', () => {
    const reveal = getReveal(lesson, {}, new Set());
    expect(reveal.isLessonFinished).toBe(false);
    expect(reveal.isItemRevealed(forecast)).toBe(false);
    expect(reveal.isItemRevealed(claimCheck)).toBe(false);
    expect(reveal.isSummaryOpen(forecastSection)).toBe(false);
  });

  it('reveals a forecast only once every scenario is given', () => {
    const [first, ...rest] = forecast.scenarios;
    const some = {
      [forecast.id]: { kind: 'forecast', probabilities: { [first!.id]: 40 } },
    } as const;
    expect(getReveal(lesson, some, new Set()).isItemRevealed(forecast)).toBe(false);
    const all = Object.fromEntries([first!, ...rest].map((s) => [s.id, 50]));
    const full = { [forecast.id]: { kind: 'forecast', probabilities: all } } as const;
    expect(getReveal(lesson, full, new Set()).isItemRevealed(forecast)).toBe(true);
    expect(getReveal(lesson, full, new Set()).isItemRevealed(claimCheck)).toBe(false);
  });

  it('reveals a skipped item once the whole lesson is answered or skipped', () => {
    const skippedOne = getReveal(lesson, {}, new Set([forecast.id]));
    expect(skippedOne.isItemRevealed(forecast)).toBe(false);
    const everything = getReveal(lesson, {}, new Set(allItems.map((item) => item.id)));
    expect(everything.isLessonFinished).toBe(true);
    expect(everything.isItemRevealed(forecast)).toBe(true);
    expect(everything.isItemRevealed(claimCheck)).toBe(true);
    expect(everything.isSummaryOpen(forecastSection)).toBe(true);
  });
});
