import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { lessonDuration } from '#domain/lesson/lesson-duration';
import { exportLessonFile, LESSON_FILE_MAX_BYTES } from '#domain/lesson/lesson-file';
import { LESSON_SCHEMA_VERSION } from '#domain/lesson/lesson-schema';
import type { LessonDetail, LessonLibrary } from '#domain/api/lesson-library-contracts';
import { errorOf, expectRefusal, signUpTeacher } from './api-client';
import { describeWithServer } from './use-test-server';
import { created, problemsOf, publishedLesson, smallLesson } from './lesson-library-fixtures';

describeWithServer('the lesson library on %s: importing files', (ctx) => {
  it('imports a file as a published lesson that exports to the same bytes', async () => {
    const first = await signUpTeacher(ctx.server.baseUrl, 'First');
    const second = await signUpTeacher(ctx.server.baseUrl, 'Second');
    const { lessonId } = (await publishedLesson(first)).summary;
    const file = await first.getBytes(`/api/lessons/${lessonId}/file`);
    const text = new TextDecoder().decode(file.body);

    const imported = created(await second.post('/api/lessons/import', { file: text }));
    expect(imported.summary).toMatchObject({ status: 'published', publishedVersion: 1 });
    expect(imported.summary.lessonId).not.toBe(lessonId);
    expect(imported.published?.lesson).toEqual(smallLesson());
    const again = await second.getBytes(`/api/lessons/${imported.summary.lessonId}/file`);
    expect(new TextDecoder().decode(again.body)).toBe(text);
  });

  it('imports a file of an earlier version through the migrations', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const v1 = await readFile(
      new URL('../../domain/lesson/fixtures/soleimani-2020.v1.lesson.json', import.meta.url),
      'utf8',
    );
    expect(v1).toContain('"schemaVersion": 1,');
    const v2 = await readFile(
      new URL('../../domain/lesson/fixtures/soleimani-2020.v2.lesson.json', import.meta.url),
      'utf8',
    );
    const imported = created(await teacher.post('/api/lessons/import', { file: v1 }));
    const importedV2 = created(await teacher.post('/api/lessons/import', { file: v2 }));
    expect(imported.published?.lesson).toEqual(importedV2.published?.lesson);
    // Its 45 written minutes are gone: the minutes are computed from the content.
    expect(imported.summary.minutes).toEqual(lessonDuration(importedV2.published!.lesson));
    expect(imported.summary.minutes?.classroom.core).toBe(73);
  });

  it('refuses a broken import with every problem at its field and line', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const good = exportLessonFile(smallLesson());

    const broken = await teacher.post('/api/lessons/import', { file: good.slice(0, 200) });
    expect(broken.status).toBe(422);
    expect(problemsOf(broken)[0]?.message).toMatch(/not valid JSON/);

    const future = good.replace(`"schemaVersion": ${LESSON_SCHEMA_VERSION}`, '"schemaVersion": 99');
    const unknownVersion = problemsOf(await teacher.post('/api/lessons/import', { file: future }));
    expect(unknownVersion).toEqual([expect.objectContaining({ path: 'schemaVersion', line: 3 })]);

    const withoutSummary = JSON.parse(good) as { sections: { summary?: string }[] };
    delete withoutSummary.sections[0]!.summary;
    const missing = problemsOf(
      await teacher.post('/api/lessons/import', {
        file: JSON.stringify(withoutSummary, null, 2),
      }),
    );
    expect(missing.map((p) => p.path)).toEqual(['sections[0].summary']);
    expect(missing[0]?.line).toBeGreaterThan(1);

    // A part still marked drafted is refused, at its drafted field.
    const withDrafted = good.replace(
      '"title": "Rain on the plains",',
      '"drafted": "A note",\n    "title": "Rain on the plains",',
    );
    expect(withDrafted).not.toBe(good);
    expect(problemsOf(await teacher.post('/api/lessons/import', { file: withDrafted }))).toEqual([
      expect.objectContaining({
        path: 'metadata.drafted',
        message: 'is drafted and not yet reviewed: edit it or accept it.',
      }),
    ]);

    // 150 empty summaries: the first 100 are listed, and the rest counted.
    const manySections = JSON.parse(good) as { sections: { id: string; summary?: string }[] };
    const [first] = manySections.sections;
    manySections.sections = Array.from({ length: 150 }, (_, i) => ({
      ...first!,
      id: `s${i}`,
      summary: '',
    }));
    const many = await teacher.post('/api/lessons/import', {
      file: JSON.stringify(manySections, null, 2),
    });
    expect(many.status).toBe(422);
    const listed = problemsOf(many).length;
    expect(listed).toBe(100);
    const more = errorOf(many).moreProblems ?? 0;
    expect(more).toBeGreaterThanOrEqual(50);
    expect(errorOf(many).message).toBe(
      `The file cannot be imported: ${listed + more} problems to fix.`,
    );

    const oversized = `${good.slice(0, -2)}${' '.repeat(LESSON_FILE_MAX_BYTES)}}\n`;
    expectRefusal(
      await teacher.post('/api/lessons/import', { file: oversized }),
      413,
      'payload_too_large',
      'file',
    );
    // Nothing was added by the refusals.
    const library = await teacher.get<LessonLibrary>('/api/lessons');
    expect(library.body.lessons.filter((l) => !l.builtIn)).toEqual([]);
  });

  it('refuses text that cannot be stored, and keeps the saved draft', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const detail = created(await teacher.post('/api/lessons', { draft: smallLesson() }));
    const { lessonId } = detail.summary;
    const nul = smallLesson('Bad\u0000title');
    const refused = await teacher.put(`/api/lessons/${lessonId}/draft`, { draft: nul });
    expect(refused.status).toBe(400);
    expect(errorOf(refused).message).toMatch(/draft\.metadata\.title/);
    // A draft nested a million levels deep is refused by its depth, not by a crash.
    const deep = `{"draft":${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}`;
    const tooDeep = await teacher.request(
      'PUT',
      `/api/lessons/${lessonId}/draft`,
      undefined,
      {
        'content-type': 'application/json',
      },
      deep,
    );
    expectRefusal(tooDeep, 400, 'invalid_input', 'draft');
    const kept = await teacher.get<LessonDetail>(`/api/lessons/${lessonId}`);
    expect(kept.body.draft).toEqual(smallLesson());
  });
});
