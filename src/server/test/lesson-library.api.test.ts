import { randomUUID } from 'node:crypto';
import { stripAnswerKeys } from '#domain/lesson/answer-keys';
import { expect, it } from 'vitest';
import { lessonDuration } from '#domain/lesson/lesson-duration';
import { soleimaniLesson } from '#domain/lesson/builtin/soleimani-lesson';
import type {
  LessonDetail,
  LessonLibrary,
  LessonVersion,
} from '#domain/api/lesson-library-contracts';
import type { SessionReport } from '#domain/api/dashboard-contracts';
import type { StudentSessionView } from '#domain/api/live-contracts';
import {
  ApiClient,
  createLiveSession,
  errorOf,
  expectRefusal,
  joinAs,
  signUpTeacher,
} from './api-client';
import { describeWithServer } from './use-test-server';
import { created, problemsOf, publishedLesson, smallLesson } from './lesson-library-fixtures';

describeWithServer('the lesson library on %s', (ctx) => {
  it('lists the built-in lesson, read-only and shared by its id', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const { body } = await teacher.get<LessonLibrary>('/api/lessons');
    const builtIn = body.lessons.find((l) => l.lessonId === soleimaniLesson.id);
    expect(builtIn).toMatchObject({
      builtIn: true,
      status: 'published',
      publishedVersion: 1,
      shareKey: soleimaniLesson.id,
      sessionCount: 0,
      sectionCount: soleimaniLesson.sections.length,
      minutes: lessonDuration(soleimaniLesson),
    });
    expect(builtIn?.minutes?.classroom.core).toBe(33);
    expectRefusal(
      await teacher.put(`/api/lessons/${soleimaniLesson.id}/draft`, { draft: smallLesson() }),
      403,
      'lesson_read_only',
    );
    const copy = created(await teacher.post(`/api/lessons/${soleimaniLesson.id}/duplicate`));
    expect(copy.summary).toMatchObject({ builtIn: false, status: 'draft', publishedVersion: null });
    expect(copy.summary.title).toBe(`Copy of ${soleimaniLesson.metadata.title}`);
  });

  it('keeps drafts as typed, refuses a stale save, and publishes numbered versions', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const draft = { metadata: { title: 'Half-written' }, sections: [] };
    const detail = created(await teacher.post('/api/lessons', { draft }));
    const { lessonId } = detail.summary;
    expect(detail.draft).toEqual(draft);
    expect(detail.summary).toMatchObject({ title: 'Half-written', status: 'draft' });

    // A problem at each field that is wrong, not only the first.
    const refused = await teacher.post(`/api/lessons/${lessonId}/publish`);
    expect(refused.status).toBe(422);
    const paths = problemsOf(refused).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['id', 'metadata.subtitle', 'sections']));

    const saved = await teacher.put<{ draftSavedAt: string }>(`/api/lessons/${lessonId}/draft`, {
      draft: smallLesson(),
      basedOn: detail.draftSavedAt,
    });
    expect(saved.status).toBe(200);
    // Another tab that opened the first draft cannot overwrite the newer one unknowingly.
    expectRefusal(
      await teacher.put(`/api/lessons/${lessonId}/draft`, {
        draft,
        basedOn: detail.draftSavedAt,
      }),
      409,
      'draft_conflict',
    );
    const first = await teacher.post<LessonDetail>(`/api/lessons/${lessonId}/publish`);
    expect(first.body.published?.version).toBe(1);
    expect(first.body.summary).toMatchObject({
      status: 'published',
      hasUnpublishedChanges: false,
      title: 'Rain on the plains',
    });

    // A quote that is not in the article is named at its field.
    const withBadQuote = smallLesson('Rain, revised');
    withBadQuote.sections[0]!.items.push({
      kind: 'claimCheck',
      id: 'check-claims',
      instructions: 'Sort each claim.',
      claims: [{ id: 'c1', quote: 'Words nobody wrote', expected: 'fact', explanation: 'None.' }],
    });
    await teacher.put(`/api/lessons/${lessonId}/draft`, { draft: withBadQuote });
    const badQuote = await teacher.post(`/api/lessons/${lessonId}/publish`);
    expect(problemsOf(badQuote)).toEqual([
      expect.objectContaining({ path: 'sections[0].items[2].claims[0].quote' }),
    ]);
    // A part the app drafted is kept in the draft, and refused at publishing until reviewed.
    const drafted = smallLesson('Rain, revised');
    drafted.sections[0]!.drafted = 'Drafted from the article';
    await teacher.put(`/api/lessons/${lessonId}/draft`, { draft: drafted });
    const unreviewed = await teacher.post(`/api/lessons/${lessonId}/publish`);
    expect(unreviewed.status).toBe(422);
    expect(problemsOf(unreviewed)).toEqual([
      expect.objectContaining({
        path: 'sections[0].drafted',
        message: 'is drafted and not yet reviewed: edit it or accept it.',
      }),
    ]);
    await teacher.put(`/api/lessons/${lessonId}/draft`, { draft: smallLesson('Rain, revised') });
    const second = await teacher.post<LessonDetail>(`/api/lessons/${lessonId}/publish`);
    expect(second.body.published?.version).toBe(2);
    expect(second.body.summary.title).toBe('Rain, revised');
  });

  it('pins the version a session started with, whatever is published later', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const v1 = await publishedLesson(teacher);
    const { lessonId } = v1.summary;
    const session = await createLiveSession(teacher, 'teacher-paced', lessonId);
    expect(session.session).toMatchObject({ lessonId, lessonVersion: 1 });
    const { student } = await joinAs(ctx.server.baseUrl, session.session.joinCode, 'Ada');

    await teacher.put(`/api/lessons/${lessonId}/draft`, { draft: smallLesson('Rain, version 2') });
    await teacher.post(`/api/lessons/${lessonId}/publish`);

    for (const caller of [teacher, student]) {
      const pinned = await caller.get<LessonVersion>(`/api/sessions/${session.session.id}/lesson`);
      expect(pinned.status).toBe(200);
      expect(pinned.body).toMatchObject({ lessonId, version: 1 });
      expect(pinned.body.lesson.metadata.title).toBe('Rain on the plains');
    }
    const view = await student.get<StudentSessionView>(`/api/sessions/${session.session.id}/me`);
    expect(view.body.session.lessonTitle).toBe('Rain on the plains');
    const report = await teacher.get<SessionReport>(`/api/sessions/${session.session.id}/report`);
    expect(report.body).toMatchObject({ lessonVersion: 1, lessonTitle: 'Rain on the plains' });

    const later = await createLiveSession(teacher, 'self-paced', lessonId);
    expect(later.session).toMatchObject({ lessonVersion: 2, lessonTitle: 'Rain, version 2' });
    const library = await teacher.get<LessonLibrary>('/api/lessons');
    expect(library.body.lessons.find((l) => l.lessonId === lessonId)?.sessionCount).toBe(2);
  });

  it("keeps a teacher's lesson from other teachers and students unless shared by its link", async () => {
    const owner = await signUpTeacher(ctx.server.baseUrl, 'Owner');
    const other = await signUpTeacher(ctx.server.baseUrl, 'Other');
    const { lessonId } = (await publishedLesson(owner)).summary;
    const session = await createLiveSession(owner, 'teacher-paced', lessonId);

    const library = await other.get<LessonLibrary>('/api/lessons');
    expect(library.body.lessons.map((l) => l.lessonId)).not.toContain(lessonId);
    for (const response of [
      await other.get(`/api/lessons/${lessonId}`),
      await other.get(`/api/lessons/${lessonId}/file`),
      await other.put(`/api/lessons/${lessonId}/draft`, { draft: smallLesson('Mine now') }),
      await other.post(`/api/lessons/${lessonId}/publish`),
      await other.post(`/api/lessons/${lessonId}/duplicate`),
      await other.post(`/api/lessons/${lessonId}/share`, { shared: true }),
      await other.post(`/api/lessons/${lessonId}/archive`, { archived: true }),
      await other.delete(`/api/lessons/${lessonId}?sessions=1`),
      await other.post('/api/sessions', { lessonId, mode: 'self-paced' }),
    ]) {
      expectRefusal(response, 404, 'lesson_not_found');
    }
    expectRefusal(
      await other.get(`/api/sessions/${session.session.id}/lesson`),
      404,
      'session_not_found',
    );
    // A student of another session, and nobody at all, cannot read it either.
    const elsewhere = await createLiveSession(other, 'teacher-paced');
    const { student } = await joinAs(ctx.server.baseUrl, elsewhere.session.joinCode, 'Bo');
    expectRefusal(
      await student.get(`/api/sessions/${session.session.id}/lesson`),
      401,
      'not_signed_in',
    );
    const anyone = new ApiClient(ctx.server.baseUrl);
    expectRefusal(await anyone.get(`/api/shared-lessons/${lessonId}`), 404, 'lesson_not_found');

    const shared = await owner.post<{ shareKey: string | null }>(`/api/lessons/${lessonId}/share`, {
      shared: true,
    });
    const key = shared.body.shareKey ?? '';
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const studied = await anyone.get<LessonVersion>(`/api/shared-lessons/${key}`);
    expect(studied.status).toBe(200);
    expect(studied.body).toMatchObject({ lessonId, version: 1 });
    await owner.post(`/api/lessons/${lessonId}/share`, { shared: false });
    expectRefusal(await anyone.get(`/api/shared-lessons/${key}`), 404, 'lesson_not_found');
    const builtIn = await anyone.get<LessonVersion>(`/api/shared-lessons/${soleimaniLesson.id}`);
    expect(builtIn.body.lesson).toEqual(stripAnswerKeys(soleimaniLesson));
  });

  it('publishes a forecast about the future, which self-study and a class session then run', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const lesson = smallLesson('What happens next');
    const forecast = soleimaniLesson.sections
      .flatMap((section) => section.items)
      .find((item) => item.kind === 'forecast');
    if (forecast?.kind !== 'forecast') throw new Error('the shipped lesson has no forecast');
    // "Not known yet": the editor sends no resolution.
    const waiting = {
      ...forecast,
      scenarios: forecast.scenarios.map(({ resolution: _r, ...scenario }) => scenario),
    };
    lesson.sections[0]!.items.push(waiting);
    const { lessonId } = (await publishedLesson(teacher, lesson)).summary;

    const shared = await teacher.post<{ shareKey: string | null }>(
      `/api/lessons/${lessonId}/share`,
      { shared: true },
    );
    const studied = await new ApiClient(ctx.server.baseUrl).get<LessonVersion>(
      `/api/shared-lessons/${shared.body.shareKey ?? ''}`,
    );
    expect(studied.status).toBe(200);
    const studiedForecast = studied.body.lesson.sections[0]!.items.find(
      (i) => i.id === forecast.id,
    );
    expect(studiedForecast).toEqual(waiting);

    const session = await createLiveSession(teacher, 'self-paced', lessonId);
    const base = `/api/sessions/${session.session.id}`;
    const { student } = await joinAs(ctx.server.baseUrl, session.session.joinCode, 'Ada');
    const probabilities = Object.fromEntries(waiting.scenarios.map((s) => [s.id, 70]));
    const ack = await student.put(`${base}/answers/${forecast.id}`, {
      submissionId: randomUUID(),
      revision: 1,
      answer: { kind: 'forecast', probabilities },
    });
    expect(ack.status, JSON.stringify(ack.body)).toBe(200);
    const report = await teacher.get<SessionReport>(`${base}/report`);
    expect(report.status).toBe(200);
    expect(report.body.forecastScores).toEqual([]);

    // Once it has happened, the teacher reveals it and the forecasts are scored.
    const outcomes = Object.fromEntries(
      waiting.scenarios.map((s, i) => [s.id, { happened: i === 0, text: 'As it turned out.' }]),
    );
    const revealed = await teacher.post(`${base}/outcomes`, { itemId: forecast.id, outcomes });
    expect(revealed.status, JSON.stringify(revealed.body)).toBe(200);
    const mine = await student.get<StudentSessionView>(`${base}/me`);
    expect(mine.body.forecastScores[0]?.mine?.perScenario[waiting.scenarios[0]!.id]).toBeCloseTo(
      0.09,
      10,
    );
  });

  it('archives a lesson out of new sessions, and deletes one with its sessions only when confirmed', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const { lessonId } = (await publishedLesson(teacher)).summary;
    const session = await createLiveSession(teacher, 'teacher-paced', lessonId);

    const archived = await teacher.post(`/api/lessons/${lessonId}/archive`, { archived: true });
    expect(archived.body).toMatchObject({ archived: true });
    expectRefusal(
      await teacher.post('/api/sessions', { lessonId, mode: 'self-paced' }),
      409,
      'lesson_archived',
      'lessonId',
    );
    // The archived lesson's session still opens.
    expect((await teacher.get(`/api/sessions/${session.session.id}/report`)).status).toBe(200);

    const refused = await teacher.delete(`/api/lessons/${lessonId}`);
    expectRefusal(refused, 409, 'lesson_has_sessions');
    expect(errorOf(refused).message).toMatch(/^1 session used this lesson/);
    expect((await teacher.get(`/api/lessons/${lessonId}`)).status).toBe(200);

    expect((await teacher.delete(`/api/lessons/${lessonId}?sessions=1`)).status).toBe(204);
    expectRefusal(await teacher.get(`/api/lessons/${lessonId}`), 404, 'lesson_not_found');
    expectRefusal(
      await teacher.get(`/api/sessions/${session.session.id}`),
      404,
      'session_not_found',
    );
  });

  it('refuses a teacher storing lessons faster than a person would, keeping what was stored', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const draft = { metadata: { title: 'Spam' }, sections: [] };
    // 60 lessons or versions in ten minutes: the 61st is refused, whichever way it is stored.
    const stored = await Promise.all(
      Array.from({ length: 60 }, () => teacher.post('/api/lessons', { draft })),
    );
    expect(stored.map((response) => response.status)).toStrictEqual(Array(60).fill(201));
    const first = created(stored[0]!);
    const { lessonId } = first.summary;
    for (const refused of [
      await teacher.post('/api/lessons', { draft }),
      await teacher.post(`/api/lessons/${lessonId}/duplicate`, {}),
      await teacher.post(`/api/lessons/${lessonId}/publish`, {}),
    ]) {
      expectRefusal(refused, 429, 'rate_limited');
      expect(errorOf(refused).message).toMatch(
        /^Too many new, imported, duplicated or published lessons/,
      );
    }
    const library = await teacher.get<LessonLibrary>('/api/lessons');
    expect(library.body.lessons.filter((lesson) => lesson.title === 'Spam')).toHaveLength(60);
    // Saving a draft is counted apart, and another teacher is not held back.
    const saved = await teacher.put(`/api/lessons/${lessonId}/draft`, {
      draft: smallLesson(),
      basedOn: first.draftSavedAt,
    });
    expect(saved.status).toBe(200);
    const other = await signUpTeacher(ctx.server.baseUrl, 'Other');
    expect((await other.post('/api/lessons', { draft })).status).toBe(201);
  });
});
