import { addDays } from '#domain/forecasting/days';
import { soleimaniLesson } from '#domain/lesson/builtin/soleimani-lesson';
import type { ForecastItem, Lesson } from '#domain/lesson/lesson-schema';

/**
 * A one-section lesson whose forecast looks a month ahead of `today`, with two scenarios and no
 * resolution: a question that stays open after the lesson (as one drafted from today's news).
 */
export function futureForecastLesson(today: string): { lesson: Lesson; item: ForecastItem } {
  const lesson = structuredClone(soleimaniLesson);
  const section = lesson.sections.find((s) => s.items.some((i) => i.kind === 'forecast'));
  const forecast = section?.items.find((i): i is ForecastItem => i.kind === 'forecast');
  const [first, second] = forecast?.scenarios ?? [];
  if (!section || !forecast || !first || !second) {
    throw new Error('the built-in lesson has no forecast with two scenarios');
  }
  const item: ForecastItem = {
    ...forecast,
    id: 'forecast-next-month',
    asOf: today,
    horizon: addDays(today, 30),
    scenarios: [
      { id: 'strike', statement: first.statement },
      { id: 'talks', statement: second.statement },
    ],
  };
  return {
    lesson: {
      ...lesson,
      id: 'next-month',
      metadata: { ...lesson.metadata, title: 'Next month' },
      sections: [{ ...section, items: [item] }],
      glossary: [],
    },
    item,
  };
}
