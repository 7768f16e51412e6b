import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { SessionListRow } from '#domain/api/dashboard-contracts';
import type { JoinResponse, Teacher } from '#domain/api/live-contracts';
import { sweep } from '../services/housekeeping';
import { createPasswordReset } from '../repositories/password-resets.repository';
import { insertSessionEvent } from '../repositories/session-events.repository';
import { ApiClient, createLiveSession, expectRefusal, joinAs, signUpTeacher } from './api-client';
import { describeWithServer, type ServerContext } from './use-test-server';

const DAY_MS = 24 * 3600 * 1000;
const HOUR_MS = 3600 * 1000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

/** Counts of the rows the app holds for one session, across every table that names it. */
async function rowsOfSession(ctx: ServerContext, sessionId: string) {
  const count = async (table: string) => {
    const { rows } = await ctx.server.db.query<{ n: string | number }>(
      `SELECT count(*) AS n FROM ${table} WHERE ${table === 'class_sessions' ? 'id' : 'session_id'} = $1`,
      [sessionId],
    );
    return Number(rows[0]?.n);
  };
  return {
    sessions: await count('class_sessions'),
    participants: await count('participants'),
    answers: await count('answers'),
    events: await count('session_events'),
  };
}

/** A session of its own with one student who answered, then ended by the teacher. */
async function endedSessionWithAnswer(ctx: ServerContext, teacher: ApiClient, name: string) {
  const view = await createLiveSession(teacher, 'self-paced');
  const { id, joinCode } = view.session;
  const { student } = await joinAs(ctx.server.baseUrl, joinCode, name);
  const answered = await student.put(`/api/sessions/${id}/answers/thesis-question`, {
    submissionId: randomUUID(),
    revision: 1,
    answer: { kind: 'prompt', text: `${name} thinks it was a mistake.` },
  });
  expect(answered.status).toBe(200);
  expect((await teacher.post(`/api/sessions/${id}/end`)).status).toBe(200);
  return id;
}

async function setEndedAt(ctx: ServerContext, sessionId: string, iso: string) {
  await ctx.server.db.query('UPDATE class_sessions SET ended_at = $2 WHERE id = $1', [
    sessionId,
    iso,
  ]);
}

async function setLastActivity(ctx: ServerContext, sessionId: string, iso: string) {
  await ctx.server.db.query('UPDATE class_sessions SET last_activity_at = $2 WHERE id = $1', [
    sessionId,
    iso,
  ]);
}

async function listed(teacher: ApiClient): Promise<SessionListRow[]> {
  const response = await teacher.get<{ sessions: SessionListRow[] }>('/api/sessions');
  expect(response.status).toBe(200);
  return response.body.sessions;
}

