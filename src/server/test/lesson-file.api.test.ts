import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { exportLessonFile, importLessonFile } from '../../domain/lesson/lesson-file';
import { soleimaniLesson as lesson } from '../../domain/lessons/soleimani-lesson';
import { ApiClient, expectRefusal, signUpTeacher } from './api-client';
import { describeWithServer } from './use-test-server';

describeWithServer('lesson files on %s', (ctx) => {
  it('gives a teacher the lesson as an open file that imports back to the same lesson', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const response = await teacher.getBytes(`/api/lessons/${lesson.id}/file`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="${lesson.id}-v1.lesson.json"`,
    );
    const text = new TextDecoder().decode(response.body);
    const imported = importLessonFile(text);
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    expect(imported.lesson).toEqual(lesson);
    // Imported and exported again, it is the same file, byte for byte.
    expect(exportLessonFile(imported.lesson)).toBe(text);
    // It is the shipped lesson's own file, of today's version.
    const shipped = new URL('../../domain/lessons/soleimani-2020.lesson.json', import.meta.url);
    expect(text).toBe(readFileSync(shipped, 'utf8'));
    expect(imported.lesson.schemaVersion).toBe(4);
  });

  it('refuses an unknown lesson, and anyone not signed in as a teacher', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    expectRefusal(await teacher.get('/api/lessons/no-such-lesson/file'), 404, 'lesson_not_found');
    const stranger = new ApiClient(ctx.server.baseUrl);
    expectRefusal(await stranger.get(`/api/lessons/${lesson.id}/file`), 401, 'not_signed_in');
  });
});
