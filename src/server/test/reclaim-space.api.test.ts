import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { type ApiClient, createLiveSession, joinAs, signUpTeacher } from './api-client';
import { describeWithServer, type ServerContext } from './use-test-server';

const DAY_MS = 24 * 3600 * 1000;

/**
 * How many times the answers table (where students' words are) has been vacuumed by hand, as
 * the database's statistics count it. PostgreSQL may publish the count a moment after the
 * VACUUM, so callers wait for it to change.
 */
async function answersVacuumCount(ctx: ServerContext): Promise<number> {
  const { rows } = await ctx.server.db.query<{ n: string | number }>(
    `SELECT vacuum_count AS n FROM pg_stat_user_tables
     WHERE relname = 'answers' AND schemaname = current_schema()`,
  );
  return Number(rows[0]?.n ?? 0);
}

async function expectVacuumedSince(ctx: ServerContext, before: number) {
  await expect.poll(() => answersVacuumCount(ctx), { timeout: 5000 }).toBeGreaterThan(before);
}

/** A session with one student who answered; returns the session's id and the student's. */
async function sessionWithAnswer(ctx: ServerContext, teacher: ApiClient) {
  const { id, joinCode } = (await createLiveSession(teacher, 'self-paced')).session;
  const { student, joined } = await joinAs(ctx.server.baseUrl, joinCode, 'Ana');
  const answered = await student.put(`/api/sessions/${id}/answers/thesis-question`, {
    submissionId: randomUUID(),
    revision: 1,
    answer: { kind: 'prompt', text: 'Ana thinks it was a mistake.' },
  });
  expect(answered.status).toBe(200);
  return { sessionId: id, participantId: joined.participant.id };
}

describeWithServer('reclaiming space after deletions on %s', (ctx) => {
  it('vacuums after a sweep deletes a session past retention', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const { sessionId } = await sessionWithAnswer(ctx, teacher);
    expect((await teacher.post(`/api/sessions/${sessionId}/end`)).status).toBe(200);
    await ctx.server.db.query('UPDATE class_sessions SET ended_at = $2 WHERE id = $1', [
      sessionId,
      new Date(Date.now() - 400 * DAY_MS).toISOString(),
    ]);
    const before = await answersVacuumCount(ctx);

    const report = await ctx.server.app.housekeeping.sweep();

    expect(report.sessionsDeleted).toBeGreaterThanOrEqual(1);
    await expectVacuumedSince(ctx, before);
  });

  it('vacuums after a teacher deletes a student, a session and their account', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const { sessionId, participantId } = await sessionWithAnswer(ctx, teacher);
    const base = `/api/sessions/${sessionId}`;

    let before = await answersVacuumCount(ctx);
    expect((await teacher.delete(`${base}/participants/${participantId}/data`)).status).toBe(200);
    await expectVacuumedSince(ctx, before);

    before = await answersVacuumCount(ctx);
    expect((await teacher.delete(base)).status).toBe(204);
    await expectVacuumedSince(ctx, before);

    before = await answersVacuumCount(ctx);
    const deleted = await teacher.request('DELETE', '/api/auth/account', {
      password: 'correct horse battery',
    });
    expect(deleted.status).toBe(204);
    await expectVacuumedSince(ctx, before);
  });
});
