import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Answer } from '#domain/lesson/answers';
import type { TeacherSessionView } from '#domain/api/live-contracts';
import {
  studentDataExportSchema,
  type StudentDataExport,
} from '#domain/api/student-data-contracts';
import type { Queryable } from '../db/database';
import { hashToken, newToken } from '../lib/secrets';
import { createPasswordReset } from '../repositories/password-resets.repository';
import {
  ApiClient,
  createLiveSession,
  expectRefusal,
  joinAs,
  signUpTeacher,
  submitAnswer,
} from './api-client';
import { describeWithServer } from './use-test-server';

const PASSWORD = 'correct horse battery';
const promptId = 'thesis-question';
const pollId = 'thesis-prior-knowledge';
const prompt = (text: string): Answer => ({ kind: 'prompt', text });

/**
 * How many rows of every table of the app's schema hold `needle` anywhere in them (the whole
 * row as text), table by table: the test's own look at the database, not the app's queries.
 */
async function rowsHolding(db: Queryable, needle: string): Promise<Record<string, number>> {
  const { rows: tables } = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  );
  const found: Record<string, number> = {};
  for (const { table_name: table } of tables) {
    const { rows } = await db.query<{ n: string | number }>(
      `SELECT count(*) AS n FROM "${table}" t WHERE strpos(lower(t::text), lower($1)) > 0`,
      [needle],
    );
    const n = Number(rows[0]?.n ?? 0);
    if (n > 0) found[table] = n;
  }
  return found;
}

