import type { Page } from '@playwright/test';
import { addDays, utcDayOf } from '#domain/forecasting/days';
import { soleimaniLesson } from '#domain/lesson/builtin/soleimani-lesson';
import type { ForecastItem, Lesson } from '#domain/lesson/lesson-schema';
import { teacherApi } from './teacher-api';

/**
 * A one-section lesson whose forecast looks a month ahead of `today`, with two scenarios and no
 * resolution: a question that stays open after the lesson (as one drafted from today's news).
 * A second, one-scenario forecast looks a week ahead.
 */
export function futureForecastLesson(today: string): {
  lesson: Lesson;
  item: ForecastItem;
  nextWeek: ForecastItem;
} {
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
  const nextWeek: ForecastItem = {
    ...item,
    id: 'forecast-next-week',
    question: 'Within a week: will the two sides announce talks?',
    horizon: addDays(today, 7),
    scenarios: [{ id: 'announced', statement: 'Talks are announced within the week.' }],
  };
  return {
    lesson: {
      ...lesson,
      id: 'next-month',
      metadata: { ...lesson.metadata, title: 'Next month' },
      sections: [{ ...section, items: [item, nextWeek] }],
      glossary: [],
    },
    item,
    nextWeek,
  };
}

/** The future forecast lesson, published by the teacher, in a self-paced session of its own. */
export async function startFutureForecastSession(page: Page) {
  const today = utcDayOf(new Date());
  const { lesson, item, nextWeek } = futureForecastLesson(today);
  const made = (await teacherApi(page, 'POST', '/api/lessons', { draft: lesson })) as {
    summary: { lessonId: string };
  };
  await teacherApi(page, 'POST', `/api/lessons/${made.summary.lessonId}/publish`);
  const view = (await teacherApi(page, 'POST', '/api/sessions', {
    lessonId: made.summary.lessonId,
    mode: 'self-paced',
  })) as { session: { id: string; joinCode: string } };
  const [strike, talks] = item.scenarios;
  if (!strike || !talks) throw new Error('the lesson has two scenarios');
  return {
    today,
    lesson,
    item,
    nextWeek,
    strike,
    talks,
    sessionId: view.session.id,
    joinCode: view.session.joinCode,
  };
}