describeWithServer('housekeeping on %s', (ctx) => {
  it('deletes an ended session past the retention period with its students, answers and events, and keeps younger and open ones', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const old = await endedSessionWithAnswer(ctx, teacher, 'Ana');
    const younger = await endedSessionWithAnswer(ctx, teacher, 'Ben');
    const open = (await createLiveSession(teacher, 'teacher-paced')).session.id;
    await setEndedAt(ctx, old, ago(366 * DAY_MS));
    await setEndedAt(ctx, younger, ago(364 * DAY_MS));
    // Started long ago but still in use: an open session is never deleted.
    await ctx.server.db.query('UPDATE class_sessions SET created_at = $2 WHERE id = $1', [
      open,
      ago(800 * DAY_MS),
    ]);
    expect(await rowsOfSession(ctx, old)).toMatchObject({
      sessions: 1,
      participants: 1,
      answers: 1,
    });
    expect((await rowsOfSession(ctx, old)).events).toBeGreaterThan(0);

    const report = await ctx.server.app.housekeeping.sweep();

    expect(report.sessionsDeleted).toBe(1);
    expect(await rowsOfSession(ctx, old)).toEqual({
      sessions: 0,
      participants: 0,
      answers: 0,
      events: 0,
    });
    expectRefusal(await teacher.get(`/api/sessions/${old}`), 404, 'session_not_found');
    expect((await listed(teacher)).map((s) => s.id).sort()).toEqual([younger, open].sort());
    expect(await rowsOfSession(ctx, younger)).toMatchObject({ participants: 1, answers: 1 });

    // Nothing is left to do: a second sweep deletes nothing more.
    expect((await ctx.server.app.housekeeping.sweep()).sessionsDeleted).toBe(0);
    expect((await listed(teacher)).map((s) => s.id).sort()).toEqual([younger, open].sort());
  });

  it('shows the teacher when each past session will be deleted, and none for open ones', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const past = await endedSessionWithAnswer(ctx, teacher, 'Cy');
    const endedAt = ago(340 * DAY_MS);
    await setEndedAt(ctx, past, endedAt);
    const open = (await createLiveSession(teacher, 'self-paced')).session.id;

    const sessions = await listed(teacher);
    const deletesAt = new Date(new Date(endedAt).getTime() + 365 * DAY_MS).toISOString();
    expect(sessions.find((s) => s.id === past)).toMatchObject({ status: 'ended', deletesAt });
    expect(sessions.find((s) => s.id === open)).toMatchObject({ status: 'open', deletesAt: null });
  });

  it('ends an idle session: its class is told, and its join code is refused as ended', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const idle = (await createLiveSession(teacher, 'teacher-paced')).session;
    const busy = (await createLiveSession(teacher, 'teacher-paced')).session;
    const { student } = await joinAs(ctx.server.baseUrl, idle.joinCode, 'Dee');
    const stream = await student.openStream(`/api/sessions/${idle.id}/events`);
    await stream.nextOf('ready');
    await setLastActivity(ctx, idle.id, ago(13 * HOUR_MS));
    // Eleven hours without anything is not yet idle (IDLE_SESSION_HOURS is 12 here).
    await setLastActivity(ctx, busy.id, ago(11 * HOUR_MS));

    const report = await ctx.server.app.housekeeping.sweep();

    expect(report.sessionsEnded).toBe(1);
    await stream.nextOf('session.ended');
    expectRefusal(
      await student.post('/api/join', { code: idle.joinCode, displayName: 'Eve' }),
      410,
      'session_ended',
      'code',
    );
    expectRefusal(await student.get(`/api/join/${idle.joinCode}`), 410, 'session_ended', 'code');
    const sessions = await listed(teacher);
    expect(sessions.find((s) => s.id === idle.id)).toMatchObject({ status: 'ended' });
    expect(sessions.find((s) => s.id === idle.id)?.endedAt).not.toBeNull();
    expect(sessions.find((s) => s.id === busy.id)).toMatchObject({ status: 'open' });
    const joined = await joinAs(ctx.server.baseUrl, busy.joinCode, 'Fay');
    expect(joined.joined satisfies JoinResponse).toMatchObject({ sessionId: busy.id });
  });

  it('counts a join or a teacher action as activity, so an active session stays open', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const session = (await createLiveSession(teacher, 'teacher-paced')).session;
    await setLastActivity(ctx, session.id, ago(13 * HOUR_MS));
    // The first action of this instance on the session is written at once.
    await joinAs(ctx.server.baseUrl, session.joinCode, 'Gus');

    await ctx.server.app.housekeeping.sweep();

    expect((await listed(teacher)).find((s) => s.id === session.id)).toMatchObject({
      status: 'open',
    });
  });

  it('ends each idle session once even when two sweeps run at the same time', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const session = (await createLiveSession(teacher, 'self-paced')).session;
    const { student } = await joinAs(ctx.server.baseUrl, session.joinCode, 'Hal');
    const stream = await student.openStream(`/api/sessions/${session.id}/events`);
    await stream.nextOf('ready');
    await setLastActivity(ctx, session.id, ago(20 * HOUR_MS));

    // As two instances would: each its own pass, not queued behind the other.
    const { db, hub, config } = ctx.server.app;
    const reports = await Promise.all([
      sweep({ db, hub, config }, new Date()),
      sweep({ db, hub, config }, new Date()),
    ]);

    expect(reports.map((r) => r.sessionsEnded).sort()).toEqual([0, 1]);
    const events = await stream.collect(1000);
    expect(events.filter((e) => e.event === 'session.ended')).toHaveLength(1);
  });

  it('purges expired sign-ins, spent password-reset links and events past replay', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const me = await teacher.get<{ teacher: Teacher }>('/api/auth/me');
    const teacherId = me.body.teacher.id;
    const { db } = ctx.server;
    await db.query('UPDATE auth_sessions SET expires_at = $2 WHERE teacher_id = $1', [
      teacherId,
      ago(1000),
    ]);
    // Links are made valid, then aged: making one already expired would purge it at once.
    const [used, expired, fresh] = ['used', 'expired', 'fresh'].map((n) => `${n}-${randomUUID()}`);
    for (const token of [used, expired, fresh]) {
      await createPasswordReset(db, teacherId, token!, new Date(Date.now() + HOUR_MS));
    }
    await db.query('UPDATE password_resets SET used_at = $2 WHERE token_hash = $1', [
      used,
      ago(2 * DAY_MS),
    ]);
    await db.query('UPDATE password_resets SET expires_at = $2 WHERE token_hash = $1', [
      expired,
      ago(2 * DAY_MS),
    ]);
    const other = await signUpTeacher(ctx.server.baseUrl);
    const session = (await createLiveSession(other, 'self-paced')).session;
    const oldEvent = await insertSessionEvent(
      db,
      session.id,
      { to: 'teacher' },
      { type: 'session.ended' },
    );
    await db.query('UPDATE session_events SET created_at = $2 WHERE id = $1', [
      oldEvent,
      ago(25 * HOUR_MS),
    ]);
    const recentEvent = await insertSessionEvent(
      db,
      session.id,
      { to: 'teacher' },
      { type: 'session.ended' },
    );

    const report = await ctx.server.app.housekeeping.sweep();

    expect(report.signInsDeleted).toBeGreaterThanOrEqual(1);
    expect(report.passwordResetsDeleted).toBeGreaterThanOrEqual(2);
    expect(report.eventsDeleted).toBeGreaterThanOrEqual(1);
    const count = async (sql: string, params: unknown[]) =>
      Number((await db.query<{ n: string | number }>(sql, params)).rows[0]?.n);
    expect(
      await count('SELECT count(*) AS n FROM auth_sessions WHERE teacher_id = $1', [teacherId]),
    ).toBe(0);
    expectRefusal(await teacher.get('/api/auth/me'), 401, 'not_signed_in');
    expect(
      await count('SELECT count(*) AS n FROM password_resets WHERE teacher_id = $1', [teacherId]),
    ).toBe(1);
    expect(
      await count('SELECT count(*) AS n FROM password_resets WHERE token_hash = $1', [fresh]),
    ).toBe(1);
    expect(await count('SELECT count(*) AS n FROM session_events WHERE id = $1', [oldEvent])).toBe(
      0,
    );
    expect(
      await count('SELECT count(*) AS n FROM session_events WHERE id = $1', [recentEvent]),
    ).toBe(1);
    // The other teacher's sign-in has not expired and still works.
    expect((await other.get('/api/auth/me')).status).toBe(200);

    const again = await ctx.server.app.housekeeping.sweep();
    expect(again).toMatchObject({ signInsDeleted: 0, passwordResetsDeleted: 0, eventsDeleted: 0 });
  });
});

