import { expect } from 'vitest';
import type { Lesson } from '#domain/lesson/lesson-schema';
import { soleimaniLesson } from '#domain/lesson/builtin/soleimani-lesson';
import type { LessonDetail } from '#domain/api/lesson-library-contracts';
import { ApiClient, errorOf, type ApiResponse } from './api-client';

/** A short lesson of one section, in the current schema: what an editor would send. */
export function smallLesson(title = 'Rain on the plains'): Lesson {
  const lesson = structuredClone(soleimaniLesson);
  const section = lesson.sections[0]!;
  return {
    ...lesson,
    id: 'rain-on-the-plains',
    metadata: { ...lesson.metadata, title },
    sections: [{ ...section, items: section.items.slice(0, 2) }],
    glossary: [],
  };
}

export function created(response: ApiResponse): LessonDetail {
  if (response.status !== 201) throw new Error(`expected 201: ${JSON.stringify(response.body)}`);
  return response.body as LessonDetail;
}

export async function publishedLesson(teacher: ApiClient, lesson: Lesson = smallLesson()) {
  const detail = created(await teacher.post('/api/lessons', { draft: lesson }));
  const published = await teacher.post<LessonDetail>(
    `/api/lessons/${detail.summary.lessonId}/publish`,
  );
  expect(published.status).toBe(200);
  return published.body;
}

export function problemsOf(response: ApiResponse) {
  return errorOf(response).problems ?? [];
}
