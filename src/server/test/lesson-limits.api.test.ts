import { expect, it } from 'vitest';
import { LESSON_FILE_FORMAT, MAX_REPORTED_PROBLEMS } from '#domain/lesson/lesson-file';
import type { Lesson } from '#domain/lesson/lesson-schema';
import { soleimaniLesson } from '#domain/lesson/builtin/soleimani-lesson';
import type { LessonDetail, LessonLibrary } from '#domain/api/lesson-library-contracts';
import { errorOf, expectRefusal, signUpTeacher, type ApiClient } from './api-client';
import { describeWithServer } from './use-test-server';

/** The shipped lesson as a file, after `change`, written without the export's own checks. */
function fileOf(change: (lesson: Lesson) => void = () => undefined): string {
  const lesson = structuredClone<Lesson>(soleimaniLesson);
  change(lesson);
  return JSON.stringify({ format: LESSON_FILE_FORMAT, ...lesson }, null, 2);
}

/** A lesson of 2,000 empty sections: six problems each, and the lesson's own three. */
const manyProblems = {
  schemaVersion: 4,
  sections: new Array<Record<string, never>>(2000).fill({}),
};
const MANY_PROBLEMS_COUNT = 2000 * 6 + 3;

async function ownLessons(teacher: ApiClient) {
  const library = await teacher.get<LessonLibrary>('/api/lessons');
  return library.body.lessons.filter((lesson) => !lesson.builtIn);
}

describeWithServer('lesson import and publish limits on %s', (ctx) => {
  it(`lists the first ${MAX_REPORTED_PROBLEMS} problems of an import and counts the rest`, async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const file = JSON.stringify({ format: LESSON_FILE_FORMAT, ...manyProblems }, null, 2);
    const refused = await teacher.post('/api/lessons/import', { file });
    expectRefusal(refused, 422, 'lesson_invalid');
    const error = errorOf(refused);
    expect(error.problems).toHaveLength(MAX_REPORTED_PROBLEMS);
    expect(error.moreProblems).toBe(MANY_PROBLEMS_COUNT - MAX_REPORTED_PROBLEMS);
    expect(error.message).toBe(
      `The file cannot be imported: ${MANY_PROBLEMS_COUNT} problems to fix.`,
    );
    // A whole list says there is nothing more.
    const one = await teacher.post('/api/lessons/import', { file: fileOf((l) => (l.id = 'X')) });
    expect(errorOf(one)).toMatchObject({
      moreProblems: 0,
      message: expect.stringMatching(/1 problem to fix/) as string,
    });
  });

  it(`lists the first ${MAX_REPORTED_PROBLEMS} problems of a publish and counts the rest`, async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const made = await teacher.post<LessonDetail>('/api/lessons', { draft: manyProblems });
    expect(made.status).toBe(201);
    const refused = await teacher.post(`/api/lessons/${made.body.summary.lessonId}/publish`);
    expectRefusal(refused, 422, 'lesson_invalid');
    const error = errorOf(refused);
    expect(error.problems).toHaveLength(MAX_REPORTED_PROBLEMS);
    expect(error.moreProblems).toBe(MANY_PROBLEMS_COUNT - MAX_REPORTED_PROBLEMS);
    expect(JSON.stringify(refused.body).length).toBeLessThan(20_000);
  });

  it('refuses a NUL, a control character or an invisible-only text in an imported file', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    for (const [title, message] of [
      ['Bad\u0000title', 'contains a NUL character (U+0000)'],
      ['Bell\u0007', 'contains the control character U+0007'],
      ['Delete\u007F', 'contains the control character U+007F'],
      ['Next\u0085line', 'contains the control character U+0085'],
      ['\u200B', 'must not be empty: it has only invisible characters'],
    ] as const) {
      // Written as escapes, as JSON.stringify writes C0 controls: a raw one is refused with the
      // request, as in any other input.
      const file = fileOf((lesson) => (lesson.metadata.title = title)).replace(
        /[\u007F-\u009F]/g,
        (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
      const refused = await teacher.post('/api/lessons/import', { file });
      expectRefusal(refused, 422, 'lesson_invalid');
      expect(errorOf(refused).problems).toEqual([
        expect.objectContaining({ path: 'metadata.title', message }),
      ]);
    }
    const raw = await teacher.post('/api/lessons/import', {
      file: fileOf().replace('{', '{\u007F'),
    });
    expectRefusal(raw, 400, 'invalid_input', 'file');
    expect(errorOf(raw).message).toBe('file: contains the control character U+007F');
    expect(await ownLessons(teacher)).toEqual([]);
  });

  it('refuses two options, scenarios, claims or rubric criteria of one item with the same id', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const file = fileOf((lesson) => {
      const writing = lesson.sections.flatMap((s) => s.items).find((i) => i.kind === 'writing');
      if (writing?.kind !== 'writing') throw new Error('the shipped lesson has a writing task');
      writing.rubric.push({ ...writing.rubric[0]!, criterion: 'Again' });
    });
    const refused = await teacher.post('/api/lessons/import', { file });
    expectRefusal(refused, 422, 'lesson_invalid');
    const [problem] = errorOf(refused).problems ?? [];
    expect(problem?.path).toMatch(/^sections\[\d+\]\.items\[\d+\]\.rubric\[\d+\]\.id$/);
    expect(problem?.message).toMatch(/^duplicate id/);
  });

  it('refuses a draft saved against a time that is not one, and a version past the largest', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const made = await teacher.post<LessonDetail>('/api/lessons', { draft: { sections: [] } });
    const { lessonId } = made.body.summary;
    for (const basedOn of ['yesterday', '2024-13-45T00:00:00Z', '0000-01-01T00:00:00Z']) {
      const refused = await teacher.put(`/api/lessons/${lessonId}/draft`, { draft: {}, basedOn });
      expectRefusal(refused, 400, 'invalid_input', 'basedOn');
    }
    const saved = await teacher.put<{ draftSavedAt: string }>(`/api/lessons/${lessonId}/draft`, {
      draft: {},
      basedOn: made.body.draftSavedAt,
    });
    expect(saved.status).toBe(200);

    for (const version of ['2147483648', '99999999999999999999']) {
      const refused = await teacher.get(
        `/api/lessons/${soleimaniLesson.id}/file?version=${version}`,
      );
      expectRefusal(refused, 400, 'invalid_input', 'version');
    }
    const largest = await teacher.get(`/api/lessons/${soleimaniLesson.id}/file?version=2147483647`);
    expectRefusal(largest, 404, 'lesson_not_found');
  });
});