describeWithServer(
  'housekeeping at the longest retention on %s',
  { config: { retentionDays: 1095, idleSessionHours: null } },
  (ctx) => {
    it('keeps ended sessions up to three years, and idle open ones when IDLE_SESSION_HOURS is off', async () => {
      const teacher = await signUpTeacher(ctx.server.baseUrl);
      const kept = await endedSessionWithAnswer(ctx, teacher, 'Ida');
      const endedAt = ago(1094 * DAY_MS);
      await setEndedAt(ctx, kept, endedAt);
      const gone = await endedSessionWithAnswer(ctx, teacher, 'Ivo');
      await setEndedAt(ctx, gone, ago(1096 * DAY_MS));
      const open = (await createLiveSession(teacher, 'self-paced')).session;
      await setLastActivity(ctx, open.id, ago(3650 * DAY_MS));

      const report = await ctx.server.app.housekeeping.sweep();

      expect(report).toMatchObject({ sessionsEnded: 0, sessionsDeleted: 1 });
      const sessions = await listed(teacher);
      const deletesAt = new Date(new Date(endedAt).getTime() + 1095 * DAY_MS).toISOString();
      expect(sessions.find((s) => s.id === kept)).toMatchObject({ deletesAt });
      expect(sessions.find((s) => s.id === gone)).toBeUndefined();
      expect(sessions.find((s) => s.id === open.id)).toMatchObject({ status: 'open' });
      expect((await joinAs(ctx.server.baseUrl, open.joinCode, 'Jo')).joined.sessionId).toBe(
        open.id,
      );
    });
  },
);

describeWithServer(
  'the data policy on %s',
  { config: { retentionDays: 30, idleSessionHours: 48 } },
  (ctx) => {
    it("answers anyone with this server's own retention settings, not the defaults", async () => {
      const response = await new ApiClient(ctx.server.baseUrl).get('/api/data-policy');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ retentionDays: 30, idleSessionHours: 48 });
    });
  },
);
