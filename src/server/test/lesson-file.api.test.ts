import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import {
  CURRENT_LESSON_FILE_VERSION,
  exportLessonFile,
  importLessonFile,
} from '#domain/lesson/lesson-file';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import { readMigrations } from '../db/migrate';
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
    const shipped = new URL(
      '../../domain/lesson/builtin/soleimani-2020.lesson.json',
      import.meta.url,
    );
    expect(text).toBe(readFileSync(shipped, 'utf8'));
    expect(imported.lesson.schemaVersion).toBe(CURRENT_LESSON_FILE_VERSION);
  });

  it('refuses an unknown lesson, and anyone not signed in as a teacher', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    expectRefusal(await teacher.get('/api/lessons/no-such-lesson/file'), 404, 'lesson_not_found');
    const stranger = new ApiClient(ctx.server.baseUrl);
    expectRefusal(await stranger.get(`/api/lessons/${lesson.id}/file`), 401, 'not_signed_in');
  });

  it('opens a version stored with a source link other than http(s), without that link', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const builtIn = await teacher.getBytes(`/api/lessons/${lesson.id}/file`);
    const imported = await teacher.post<{ summary: { lessonId: string } }>('/api/lessons/import', {
      file: new TextDecoder().decode(builtIn.body),
    });
    expect(imported.status).toBe(201);
    const { lessonId } = imported.body.summary;
    // Published before links had to be web addresses.
    const stored = JSON.parse(exportLessonFile(lesson)) as { metadata: { source: object } };
    stored.metadata.source = { ...stored.metadata.source, url: 'javascript:alert(1)' };
    // Under a new id: the server keeps the versions it wrote in a cache by id, and a version
    // stored before the upgrade was never in this server's cache.
    const { rows } = await ctx.server.db.query(
      'UPDATE lesson_versions SET file = $1, id = gen_random_uuid() WHERE lesson_id = $2 RETURNING id',
      [JSON.stringify(stored), lessonId],
    );
    expect(rows).toHaveLength(1);
    const upgrade = (await readMigrations()).find((m) => m.name === 'http_source_links');
    if (!upgrade) throw new Error('migration http_source_links not found');
    await ctx.server.db.query(upgrade.sql);

    const opened = await teacher.getBytes(`/api/lessons/${lessonId}/file`);
    expect(opened.status).toBe(200);
    const reread = importLessonFile(new TextDecoder().decode(opened.body));
    if (!reread.ok) throw new Error(JSON.stringify(reread.problems));
    expect(reread.lesson.metadata.source.url).toBeUndefined();
    expect(reread.lesson.metadata.source.headline).toBe(lesson.metadata.source.headline);
  });
});
