import { expect, it } from 'vitest';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import type { SessionReport, WallResponsesResponse } from '#domain/api/dashboard-contracts';
import type { StudentSessionView, TeacherSessionView } from '#domain/api/live-contracts';
import { createLiveSession, errorOf, signUpTeacher, expectRefusal } from './api-client';
import { describeWithServer } from './use-test-server';
import {
  type ListedSession,
  dashboardHelpers,
  evaluatePrompt,
  forecast,
  prompt,
  thesis,
  thesisPoll,
  thesisPrompt,
} from './dashboard-fixtures';

describeWithServer('the teacher dashboard on %s: sessions', (ctx) => {
  const { answer, classOf, openReady } = dashboardHelpers(ctx);

  it('lists the teacher’s sessions with counts of students and answers', async () => {
    const { teacher, id, base, students } = await classOf('self-paced', ['Ana', 'Ben', 'Cy']);
    const [ana, ben] = students;
    const quiet = await createLiveSession(teacher, 'teacher-paced');
    await answer(ana.client, base, thesisPrompt.id, prompt('A question about war.'));
    await answer(ana.client, base, thesisPoll.id, {
      kind: 'poll',
      optionIds: [thesisPoll.options[0]!.id],
    });
    await answer(ben.client, base, thesisPrompt.id, prompt('First try.'));
    // A revised answer is still one answer.
    await answer(ben.client, base, thesisPrompt.id, prompt('Second try.'), 2);

    const list = await teacher.get<{ sessions: ListedSession[] }>('/api/sessions');
    expect(list.status).toBe(200);
    expect(list.body.sessions).toHaveLength(2);
    const busy = list.body.sessions.find((s) => s.id === id);
    expect(busy).toMatchObject({
      lessonId: lesson.id,
      lessonTitle: lesson.metadata.title,
      mode: 'self-paced',
      status: 'open',
      participantCount: 3,
      answerCount: 3,
    });
    expect(list.body.sessions.find((s) => s.id === quiet.session.id)).toMatchObject({
      mode: 'teacher-paced',
      participantCount: 0,
      answerCount: 0,
    });

    // Another teacher sees none of them.
    const other = await signUpTeacher(ctx.server.baseUrl, 'Other');
    expect((await other.get<{ sessions: unknown[] }>('/api/sessions')).body.sessions).toEqual([]);
  });

  it('stops counting a removed student and their answers in the list', async () => {
    const { teacher, id, base, students } = await classOf('self-paced', ['Ana', 'Ben']);
    const [ana, ben] = students;
    await answer(ana.client, base, thesisPrompt.id, prompt('Mine.'));
    await answer(ben.client, base, thesisPrompt.id, prompt('His.'));
    await answer(ben.client, base, evaluatePrompt.id, prompt('Also his.'));
    expect((await teacher.delete(`${base}/participants/${ben.id}`)).status).toBe(200);

    // The session view and the report no longer count Ben's answers; the list must agree.
    const view = await teacher.get<TeacherSessionView>(base);
    expect(view.body.answerCounts).toEqual({ [thesisPrompt.id]: 1 });
    const report = await teacher.get<SessionReport>(`${base}/report`);
    expect(report.body.participants.map((p) => [p.label, p.answers])).toEqual([['Ana', 1]]);
    const list = await teacher.get<{ sessions: ListedSession[] }>('/api/sessions');
    expect(list.body.sessions.find((s) => s.id === id)).toMatchObject({
      participantCount: 1,
      answerCount: 1,
    });
  });
  it('deletes a session for good, and only for its owner', async () => {
    const { teacher, id, base, students } = await classOf('self-paced', ['Ana']);
    const [ana] = students;
    await answer(ana.client, base, thesisPrompt.id, prompt('Still here.'));

    const other = await signUpTeacher(ctx.server.baseUrl, 'Other');
    expectRefusal(await other.delete(base), 404, 'session_not_found');
    // Nothing was deleted.
    const kept = await teacher.get<TeacherSessionView>(base);
    expect(kept.status).toBe(200);
    expect(kept.body.participants.map((p) => p.id)).toEqual([ana.id]);
    expect(kept.body.answerCounts).toEqual({ [thesisPrompt.id]: 1 });
    expect((await ana.client.get<StudentSessionView>(`${base}/me`)).status).toBe(200);

    const stream = await openReady(ana.client, base);
    const deleted = await teacher.delete(base);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBe('');
    // The student's stream is closed.
    expect(await stream.waitForEnd(3000)).toBe(true);

    for (const path of [
      base,
      `${base}/report`,
      `${base}/answers.csv`,
      `${base}/responses`,
      `${base}/projector`,
      `${base}/participants/${ana.id}/transcript`,
    ]) {
      expectRefusal(await teacher.get(path), 404, 'session_not_found');
    }
    expectRefusal(await teacher.delete(base), 404, 'session_not_found');
    const list = await teacher.get<{ sessions: ListedSession[] }>('/api/sessions');
    expect(list.body.sessions.map((s) => s.id)).not.toContain(id);
    const me = await ana.client.get(`${base}/me`);
    expect([401, 404]).toContain(me.status);
  });

  it('keeps the dashboard from students', async () => {
    const { teacher, base, students } = await classOf('self-paced', ['Ana']);
    const [ana] = students;
    await answer(ana.client, base, thesisPrompt.id, prompt('Mine.'));
    const student = ana.client;
    const outcomes = Object.fromEntries(
      forecast.scenarios.map((s) => [s.id, { happened: true, text: 'Yes.' }]),
    );
    const attempts = [
      await student.get('/api/sessions'),
      await student.get(`${base}/responses`),
      await student.post(`${base}/responses/${ana.id}/${thesisPrompt.id}`, { isSpotlighted: true }),
      await student.post(`${base}/settings`, { wallIdentity: 'names' }),
      await student.get(`${base}/themes?sectionId=${thesis.id}`),
      await student.post(`${base}/outcomes`, { itemId: forecast.id, outcomes }),
      await student.get(`${base}/report`),
      await student.get(`${base}/participants/${ana.id}/transcript`),
      await student.get(`${base}/answers.csv`),
      await student.get(`${base}/projector`),
      await student.delete(base),
    ];
    for (const response of attempts) {
      expect([401, 404]).toContain(response.status);
      expect(['not_signed_in', 'session_not_found']).toContain(errorOf(response).code);
    }
    // None of it happened.
    const view = await teacher.get<TeacherSessionView>(base);
    expect(view.status).toBe(200);
    expect(view.body.wallIdentity).toBe('anonymous');
    expect(view.body.forecastScores).toEqual([]);
    const responses = await teacher.get<WallResponsesResponse>(`${base}/responses`);
    expect(responses.body.responses).toEqual([
      expect.objectContaining({ participantId: ana.id, isSpotlighted: false, isHidden: false }),
    ]);
  });
});