describeWithServer('one student’s data and a teacher’s account on %s', (ctx) => {
  /** A self-paced class (every question open) with two students who answered. */
  async function classWithAnswers() {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const view = await createLiveSession(teacher, 'self-paced');
    const base = `/api/sessions/${view.session.id}`;
    // Names unlikely to appear by chance anywhere else in the database.
    const anaName = `Anaxi ${randomUUID().slice(0, 8)}`;
    const benName = `Benedo ${randomUUID().slice(0, 8)}`;
    const ana = await joinAs(ctx.server.baseUrl, view.session.joinCode, anaName);
    const ben = await joinAs(ctx.server.baseUrl, view.session.joinCode, benName);
    const answer = (student: ApiClient, itemId: string, given: Answer) =>
      submitAnswer(student, base, itemId, given);
    const anaText = `Ana thinks the strike was a gamble (${randomUUID().slice(0, 8)}).`;
    await answer(ana.student, promptId, prompt(anaText));
    await answer(ana.student, pollId, { kind: 'poll', optionIds: ['name-only'] });
    await answer(ben.student, promptId, prompt('Ben thinks it was planned.'));
    expect(
      (await ana.student.post(`${base}/progress`, { sectionId: 'shared-interests' })).status,
    ).toBe(204);
    expect(
      (
        await teacher.post(`${base}/responses/${ana.joined.participant.id}/${promptId}`, {
          isHidden: true,
        })
      ).status,
    ).toBe(200);
    return {
      teacher,
      view,
      base,
      ana: { ...ana, id: ana.joined.participant.id, name: anaName, text: anaText },
      ben: { ...ben, id: ben.joined.participant.id, name: benName },
    };
  }

  it('exports every answer and name the app holds for one student, and nobody else’s', async () => {
    const { teacher, base, ana, ben } = await classWithAnswers();
    const response = await teacher.get<StudentDataExport>(`${base}/participants/${ana.id}/export`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="student-/);
    const data = studentDataExportSchema.parse(response.body);
    expect(data.student).toMatchObject({ id: ana.id, displayName: ana.name, label: ana.name });
    expect(data.student.removedAt).toBeNull();
    expect(data.progress).toMatchObject({
      currentSectionId: 'shared-interests',
      answered: 2,
    });
    expect(data.answers.map((a) => [a.itemId, a.answerText])).toEqual([
      [pollId, 'I had heard the name'],
      [promptId, ana.text],
    ]);
    const given = data.answers.find((a) => a.itemId === promptId);
    expect(given?.question.length).toBeGreaterThan(10);
    expect(given?.wall).toEqual({ isHidden: true, isSpotlighted: false });
    expect(given?.firstAnsweredAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    // Her name and id are in the event log (joined, progressed): the file counts those copies.
    expect(data.eventLog.entries).toBeGreaterThan(0);
    // The rejoin code opens the session as her: said to exist, never written out.
    expect(data.rejoinCode.isIncluded).toBe(false);
    const text = JSON.stringify(response.body);
    expect(text).not.toContain(ana.joined.participant.rejoinCode);
    expect(text).not.toContain(ben.name);
    expect(text).not.toContain('Ben thinks');

    const markdown = await teacher.get<string>(
      `${base}/participants/${ana.id}/export?format=markdown`,
    );
    expect(markdown.status).toBe(200);
    expect(markdown.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(markdown.body).toContain(ana.name);
    expect(markdown.body).toContain(ana.text);
    expect(markdown.body).toContain('hidden by the teacher');
    expect(markdown.body).not.toContain(ana.joined.participant.rejoinCode);
  });

  it('deletes one student: no row of any table names them, and their stream closes', async () => {
    const { teacher, base, ana, ben } = await classWithAnswers();
    const teacherStream = await teacher.openStream(`${base}/events`);
    expect((await teacherStream.next()).event).toBe('ready');
    const anaStream = await ana.student.openStream(`${base}/events`);
    expect((await anaStream.next()).event).toBe('ready');
    await teacherStream.nextOf('participant.presence');

    const before = await rowsHolding(ctx.server.db, ana.id);
    expect(before).toMatchObject({ participants: 1, answers: 2 });
    expect(before.session_events).toBeGreaterThan(0);

    const deleted = await teacher.delete<TeacherSessionView>(`${base}/participants/${ana.id}/data`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.participants.map((p) => p.id)).toEqual([ben.id]);
    expect(deleted.body.answerCounts[promptId]).toBe(1);
    expect((await teacherStream.nextOf('roster.changed')).data).toEqual({
      type: 'roster.changed',
    });
    expect(await anaStream.waitForEnd(3000)).toBe(true);

    // A presence write racing the deletion would land after it: give it the time to.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await rowsHolding(ctx.server.db, ana.id)).toEqual({});
    expect(await rowsHolding(ctx.server.db, ana.name)).toEqual({});
    expect(await rowsHolding(ctx.server.db, ana.text)).toEqual({});
    // The search can find a student: Ben is all still there.
    expect(await rowsHolding(ctx.server.db, ben.name)).toMatchObject({ participants: 1 });
    expect((await teacher.get(`${base}/participants/${ben.id}/transcript`)).status).toBe(200);

    // Her cookie opens nothing, and tells her device why: deleted, not signed out by a rejoin.
    expectRefusal(await ana.student.get(`${base}/me`), 403, 'participant_deleted');
    // She is gone from every view.
    expectRefusal(await teacher.get(`${base}/participants/${ana.id}/export`), 404, 'not_found');
    expectRefusal(await teacher.delete(`${base}/participants/${ana.id}/data`), 404, 'not_found');
    const report = await teacher.get<{ participants: { id: string }[] }>(`${base}/report`);
    expect(report.body.participants.map((p) => p.id)).toEqual([ben.id]);
  });

  it('exports and deletes a removed student, whose answers removal kept stored', async () => {
    const { teacher, base, ana } = await classWithAnswers();
    expect((await teacher.delete(`${base}/participants/${ana.id}`)).status).toBe(200);
    const exported = await teacher.get<StudentDataExport>(`${base}/participants/${ana.id}/export`);
    const data = studentDataExportSchema.parse(exported.body);
    expect(data.student.removedAt).not.toBeNull();
    expect(data.answers).toHaveLength(2);
    expect((await teacher.delete(`${base}/participants/${ana.id}/data`)).status).toBe(200);
    expect(await rowsHolding(ctx.server.db, ana.id)).toEqual({});
  });

  it('refuses another teacher, and the teacher of another session, with 404', async () => {
    const { base, ana } = await classWithAnswers();
    const stranger = await signUpTeacher(ctx.server.baseUrl);
    expectRefusal(
      await stranger.get(`${base}/participants/${ana.id}/export`),
      404,
      'session_not_found',
    );
    expectRefusal(
      await stranger.delete(`${base}/participants/${ana.id}/data`),
      404,
      'session_not_found',
    );
    // Their own session, someone else's student.
    const own = await createLiveSession(stranger, 'self-paced');
    const ownBase = `/api/sessions/${own.session.id}`;
    expectRefusal(await stranger.get(`${ownBase}/participants/${ana.id}/export`), 404, 'not_found');
    expectRefusal(
      await stranger.delete(`${ownBase}/participants/${ana.id}/data`),
      404,
      'not_found',
    );
    expect(await rowsHolding(ctx.server.db, ana.id)).toMatchObject({ participants: 1, answers: 2 });
    // A student cannot ask for it either.
    expect((await ana.student.get(`${base}/participants/${ana.id}/export`)).status).toBe(401);
  });

  it('deletes a teacher’s account and everything in it, with the password only', async () => {
    const { teacher, view, base, ana } = await classWithAnswers();
    const me = await teacher.get<{ teacher: { id: string; email: string } }>('/api/auth/me');
    const { id: teacherId, email } = me.body.teacher;
    await createPasswordReset(
      ctx.server.db,
      teacherId,
      hashToken(newToken()),
      new Date(Date.now() + 3600_000),
    );
    const other = await classWithAnswers();
    const anaStream = await ana.student.openStream(`${base}/events`);
    expect((await anaStream.next()).event).toBe('ready');

    expectRefusal(
      await teacher.request('DELETE', '/api/auth/account', { password: 'not my password' }),
      403,
      'wrong_password',
      'password',
    );
    expectRefusal(await teacher.request('DELETE', '/api/auth/account', {}), 400, 'invalid_input');
    expect(await rowsHolding(ctx.server.db, teacherId)).toMatchObject({
      teachers: 1,
      auth_sessions: 1,
      password_resets: 1,
      class_sessions: 1,
    });
    // Another teacher's cookie deletes only their own account: the first one's is untouched.
    const cookie = teacher.cookie('sid');
    expect(cookie).toBeTruthy();

    const deleted = await teacher.request('DELETE', '/api/auth/account', { password: PASSWORD });
    expect(deleted.status).toBe(204);
    expect(await anaStream.waitForEnd(3000)).toBe(true);

    for (const needle of [teacherId, email, view.session.id, ana.id, ana.name]) {
      expect(await rowsHolding(ctx.server.db, needle), needle).toEqual({});
    }
    // Signed out here, and the old cookie, sent again, opens nothing.
    expectRefusal(await teacher.get('/api/auth/me'), 401, 'not_signed_in');
    const replay = new ApiClient(ctx.server.baseUrl);
    const old = await fetch(`${ctx.server.baseUrl}/api/auth/me`, {
      headers: { cookie: `sid=${cookie ?? ''}` },
    });
    expect(old.status).toBe(401);
    expectRefusal(
      await replay.post('/api/auth/sign-in', { email, password: PASSWORD }),
      401,
      'invalid_credentials',
    );
    // The other teacher's class is all there.
    expect(await rowsHolding(ctx.server.db, other.view.session.id)).toMatchObject({
      class_sessions: 1,
      participants: 2,
    });
    expect((await other.teacher.get(`${other.base}/report`)).status).toBe(200);
  });
});
