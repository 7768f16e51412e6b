import { expect, it } from 'vitest';
import type { SessionListRow } from '#domain/api/dashboard-contracts';
import type { StudentSessionView, TeacherSessionView } from '#domain/api/live-contracts';
import { ApiClient, createLiveSession, expectRefusal, joinAs, signUpTeacher } from './api-client';
import { describeWithServer, type ServerContext } from './use-test-server';

const HOUR_MS = 3600 * 1000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

async function setLastActivity(ctx: ServerContext, sessionId: string, iso: string) {
  await ctx.server.db.query('UPDATE class_sessions SET last_activity_at = $2 WHERE id = $1', [
    sessionId,
    iso,
  ]);
}

async function listed(teacher: ApiClient, id: string): Promise<SessionListRow | undefined> {
  const response = await teacher.get<{ sessions: SessionListRow[] }>('/api/sessions');
  expect(response.status).toBe(200);
  return response.body.sessions.find((s) => s.id === id);
}

const keepOpen = (teacher: ApiClient, id: string, value: boolean) =>
  teacher.post<TeacherSessionView>(`/api/sessions/${id}/settings`, { keepOpen: value });

describeWithServer('keeping a self-paced session open (WCAG 2.2.1) on %s', (ctx) => {
  it('tells the teacher when an idle session will end, and a kept one never does', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const { session } = await createLiveSession(teacher, 'self-paced');
    const created = await listed(teacher, session.id);
    expect(created).toMatchObject({ keepOpen: false, endedBy: null });
    // IDLE_SESSION_HOURS is 12 here: the end is 12 hours after the last activity.
    const endsIn = new Date(created!.idleEndsAt!).getTime() - Date.now();
    expect(endsIn).toBeGreaterThan(11.9 * HOUR_MS);
    expect(endsIn).toBeLessThanOrEqual(12 * HOUR_MS);

    const kept = await keepOpen(teacher, session.id, true);
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect(kept.body.session).toMatchObject({ keepOpen: true, idleEndsAt: null });
    expect(await listed(teacher, session.id)).toMatchObject({ keepOpen: true, idleEndsAt: null });
  });

  it('passes a kept session by at the idle end, and ends it once the teacher lets it go', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const kept = (await createLiveSession(teacher, 'self-paced')).session;
    const notKept = (await createLiveSession(teacher, 'self-paced')).session;
    const { student } = await joinAs(ctx.server.baseUrl, kept.joinCode, 'Ana');
    expect((await keepOpen(teacher, kept.id, true)).status).toBe(200);
    await setLastActivity(ctx, kept.id, ago(30 * HOUR_MS));
    await setLastActivity(ctx, notKept.id, ago(13 * HOUR_MS));

    const first = await ctx.server.app.housekeeping.sweep();

    expect(first.sessionsEnded).toBe(1);
    expect(await listed(teacher, kept.id)).toMatchObject({ status: 'open', keepOpen: true });
    expect(await listed(teacher, notKept.id)).toMatchObject({ status: 'ended', endedBy: 'idle' });
    const joined = await joinAs(ctx.server.baseUrl, kept.joinCode, 'Ben');
    expect(joined.joined.sessionId).toBe(kept.id);

    // Letting it go counts as activity: it ends only after another 12 idle hours.
    const letGo = await keepOpen(teacher, kept.id, false);
    expect(letGo.body.session.keepOpen).toBe(false);
    expect(letGo.body.session.idleEndsAt).not.toBeNull();
    await setLastActivity(ctx, kept.id, ago(13 * HOUR_MS));
    await ctx.server.app.housekeeping.sweep();
    const view = await student.get<StudentSessionView>(`/api/sessions/${kept.id}/me`);
    expect(view.status).toBe(200);
    // The student's page can say why: nobody used it, not the teacher's choice.
    expect(view.body.session).toMatchObject({ status: 'ended', endedBy: 'idle' });
  });

  it('says the teacher ended it when they did, and refuses keeping an ended session open', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const { session } = await createLiveSession(teacher, 'self-paced');
    const { student } = await joinAs(ctx.server.baseUrl, session.joinCode, 'Cai');
    expect((await teacher.post(`/api/sessions/${session.id}/end`)).status).toBe(200);
    const view = await student.get<StudentSessionView>(`/api/sessions/${session.id}/me`);
    expect(view.body.session).toMatchObject({ endedBy: 'teacher', idleEndsAt: null });
    expectRefusal(await keepOpen(teacher, session.id, true), 409, 'session_ended');
  });

  it('refuses a settings change that names nothing, or a keepOpen that is not a boolean', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const { session } = await createLiveSession(teacher, 'self-paced');
    const empty = await teacher.post(`/api/sessions/${session.id}/settings`, {});
    expectRefusal(empty, 400, 'invalid_input', 'wallIdentity');
    expect(JSON.stringify(empty.body)).toContain(
      'give wallIdentity, keepOpen or namesHiddenFromTeacher',
    );
    expectRefusal(
      await teacher.post(`/api/sessions/${session.id}/settings`, { keepOpen: 'yes' }),
      400,
      'invalid_input',
      'keepOpen',
    );
  });
});
